/**
 * @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
 */

import { options } from "preact";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { mount, scan, unmount } from "../../src/element/mount";
import { observe } from "../../src/element/schedule";
import { setBase } from "../../src/files/load";
import { type Importers, setImports } from "../../src/files/parts";
import { en } from "../../src/i18n/en";
import { Field } from "../../src/widget/Field";
import { Widget } from "../../src/widget/Widget";
import { EVENT, FORM, PETITION } from "./helpers";

const FALLBACK = '<a href="https://actionnetwork.org/petitions/x">Sign the petition</a>';

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
  for (const link of Array.from(document.querySelectorAll("link"))) link.remove();
  setBase(undefined);
  setImports(PARTS);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Parts import as in the ESM build: the country list comes from its own module. */
const PARTS: Importers = {
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
};
setImports(PARTS);

/** A container with data-osdi-* attributes and fallback content, in the document. */
function container(attrs: Record<string, string>, parent: HTMLElement = document.body) {
  const el = document.createElement("div");
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(`data-osdi-${k}`, v);
  el.innerHTML = FALLBACK;
  parent.append(el);
  return el;
}

const q = <T extends Element = HTMLElement>(root: ParentNode, sel: string) => {
  const el = root.querySelector<T>(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el as T;
};
/** The text of the elements an input's aria-describedby points to, inside root. */
const described = (root: Element, input: Element) =>
  (input.getAttribute("aria-describedby") ?? "")
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => {
      const target = document.getElementById(id);
      expect(target && root.contains(target), `#${id} in the widget`).toBe(true);
      return target!.textContent;
    });
const labelText = (root: ParentNode, input: Element) =>
  q(root, `label[for="${input.id}"]`).textContent;
