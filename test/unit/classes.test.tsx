/**
 * The host's class names (data-osdi-class-<part>, <meta name="osdi-embed-class-<part>">,
 * mount()'s classes): parsed, checked, in which order they win, and where they go in
 * a widget and in a form of the author's own.
 */
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { CLASS_PARTS } from "../../src/config/attributes";
import { parseOptions } from "../../src/config/parse";
import { toAttributes } from "../../src/config/settings";
import { mount, unmount } from "../../src/element/mount";
import { readPage } from "../../src/element/page";
import { setImports } from "../../src/files/parts";
import { authorError, EVENT, PETITION, parse } from "./helpers";

let error: MockInstance<typeof console.error>;
let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  error = vi.spyOn(console, "error").mockImplementation(() => {});
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => {
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-osdi-mounted]")))
    unmount(el);
  document.body.replaceChildren();
  for (const meta of Array.from(document.querySelectorAll("meta"))) meta.remove();
  // A new address, so that the next test does not get this one's metas.
  pageWith({});
  vi.restoreAllMocks();
});

setImports({
  after: () => import("../../src/parts/after"),
  byo: () => import("../../src/parts/byo"),
  countries: () => import("../../src/parts/countries"),
  event: () => import("../../src/parts/event"),
  help: () => import("../../src/parts/help"),
  "lang-ar": () => import("../../src/parts/lang-ar"),
  "lang-de": () => import("../../src/parts/lang-de"),
  "lang-es": () => import("../../src/parts/lang-es"),
  "lang-fr": () => import("../../src/parts/lang-fr"),
  "lang-pt": () => import("../../src/parts/lang-pt"),
  rendered: () => import("../../src/parts/rendered"),
});

const warnings = () => warn.mock.calls.map((c) => String(c[0]));

/** The page's metas are read once per address: each test that adds some gets an address of its own. */
let addresses = 0;
function pageWith(metas: Record<string, string>) {
  for (const [part, content] of Object.entries(metas)) {
    const meta = document.createElement("meta");
    meta.name = `osdi-embed-class-${part}`;
    meta.content = content;
    document.head.append(meta);
  }
  history.replaceState(null, "", `/page-${++addresses}`);
  return readPage();
}