const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
};
const submit = (root: ParentNode) =>
  q(root, "form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
const errorText = () => error.mock.calls.map((c) => String(c[0])).join("\n");

describe("mount", () => {
  it("replaces the fallback with the widget", () => {
    const el = container({ action: PETITION });
    expect(mount(el)?.element).toBe(el);
    expect(el.hasAttribute("data-osdi-mounted")).toBe(true);
    expect(el.querySelector('a[href*="petitions/x"]')).toBeNull();
    const root = q(el, ".osdi-embed");
    expect(root.classList.contains("osdi-embed--petition")).toBe(true);
    expect(root.getAttribute("data-osdi-state")).toBe("idle");
    expect(el.querySelectorAll('[role="status"]')).toHaveLength(1);
    expect(q(el, "button[type=submit]").textContent).toBe("Sign");
    expect(error).not.toHaveBeenCalled();
  });

  it("labels every default field and gives it the right type and autocomplete", () => {
    const el = container({ action: PETITION });
    mount(el);
    const inputs = Array.from(el.querySelectorAll<HTMLInputElement>(".osdi-embed__input"));
    expect(inputs.map((i) => i.name)).toEqual([
      "given_name",
      "family_name",
      "email",
      "postal_code",
    ]);
    expect(inputs.map((i) => labelText(el, i))).toEqual([
      "First name",
      "Last name",
      `Email ${en.required}`,
      "ZIP / Postal code",
    ]);
    const email = q<HTMLInputElement>(el, "input[name=email]");
    expect(email.getAttribute("type")).toBe("email");
    expect(email.getAttribute("autocomplete")).toBe("email");
    expect(email.getAttribute("inputmode")).toBe("email");
    // "(required)" is in the label text itself (no aria-required: it would be read twice).
    expect(q(el, "input[name=given_name]").getAttribute("autocomplete")).toBe("given-name");
    expect(q(el, "input[name=postal_code]").getAttribute("autocomplete")).toBe("postal-code");
  });

  it.each([
    [FORM, "form", "Submit"],
    [EVENT, "event", "RSVP"],
  ])("renders %s as a %s with the %s button", (action, kind, label) => {
    const el = container({ action });
    mount(el);
    expect(q(el, ".osdi-embed").className).toBe(`osdi-embed osdi-embed--${kind}`);
    expect(q(el, "button[type=submit]").textContent).toBe(label);
  });

  it("renders phone, country, comments and custom fields", async () => {
    const el = container({
      action: PETITION,
      fields: "email phone country comments",
      "custom-fields": JSON.stringify([
        { name: "issue", label: "Issue", type: "select", options: ["Housing", "Transit"] },
        { name: "skills", label: "Skills", type: "checkbox", options: ["Design", "Code"] },
        { name: "shift", label: "Shift", type: "radio", options: ["AM", "PM"] },
        { name: "agree", label: "I agree", type: "checkbox", required: true },
      ]),
    });
    mount(el);
    const phone = q(el, "input[name=phone]");
    expect(phone.getAttribute("type")).toBe("tel");
    expect(phone.getAttribute("autocomplete")).toBe("tel");
    const country = q<HTMLSelectElement>(el, "select[name=country]");
    expect(labelText(el, country)).toBe("Country");
    // The names arrive with their part, a moment after mounting.
    await vi.waitFor(() => expect(country.options.length).toBeGreaterThan(240));
    expect(country.querySelector('option[value="US"]')?.textContent).toBe("United States");
    expect(q(el, "textarea[name=comments]")).toBeTruthy();
    const issue = q<HTMLSelectElement>(el, 'select[name="custom_fields.issue"]');
    expect(Array.from(issue.options).map((o) => o.value)).toEqual(["", "Housing", "Transit"]);
    expect(el.querySelectorAll('input[type=checkbox][name="custom_fields.skills"]')).toHaveLength(
      2,
    );
    expect(el.querySelectorAll('input[type=radio][name="custom_fields.shift"]')).toHaveLength(2);
    expect(q(el, "fieldset legend").textContent).toBe("Skills");
    const agree = q(el, 'input[type=checkbox][name="custom_fields.agree"]');
    expect(labelText(el, agree)).toContain("I agree");
  });

  it("asks for the country in a text box when the country list cannot come, and sends what is typed", async () => {
    setImports({ ...PARTS, countries: () => Promise.reject(new TypeError("Failed to fetch")) });
    const el = container({ action: PETITION, fields: "email country", required: "email country" });
    mount(el);
    // A select at first, while the list is on its way...
    expect(el.querySelector("select[name=country]")).not.toBeNull();
    // ...then a text box: a required country can still be given.
    await vi.waitFor(() => expect(el.querySelector("input[name=country]")).not.toBeNull());
    const country = q<HTMLInputElement>(el, "input[name=country]");
    expect(country.getAttribute("type")).toBe("text");
    expect(country.getAttribute("autocomplete")).toBe("country");
    expect(labelText(el, country)).toBe(`Country ${en.required}`);
    expect(el.querySelector("select[name=country]")).toBeNull();
  });

  it("names countries in the nearest lang, or data-osdi-lang", async () => {
    const section = document.createElement("section");
    section.setAttribute("lang", "de");
    document.body.append(section);
    const a = container({ action: PETITION, fields: "email country" }, section);
    const b = container({ action: PETITION, fields: "email country", lang: "fr" }, section);
    mount(a);
    mount(b);
    // Each widget's language and the country names arrive as parts, in any order.
    await vi.waitFor(() => {
      expect(a.querySelector('option[value="DE"]')).not.toBeNull();
      expect(b.querySelector('option[value="DE"]')).not.toBeNull();
    });
    expect(a.querySelector('option[value="DE"]')?.textContent).toBe("Deutschland");
    expect(b.querySelector('option[value="DE"]')?.textContent).toBe("Allemagne");
  });

  it("shows title, description and text overrides as text, never HTML", () => {
    const el = container({
      action: PETITION,
      title: "<img src=x onerror=alert(1)>Save the park",
      description: "<b>Now</b>",
      "text-submit": "<i>Add my name</i>",
    });
    mount(el);
    expect(el.querySelector("img, b, i")).toBeNull();
    expect(q(el, "h2").textContent).toBe("<img src=x onerror=alert(1)>Save the park");
    expect(q(el, ".osdi-embed__description").textContent).toBe("<b>Now</b>");
    expect(q(el, "button[type=submit]").textContent).toBe("<i>Add my name</i>");
  });

  it("shows event details (rendered by the event part once it arrives)", async () => {
    const el = container({
      action: EVENT,
      start: "2026-03-14T18:00:00Z",
      end: "2026-03-14T20:00:00Z",
      location: "City Hall",
    });
    mount(el);
    await vi.waitFor(() => q(el, "time"));
    expect(q(el, "time").getAttribute("datetime")).toBe("2026-03-14T18:00:00.000Z");
    expect(q(el, ".osdi-embed__details").textContent).toContain("City Hall");
    // The reader's time zone is named, so nobody turns up at the wrong hour.
    expect(q(el, "time").textContent).toMatch(/UTC|GMT/);
  });

  it("renders the consent boxes; the SMS box with its disclosure", () => {
    const el = container({
      action: PETITION,
      fields: "email phone",
      "email-opt-in": "checked",
      "sms-opt-in": "unchecked",
    });
    mount(el);
    const email = q<HTMLInputElement>(el, "input[name=email_opt_in]");
    const sms = q<HTMLInputElement>(el, "input[name=sms_opt_in]");
    expect(email.checked).toBe(true);
    expect(sms.checked).toBe(false);
    expect(labelText(el, sms)).toBe(en.sms_opt_in);
    expect(described(el, sms)).toEqual([en.sms_disclosure]);
  });

  it("gives two widgets unique ids, and every label points into its own widget", () => {
    const a = container({ action: PETITION, fields: "given_name email phone" });
    const b = container({ action: PETITION, fields: "given_name email phone" });
    mount(a);
    mount(b);
    const ids = Array.from(document.querySelectorAll("[id]")).map((e) => e.id);
    expect(ids.length).toBeGreaterThan(6);
    expect(new Set(ids).size).toBe(ids.length);
    for (const w of [a, b])
      for (const label of Array.from(w.querySelectorAll("label[for]")))
        expect(w.contains(document.getElementById(label.getAttribute("for")!))).toBe(true);
  });

  it("does nothing the second time, and gives a handle again", () => {
    const el = container({ action: PETITION });
    const ready = vi.fn();
    el.addEventListener("osdi:ready", ready);
    expect(mount(el)?.element).toBe(el);
    const again = mount(el);
    expect(again?.element).toBe(el);
    expect(el.querySelectorAll(".osdi-embed")).toHaveLength(1);
    expect(ready).toHaveBeenCalledTimes(1);
    // The second handle unmounts the one widget.
    again?.unmount();
    expect(el.innerHTML).toBe(FALLBACK);
  });

  it("emits osdi:ready, bubbling, with kind and action", () => {
    const el = container({ action: FORM });
    const seen: CustomEvent[] = [];
    document.addEventListener("osdi:ready", (e) => seen.push(e as CustomEvent), { once: true });
    mount(el);
    expect(seen).toHaveLength(1);
    expect(seen[0].target).toBe(el);
    expect(seen[0].bubbles).toBe(true);
    expect(seen[0].detail).toEqual({ kind: "form", action: FORM });
  });
});

describe("mount with options", () => {
  it("takes settings that win over the attributes, and writes none of them into the DOM", () => {
    const el = container({ action: PETITION, fields: "given_name email", "text-submit": "Old" });
    const attributes = el.getAttributeNames();
    const handle = mount(el, {
      fields: ["email", "phone"],
      required: ["email", "phone"],
      title: "Save the park",
      text: { submit: "Add my name" },
    });
    expect(handle?.element).toBe(el);
    const names = Array.from(el.querySelectorAll<HTMLInputElement>(".osdi-embed__input")).map(
      (i) => i.name,
    );
    expect(names).toEqual(["email", "phone"]);
    expect(q(el, "h2").textContent).toBe("Save the park");
    expect(q(el, "button[type=submit]").textContent).toBe("Add my name");
    expect(el.getAttributeNames()).toEqual([...attributes, "data-osdi-mounted"]);
    expect(el.getAttribute("data-osdi-fields")).toBe("given_name email");
  });

  it("mounts an element with no data-osdi-action of its own", () => {
    const el = document.createElement("div");
    el.innerHTML = FALLBACK;
    document.body.append(el);
    expect(mount(el, { action: FORM, fields: ["email"] })).not.toBeNull();
    expect(q(el, ".osdi-embed").className).toBe("osdi-embed osdi-embed--form");
    expect(error).not.toHaveBeenCalled();
  });

  it("gives a bad setting the attribute's author error: null, the fallback, one console line", () => {
    const el = container({ action: PETITION });
    expect(mount(el, { fields: ["given_name", "emial"] as never })).toBeNull();
    expect(el.innerHTML).toBe(FALLBACK);
    expect(el.hasAttribute("data-osdi-mounted")).toBe(false);
    expect(error).toHaveBeenCalledTimes(1);
    const [msg, target] = error.mock.calls[0];
    expect(msg).toContain('data-osdi-fields="given_name,emial" is not valid');
    expect(msg).toContain('did you mean "email"');
    expect(msg).toContain("The fallback stays.");
    expect(target).toBe(el);
    // The bad settings are gone with the mount: the attributes alone mount.
    expect(mount(el)).not.toBeNull();
  });

  it("warns about an unknown setting as about an unknown attribute", () => {
    const el = container({ action: PETITION });
    expect(mount(el, { feilds: "email" } as never)).not.toBeNull();
    expect(String(warn.mock.calls[0][0])).toContain("did you mean data-osdi-fields?");
  });

  it("calls each callback with its event's detail, until unmounted", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("{}", { status: 200 })),
    );
    const el = container({ action: FORM, fields: "email" });
    const calls: [string, unknown][] = [];
    const on = (name: string) => (detail: unknown) => calls.push([name, detail]);
    const handle = mount(el, {
      onReady: on("ready"),
      onSubmit: on("submit"),
      onSuccess: on("success"),
      onError: on("error"),
    });
    const detail = { kind: "form", action: FORM };
    expect(calls).toEqual([["ready", detail]]);
    submit(el);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]).toEqual(["error", { ...detail, message: en.error_fix, fields: ["email"] }]);
    type(q(el, "input[name=email]"), "ada@example.org");
    submit(el);
    await vi.waitFor(() => expect(calls).toHaveLength(4));
    expect(calls.slice(2)).toEqual([
      ["submit", detail],
      ["success", detail],
    ]);
    handle?.unmount();
    expect(el.innerHTML).toBe(FALLBACK);
    // The listeners are gone: an event now reaches none of them.
    el.dispatchEvent(new CustomEvent("osdi:success", { detail }));
    expect(calls).toHaveLength(4);
  });

  it("unmounts once: a second unmount() leaves a later mount alone", () => {
    const el = container({ action: PETITION });
    const first = mount(el);
    first?.unmount();
    expect(el.innerHTML).toBe(FALLBACK);
    const second = mount(el);
    first?.unmount();
    expect(el.querySelectorAll(".osdi-embed")).toHaveLength(1);
    second?.unmount();
    second?.unmount();
    expect(el.innerHTML).toBe(FALLBACK);
    expect(el.hasAttribute("data-osdi-mounted")).toBe(false);
  });

  it("ends the callbacks when the element is unmounted by unmount(element)", () => {
    const el = container({ action: PETITION });
    const onReady = vi.fn();
    mount(el, { onReady });
    unmount(el);
    mount(el);
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it("adds callbacks to an element already mounted, and mounts it again for new settings", () => {
    const el = container({ action: PETITION, fields: "email" });
    mount(el);
    const onSubmit = vi.fn();
    const handle = mount(el, { onSubmit });
    expect(el.querySelectorAll(".osdi-embed")).toHaveLength(1);
    el.dispatchEvent(new CustomEvent("osdi:submit", { detail: { kind: "petition" } }));
    expect(onSubmit).toHaveBeenCalledWith({ kind: "petition" });
    const onReady = vi.fn();
    expect(mount(el, { fields: ["email", "phone"], onReady })).not.toBeNull();
    expect(el.querySelector("input[name=phone]")).not.toBeNull();
    expect(el.querySelectorAll(".osdi-embed")).toHaveLength(1);
    expect(onReady).toHaveBeenCalledTimes(1);
    // The earlier handle's mount is over: its unmount() leaves this one alone.
    handle?.unmount();
    expect(el.querySelector("input[name=phone]")).not.toBeNull();
  });

  it("gives an own <form> a handle at once, and its settings to the own-form part", async () => {
    const form = document.createElement("form");
    form.setAttribute("data-osdi-action", FORM);
    form.innerHTML = '<input name="email" type="email"><input name="phone"><button>Go</button>';
    document.body.append(form);
    const onReady = vi.fn();
    const handle = mount(form, { required: ["phone"], onReady });
    expect(handle?.element).toBe(form);
    await vi.waitFor(() => expect(onReady).toHaveBeenCalledTimes(1));
    expect(form.getAttribute("data-osdi-state")).toBe("idle");
    // Required by the settings: the phone (by the inputs, it would have been the email).
    q<HTMLInputElement>(form, "input[name=email]").value = "ada@example.org";
    form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await vi.waitFor(() =>
      expect(q(form, "input[name=phone]").getAttribute("aria-invalid")).toBe("true"),
    );
    expect(q(form, "input[name=email]").hasAttribute("aria-invalid")).toBe(false);
    handle?.unmount();
    expect(form.hasAttribute("data-osdi-state")).toBe(false);
    expect(form.hasAttribute("data-osdi-required")).toBe(false);
  });
});

describe("bad configuration", () => {
  it("keeps the fallback and logs one error naming the attribute, value and fix", () => {
    const el = container({ action: PETITION, fields: "given_name emial" });
    const before = el.innerHTML;
    const fallback = el.firstChild;
    expect(mount(el)).toBeNull();
    expect(el.innerHTML).toBe(before);
    expect(el.firstChild).toBe(fallback);
    expect(el.hasAttribute("data-osdi-mounted")).toBe(false);
    expect(error).toHaveBeenCalledTimes(1);
    const [msg, target] = error.mock.calls[0];
    expect(msg).toContain('data-osdi-fields="given_name emial"');
    expect(msg).toContain('did you mean "email"');
    expect(target).toBe(el);
  });

  it("emits no osdi:ready", () => {
    const el = container({ action: "http://example.org/forms/x" });
    const ready = vi.fn();
    el.addEventListener("osdi:ready", ready);
    mount(el);
    expect(ready).not.toHaveBeenCalled();
    expect(errorText()).toContain("data-osdi-action");
  });

  it("refuses a credential attribute without printing it", () => {
    const el = container({ action: PETITION, "api-key": "sk_live_abcdef123456" });
    expect(mount(el)).toBeNull();
    expect(el.innerHTML).toBe(FALLBACK);
    expect(error).toHaveBeenCalledTimes(1);
    expect(errorText()).toContain("data-osdi-api-key");
    const printed = [...error.mock.calls, ...warn.mock.calls].map((c) => String(c[0])).join();
    expect(printed).not.toContain("sk_live_abcdef123456");
  });

  it("warns about an unknown attribute and still mounts", () => {
    const el = container({ action: PETITION, feilds: "email" });
    expect(mount(el)).not.toBeNull();
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain("did you mean data-osdi-fields?");
  });
});