describe("data-osdi-class-<part>", () => {
  it("adds nothing by default", () => {
    expect(parse().classes).toEqual({});
  });

  it("takes class names for every part, one space apart", () => {
    const attrs = Object.fromEntries(
      CLASS_PARTS.map((part) => [`class-${part}`, `  ${part}-a\n\t${part}-b  `]),
    );
    expect(parse(attrs).classes).toEqual(
      Object.fromEntries(CLASS_PARTS.map((part) => [part, `${part}-a ${part}-b`])),
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it("takes Tailwind's utilities, variants and arbitrary values as class names", () => {
    const v = "hover:bg-sky-700 w-1/2 bg-[#0a0] !p-2 md:focus:ring-2 -mt-1 @lg:p-4 2xl:text-base";
    expect(parse({ "class-button": v }).classes.button).toBe(v);
  });

  it("takes an empty value as no classes", () => {
    expect(parse({ "class-button": "" }).classes).toEqual({ button: "" });
    expect(parse({ "class-input": "   " }).classes).toEqual({ input: "" });
  });

  it.each([
    [".btn", "btn"],
    ["btn .btn-primary", "btn-primary"],
    [".btn.btn-primary", "btn btn-primary"],
  ])("refuses %j, a selector, and gives the names without dots", (value, fixed) => {
    const e = authorError(() => parse({ "class-button": value }));
    expect(e.attr).toBe("data-osdi-class-button");
    expect(e.value).toBe(value);
    expect(e.code).toBe("className");
    expect(e.fix).toContain(`without the dot`);
    expect(e.fix).toContain(`"${fixed}"`);
    expect(e.message).toContain(
      `data-osdi-class-button="${value}" is not valid: write class names`,
    );
  });

  it.each([
    ["btn,btn-primary", "btn,btn-primary"],
    ["btn btn-primary, btn-lg", "btn-primary,"],
    ["color:red;", "color:red;"],
    ["btn{color:red}", "btn{color:red}"],
    ['btn" onclick="x', 'btn"'],
    ["btn'", "btn'"],
    ["<b>", "<b>"],
    ["a=b", "a=b"],
    ["[&>svg]:w-4", "[&>svg]:w-4"],
  ])("refuses %j, CSS or HTML", (value, token) => {
    const e = authorError(() => parse({ "class-input": value }));
    expect(e.attr).toBe("data-osdi-class-input");
    expect(e.code).toBe("className");
    expect(e.arg).toBe(token);
    expect(e.fix).toContain(`"${token}" is not a class name`);
  });

  it("warns about an unknown part, naming the closest, and mounts", () => {
    const o = parse({ "class-buton": "btn", "class-lable": "form-label" });
    expect(o.classes).toEqual({});
    expect(warnings()).toEqual([
      "[osdi-embed] data-osdi-class-buton is not a part; did you mean data-osdi-class-button? Parts: form field label input check button status error hint title description.",
      "[osdi-embed] data-osdi-class-lable is not a part; did you mean data-osdi-class-label? Parts: form field label input check button status error hint title description.",
    ]);
  });

  it("comes as mount()'s classes setting, a string or an array per part", () => {
    const raw = toAttributes({
      classes: { button: "btn btn-primary", input: ["form-control", "form-control-lg"] },
    });
    expect(raw).toEqual({
      "class-button": "btn btn-primary",
      "class-input": "form-control form-control-lg",
    });
    expect(parse(raw).classes).toEqual({
      button: "btn btn-primary",
      input: "form-control form-control-lg",
    });
    const e = authorError(() => parse(toAttributes({ classes: { button: [".btn"] } })));
    expect(e.attr).toBe("data-osdi-class-button");
  });
});

describe('<meta name="osdi-embed-class-<part>">', () => {
  it("gives every widget of the page its classes", () => {
    const page = pageWith({ button: "btn  btn-primary", input: "form-control" });
    for (const action of [PETITION, EVENT])
      expect(parseOptions({ action }, page).classes).toEqual({
        button: "btn btn-primary",
        input: "form-control",
      });
  });

  it("is replaced, part by part, by the container's own attribute; an empty one takes it away", () => {
    const page = pageWith({
      button: "btn btn-primary",
      input: "form-control",
      label: "form-label",
    });
    const o = parseOptions(
      { action: PETITION, "class-button": "btn btn-success", "class-label": "" },
      page,
    );
    expect(o.classes).toEqual({ button: "btn btn-success", input: "form-control", label: "" });
  });

  it("is read once per page address (src/element/page.ts)", () => {
    pageWith({ button: "first" });
    expect(parseOptions({ action: PETITION }, readPage()).classes).toEqual({ button: "first" });
    document.querySelector("meta")!.content = "second";
    expect(parseOptions({ action: PETITION }, readPage()).classes).toEqual({ button: "first" });
    expect(parseOptions({ action: PETITION }, pageWith({})).classes).toEqual({ button: "second" });
  });

  it("ignores a meta of an unknown part, and other metas", () => {
    const page = pageWith({ buton: "btn", "": "x" });
    const other = document.createElement("meta");
    other.name = "osdi-embed-base";
    other.content = "https://cdn.example.org/";
    document.head.append(other);
    expect(parseOptions({ action: PETITION }, page).classes).toEqual({});
  });

  it("refuses a bad value with an error that names the meta", () => {
    const page = pageWith({ button: ".btn" });
    const e = authorError(() => parseOptions({ action: PETITION }, page));
    expect(e.attr).toBe('<meta name="osdi-embed-class-button"> content');
    expect(e.code).toBe("className");
    expect(e.message).toBe(
      '[osdi-embed] <meta name="osdi-embed-class-button"> content=".btn" is not valid: write class names without the dot, as in the class attribute: "btn", not ".btn". The fallback stays.',
    );
  });

  it("loses to mount()'s settings, which win over the attribute too", () => {
    pageWith({ button: "from-meta", input: "input-from-meta", label: "label-from-meta" });
    const el = container({
      action: PETITION,
      "class-button": "from-attribute",
      "class-input": "x",
    });
    mount(el, { classes: { button: "from-settings", label: ["a", "b"] } });
    expect(q(el, "button").className).toBe("osdi-embed__button from-settings");
    expect(q(el, "input[name=email]").className).toBe("osdi-embed__input x");
    expect(q(el, "label[for$=email]").className).toBe("osdi-embed__label a b");
    expect(error).not.toHaveBeenCalled();
  });

  it("stops a widget when it is bad: the fallback stays, and the console names the meta", () => {
    pageWith({ input: "form-control;" });
    const el = container({ action: PETITION });
    expect(mount(el)).toBeNull();
    expect(el.querySelector(".osdi-embed")).toBeNull();
    expect(String(error.mock.calls[0][0])).toContain(
      '<meta name="osdi-embed-class-input"> content="form-control;" is not valid: "form-control;" is not a class name',
    );
  });
});

function container(attrs: Record<string, string>) {
  const el = document.createElement("div");
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(`data-osdi-${k}`, v);
  el.innerHTML = '<a href="https://actionnetwork.org/petitions/x">Sign</a>';
  document.body.append(el);
  return el;
}
const q = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el;
};
const classesOf = (root: ParentNode, sel: string) =>
  Array.from(root.querySelectorAll(sel)).map((e) => e.getAttribute("class"));
const submit = (form: HTMLFormElement) =>
  form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));