describe("unmount", () => {
  it("restores the very same fallback nodes and allows mounting again", () => {
    const el = container({ action: PETITION });
    const link = el.firstChild;
    mount(el);
    unmount(el);
    expect(el.childNodes).toHaveLength(1);
    expect(el.firstChild).toBe(link);
    expect(el.innerHTML).toBe(FALLBACK);
    expect(el.hasAttribute("data-osdi-mounted")).toBe(false);
    expect(mount(el)).not.toBeNull();
    expect(el.querySelectorAll(".osdi-embed")).toHaveLength(1);
  });

  it("leaves a container that was never mounted alone", () => {
    const el = container({ action: PETITION });
    unmount(el);
    expect(el.innerHTML).toBe(FALLBACK);
  });
});

describe("scan", () => {
  it("mounts the good widget beside a bad one", () => {
    const bad = container({ action: PETITION, "custom-fields": "[oops" });
    const good = container({ action: FORM });
    const other = document.createElement("div");
    other.innerHTML = "<p>not a widget</p>";
    document.body.append(other);
    expect(scan()).toEqual([good]);
    expect(good.querySelector(".osdi-embed--form")).toBeTruthy();
    expect(bad.innerHTML).toBe(FALLBACK);
    expect(other.innerHTML).toBe("<p>not a widget</p>");
    expect(error).toHaveBeenCalledTimes(1);
    expect(errorText()).toContain("data-osdi-custom-fields");
  });

  it("includes the root itself and mounts only inside it", () => {
    const inside = container({ action: EVENT });
    const outside = container({ action: FORM });
    const nested = container({ action: PETITION }, inside);
    expect(scan(inside)).toEqual([inside, nested]);
    expect(outside.hasAttribute("data-osdi-mounted")).toBe(false);
  });

  it("mounts every widget of a page, each with its own state", async () => {
    const els = [container({ action: PETITION }), container({ action: PETITION })];
    expect(scan()).toEqual(els);
    const [a, b] = els;
    type(q(a, "input[name=email]"), "bad");
    submit(a);
    // Sending code arrives as a part, a moment after the click.
    await vi.waitFor(() =>
      expect(q(a, "input[name=email]").getAttribute("aria-invalid")).toBe("true"),
    );
    expect(q(b, "input[name=email]").hasAttribute("aria-invalid")).toBe(false);
    expect(q(b, "input[name=email]")).not.toBe(q(a, "input[name=email]"));
  });
});

describe("observe", () => {
  it("mounts a widget inserted later", async () => {
    const mo = observe(document.body);
    try {
      const el = container({ action: FORM });
      await vi.waitFor(() => expect(el.hasAttribute("data-osdi-mounted")).toBe(true));
      expect(el.querySelector(".osdi-embed--form")).toBeTruthy();
    } finally {
      mo.disconnect();
    }
  });
});

describe("stylesheet", () => {
  const SCRIPT = "https://cdn.example.org/osdi-embed.js";
  const CSS = "https://cdn.example.org/osdi-embed.css";
  const links = () => document.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]");

  it("adds the stylesheet once, first in <head>, for styles=base; nothing for styles=none", () => {
    setBase(SCRIPT);
    mount(container({ action: PETITION, styles: "none" }));
    expect(links()).toHaveLength(0);
    mount(container({ action: PETITION }));
    mount(container({ action: FORM }));
    expect(links()).toHaveLength(1);
    expect(links()[0].href).toBe(CSS);
    expect(document.head.firstElementChild).toBe(links()[0]);
  });

  it("adds nothing when the script's own URL is unknown", () => {
    mount(container({ action: PETITION }));
    expect(links()).toHaveLength(0);
  });

  it("adds no style element", () => {
    setBase(SCRIPT);
    mount(container({ action: PETITION }));
    expect(document.querySelectorAll("style")).toHaveLength(0);
  });
});