describe("in a widget", () => {
  /** A widget with a part of every kind: text inputs, a select, a textarea, a group, boxes. */
  const everything = {
    action: PETITION,
    title: "Save the park",
    description: "Sign by Friday.",
    fields: "given_name email phone comments",
    "sms-opt-in": "",
    "email-opt-in": "",
    "custom-fields": JSON.stringify([
      { name: "shift", label: "Shift", type: "radio", options: ["AM", "PM"] },
      { name: "issue", label: "Issue", type: "select", options: ["Housing", "Transit"] },
    ]),
  };
  const hooked = Object.fromEntries(CLASS_PARTS.map((part) => [`class-${part}`, `my-${part}`]));

  it("adds each part's classes after the widget's own", async () => {
    const el = container({ ...everything, ...hooked });
    mount(el);
    expect(q(el, "h2").className).toBe("osdi-embed__title my-title");
    expect(q(el, "p").className).toBe("osdi-embed__description my-description");
    const form = q<HTMLFormElement>(el, "form");
    expect(form.className).toBe("osdi-embed__form my-form");
    // Each row of the form: the fields, the group, and the single boxes; not a group's options.
    expect(classesOf(form, ":scope > div:not([hidden])")).toEqual([
      "osdi-embed__field osdi-embed__field--given_name my-field",
      "osdi-embed__field osdi-embed__field--email my-field",
      "osdi-embed__field osdi-embed__field--phone my-field",
      "osdi-embed__field osdi-embed__field--comments my-field",
      "osdi-embed__field osdi-embed__field--custom_fields-shift my-field",
      "osdi-embed__field osdi-embed__field--custom_fields-issue my-field",
      "osdi-embed__checkbox my-field",
      "osdi-embed__checkbox my-field",
    ]);
    expect(classesOf(form, "fieldset > div")).toEqual([
      "osdi-embed__checkbox",
      "osdi-embed__checkbox",
    ]);
    expect(classesOf(form, ".osdi-embed__label")).toHaveLength(6);
    expect(new Set(classesOf(form, ".osdi-embed__label"))).toEqual(
      new Set(["osdi-embed__label my-label"]),
    );
    // Text-like inputs, the select and the textarea; the honeypot gets nothing.
    expect(classesOf(form, "input:not([type=radio], [type=checkbox]), select, textarea")).toEqual([
      "osdi-embed__input my-input",
      "osdi-embed__input my-input",
      "osdi-embed__input my-input",
      "osdi-embed__input my-input",
      "osdi-embed__input my-input",
      null,
    ]);
    expect(classesOf(form, "input[type=radio], input[type=checkbox]")).toEqual([
      "my-check",
      "my-check",
      "my-check",
      "my-check",
    ]);
    expect(q(el, "button").className).toBe("osdi-embed__button my-button");
    expect(q(el, ".osdi-embed__hint").className).toBe("osdi-embed__hint my-hint");
    expect(q(el, "[role=status]").className).toBe("osdi-embed__status my-status");
    submit(form);
    await vi.waitFor(() => expect(el.querySelector(".osdi-embed__error")).not.toBeNull());
    expect(new Set(classesOf(el, ".osdi-embed__error"))).toEqual(
      new Set(["osdi-embed__error my-error"]),
    );
    expect(el.querySelectorAll('[class~="my-error"]')).toHaveLength(
      el.querySelectorAll(".osdi-embed__error").length,
    );
  });

  it("takes them away with the widget on unmount: the fallback comes back as it was", () => {
    const el = container({ ...everything, ...hooked });
    mount(el);
    expect(el.querySelectorAll('[class*="my-"]').length).toBeGreaterThan(10);
    unmount(el);
    expect(el.innerHTML).toBe('<a href="https://actionnetwork.org/petitions/x">Sign</a>');
  });

  it("without any, has only its own classes, and none on checkboxes and radios", () => {
    const el = container(everything);
    mount(el);
    expect(q(el, "button").getAttribute("class")).toBe("osdi-embed__button");
    expect(q(el, "input[name=email]").getAttribute("class")).toBe("osdi-embed__input");
    for (const box of Array.from(el.querySelectorAll("input[type=radio], input[type=checkbox]")))
      expect(box.hasAttribute("class")).toBe(false);
    expect(el.querySelectorAll('[class*="  "], [class$=" "]')).toHaveLength(0);
  });
});