describe("rendering", () => {
  /** Counts Preact's diffs of components and elements until the returned stop() is called. */
  function countDiffs() {
    const before = options.diffed;
    let n = 0;
    options.diffed = (vnode) => {
      n++;
      before?.(vnode);
    };
    return () => {
      options.diffed = before;
      return n;
    };
  }
  const tick = (box: HTMLInputElement, on: boolean) => {
    box.checked = on;
    box.dispatchEvent(new Event("change", { bubbles: true }));
  };

  it("re-renders nothing while the visitor types, only its own field when a box is ticked; a new error does", async () => {
    const el = container({
      action: PETITION,
      fields: "given_name email country",
      "email-opt-in": "unchecked",
    });
    mount(el);
    // The country names arrive with their part and render once: not the visitor's doing.
    await vi.waitFor(() =>
      expect(q<HTMLSelectElement>(el, "select[name=country]").options.length).toBeGreaterThan(240),
    );
    let stop = countDiffs();
    type(q(el, "input[name=given_name]"), "Ada");
    type(q(el, "input[name=email]"), "ada@");
    // Renders are debounced: give any the keystrokes scheduled their turn before counting.
    await new Promise((r) => setTimeout(r));
    expect(stop()).toBe(0);
    // A box reads its value reactively: the tick re-renders its Field, and nothing else.
    const rendered: unknown[] = [];
    const previous = options.diffed;
    options.diffed = (vnode) => {
      if (typeof vnode.type === "function") rendered.push(vnode.type);
      previous?.(vnode);
    };
    tick(q(el, "input[name=email_opt_in]"), true);
    // (The signals runtime's own text component may render too.)
    await vi.waitFor(() =>
      expect(rendered.filter((c) => c === Field || c === Widget)).toEqual([Field]),
    );
    options.diffed = previous;
    expect(q<HTMLInputElement>(el, "input[name=email_opt_in]").checked).toBe(true);
    stop = countDiffs();
    submit(el);
    await vi.waitFor(() =>
      expect(q(el, ".osdi-embed").getAttribute("data-osdi-state")).toBe("error"),
    );
    expect(stop()).toBeGreaterThan(0);
    // What was typed is still there after the re-render.
    expect(q<HTMLInputElement>(el, "input[name=given_name]").value).toBe("Ada");
  });

  it("keeps every box ticked in a group, without re-rendering in between", async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => new Response("{}", { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    const el = container({
      action: PETITION,
      fields: "email",
      "custom-fields": JSON.stringify([
        {
          name: "skills",
          label: "Skills",
          type: "checkbox",
          options: ["Design", "Code", "Phones"],
        },
      ]),
    });
    mount(el);
    const boxes = el.querySelectorAll<HTMLInputElement>('input[name="custom_fields.skills"]');
    tick(boxes[0], true);
    tick(boxes[2], true);
    tick(boxes[1], true);
    tick(boxes[0], false);
    type(q(el, "input[name=email]"), "ada@example.org");
    submit(el);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const body = JSON.parse(fetchMock.mock.calls[0][1]?.body as string);
    expect(body.person.custom_fields).toEqual({ skills: "Phones, Code" });
  });
});

describe("submitting", () => {
  it("marks invalid fields, moves focus and emits osdi:error without sending", async () => {
    const fetchMock = vi.fn<typeof fetch>();
    vi.stubGlobal("fetch", fetchMock);
    const el = container({ action: PETITION, fields: "given_name email" });
    mount(el);
    const onError = vi.fn();
    el.addEventListener("osdi:error", (e) => onError((e as CustomEvent).detail));
    submit(el);
    const email = q<HTMLInputElement>(el, "input[name=email]");
    await vi.waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    expect(described(el, email)).toContain(en.error_required);
    expect(q(el, ".osdi-embed").getAttribute("data-osdi-state")).toBe("error");
    expect(q(el, '[role="status"]').textContent).toBe(en.error_fix);
    expect(q(el, "input[name=given_name]").hasAttribute("aria-invalid")).toBe(false);
    await vi.waitFor(() => expect(document.activeElement).toBe(email));
    expect(onError).toHaveBeenCalledWith({
      kind: "petition",
      action: PETITION,
      message: en.error_fix,
      fields: ["email"],
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("sends the body to the helper and thanks the person", async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => new Response("{}", { status: 200 }));
    vi.stubGlobal("fetch", fetchMock);
    const el = container({
      action: PETITION,
      fields: "given_name email phone",
      tags: "climate",
      "email-opt-in": "unchecked",
    });
    mount(el);
    const events: string[] = [];
    for (const name of ["submit", "success", "error"])
      el.addEventListener(`osdi:${name}`, (e) =>
        events.push(`${name}:${(e as CustomEvent).detail.kind}`),
      );
    type(q(el, "input[name=given_name]"), " Ada ");
    type(q(el, "input[name=email]"), "Ada@Example.org");
    type(q(el, "input[name=phone]"), "+1 (202) 555-0123");
    const box = q<HTMLInputElement>(el, "input[name=email_opt_in]");
    box.checked = true;
    box.dispatchEvent(new Event("change", { bubbles: true }));
    submit(el);
    await vi.waitFor(() =>
      expect(q(el, ".osdi-embed").getAttribute("data-osdi-state")).toBe("success"),
    );
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(`${PETITION}/signatures`);
    expect(init?.credentials).toBe("omit");
    expect(JSON.parse(init?.body as string)).toEqual({
      person: {
        given_name: "Ada",
        email_addresses: [{ address: "ada@example.org", status: "subscribed" }],
        phone_numbers: [{ number: "12025550123" }],
      },
      add_tags: ["climate"],
      triggers: { autoresponse: { enabled: true } },
      "action_network:referrer_data": { website: location.hostname },
    });
    expect(el.querySelector("form")).toBeNull();
    expect(q(el, '[role="status"]').textContent).toContain("Thank you");
    expect(events).toEqual(["submit:petition", "success:petition"]);
  });

  it("reports a failed send in the status region", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("{}", { status: 400 })),
    );
    const el = container({ action: FORM, fields: "email" });
    mount(el);
    const onError = vi.fn();
    el.addEventListener("osdi:error", (e) => onError((e as CustomEvent).detail));
    type(q(el, "input[name=email]"), "ada@example.org");
    submit(el);
    await vi.waitFor(() => expect(q(el, '[role="status"]').textContent).toBe(en.error_network));
    expect(q(el, ".osdi-embed").getAttribute("data-osdi-state")).toBe("error");
    expect(el.querySelector("form")).toBeTruthy();
    expect(onError).toHaveBeenCalledWith({ kind: "form", action: FORM, message: en.error_network });
  });
});