describe("in a form of the author's own", () => {
  function ownForm(attrs: Record<string, string>) {
    const form = document.createElement("form");
    for (const [k, v] of Object.entries(attrs)) form.setAttribute(`data-osdi-${k}`, v);
    form.className = "signup";
    form.innerHTML = `
      <div class="row"><label class="lbl" for="e">Email</label>
      <input class="form-control" id="e" name="email" type="email" required></div>
      <button class="btn">Join</button>`;
    document.body.append(form);
    return form;
  }
  /** The author's elements (as they were before mounting), each with its class now. */
  const authorsClasses =
    (form: HTMLFormElement, elements = Array.from(form.querySelectorAll("*"))) =>
    () =>
      elements.map((e) => e.getAttribute("class"));

  it("adds the status's and the errors' classes to what it adds, and nothing to the author's elements", async () => {
    const form = ownForm({
      action: PETITION,
      ...Object.fromEntries(CLASS_PARTS.map((p) => [`class-${p}`, `my-${p}`])),
    });
    const classes = authorsClasses(form);
    const before = classes();
    mount(form);
    const status = await vi.waitFor(() => q(form, "[role=status]"));
    expect(status.className).toBe("osdi-embed__status my-status");
    submit(form);
    const message = await vi.waitFor(() => q(form, ".osdi-embed__error"));
    expect(message.className).toBe("osdi-embed__error my-error");
    // The author's own elements keep exactly their classes; the form gets only osdi-embed's.
    expect(classes()).toEqual(before);
    expect(form.className).toBe("signup osdi-embed osdi-embed--petition");
    expect(form.querySelectorAll('[class*="my-"]')).toHaveLength(2);
    expect(error).not.toHaveBeenCalled();

    unmount(form);
    expect(
      form.querySelectorAll('[class*="my-"], .osdi-embed__status, .osdi-embed__error'),
    ).toHaveLength(0);
    expect(classes()).toEqual(before);
    expect(form.className).toBe("signup");
  });

  it("takes them from the page's metas too", async () => {
    pageWith({ status: "alert", error: "invalid-feedback d-block", button: "btn-primary" });
    const form = ownForm({ action: PETITION });
    mount(form);
    expect((await vi.waitFor(() => q(form, "[role=status]"))).className).toBe(
      "osdi-embed__status alert",
    );
    submit(form);
    expect((await vi.waitFor(() => q(form, ".osdi-embed__error"))).className).toBe(
      "osdi-embed__error invalid-feedback d-block",
    );
    expect(q(form, "button").className).toBe("btn");
  });
});
