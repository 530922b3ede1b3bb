/**
 * osdi-embed/server renders exactly what the widget renders in the browser for the
 * same settings and language (compared as DOM), for every kind, language and custom
 * field type, but for the two documented differences: no names on the controls, and
 * the form's target before the script runs.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { CUSTOM_TYPES } from "../../src/config/attributes";
import type { Settings } from "../../src/config/settings";
import { mount, unmount } from "../../src/element/mount";
import { type Importers, setImports } from "../../src/files/parts";
import { LOCALES } from "../../src/i18n/locales";
import { renderAction, renderContainer } from "../../src/server/index";
import { EVENT, FORM, PETITION } from "./helpers";

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

afterEach(() => {
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-osdi-mounted]")))
    unmount(el);
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/**
 * An element's tree as data: tag, attributes (sorted; names and the form's target left
 * out), a control's value (its property: markup writes it as an attribute, the script
 * as the property), and text, adjacent text nodes joined and empty ones left out.
 */
function shape(node: Node, uid: string): unknown {
  const el = node as HTMLInputElement;
  const attributes = el
    .getAttributeNames()
    .filter(
      (name) =>
        name !== "name" &&
        name !== "value" &&
        name !== "selected" &&
        !(el.tagName === "FORM" && /^(action|method)$/.test(name)) &&
        // The tests' development JSX adds these to what the script draws.
        !name.startsWith("__"),
    )
    .sort()
    .map((name) => [name, el.getAttribute(name)!.split(uid).join("UID")]);
  if ("value" in el && el.tagName !== "BUTTON") attributes.push(["(value)", el.value]);
  const children: unknown[] = [];
  let text = "";
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) {
      text += child.textContent;
      continue;
    }
    if (text) children.push(text);
    text = "";
    children.push(shape(child, uid));
  }
  if (text) children.push(text);
  return [el.tagName, attributes, children];
}

/** What the script draws in the page for these attributes: the widget's element. */
async function drawn(attributes: Record<string, string>, pageLang?: string) {
  setImports(PARTS);
  const el = document.createElement("div");
  for (const [name, value] of Object.entries(attributes))
    if (name !== "data-osdi-rendered") el.setAttribute(name, value);
  if (pageLang) el.setAttribute("lang", pageLang);
  document.body.append(el);
  const ready = new Promise((resolve) => el.addEventListener("osdi:ready", resolve));
  expect(mount(el)).not.toBeNull();
  await ready;
  // An event's details and the country list come as parts: wait until they are drawn.
  if (attributes["data-osdi-start"])
    await vi.waitFor(() => expect(el.querySelector(".osdi-embed__details")).not.toBeNull());
  if (el.querySelector("select[autocomplete=country]"))
    await vi.waitFor(() =>
      expect(el.querySelectorAll("select[autocomplete=country] option").length).toBeGreaterThan(
        200,
      ),
    );
  const uid = /^osdi-\d+/.exec(el.querySelector("[id]")!.id)![0];
  return shape(el.firstElementChild!, uid);
}

/** The same from the server's markup. */
function rendered(settings: Settings, lang?: string) {
  const { attributes, html } = renderAction(settings, { lang });
  const holder = document.createElement("div");
  holder.innerHTML = html;
  const uid = attributes["data-osdi-rendered"].split(" ")[0];
  return { attributes, shape: shape(holder.firstElementChild!, uid) };
}

const CUSTOM = CUSTOM_TYPES.map((type) => ({
  name: `a ${type}`,
  label: `A ${type}`,
  type,
  ...(type === "select" || type === "radio" ? { options: ["One", "Two"] } : {}),
  required: type === "text",
}));

const CASES: [string, Settings, string?][] = [
  [
    "a petition",
    {
      action: PETITION,
      fields: ["given_name", "email", "comments"],
      title: "Save the park",
      description: "Sign now.",
    },
  ],
  [
    "a form with every custom field type",
    { action: FORM, fields: ["email", "phone", "country"], customFields: CUSTOM, smsOptIn: true },
  ],
  [
    "a form with a consent box",
    { action: FORM, fields: ["email"], emailOptIn: "required", tags: ["a", "b"] },
  ],
  [
    "an event at a place",
    {
      action: EVENT,
      start: "2026-12-10T18:30:00-06:00",
      end: "2026-12-10T20:00:00-06:00",
      location: "Millbrook Library",
      timezone: "America/Chicago",
    },
  ],
  [
    "a petition with the host's classes and own words",
    {
      action: PETITION,
      classes: { button: "btn btn-primary", input: "form-control" },
      text: { submit: "Add my name" },
    },
  ],
  ...LOCALES.map((lang): [string, Settings, string] => [
    `a petition in ${lang}, from the page's language`,
    { action: PETITION, fields: ["given_name", "email", "postal_code"] },
    lang,
  ]),
  [
    "an event in French, from data-osdi-lang",
    { action: EVENT, lang: "fr", start: "2026-12-10T18:30:00+01:00", location: "Lyon" },
  ],
];

describe("the server's markup", () => {
  it.each(CASES)("is the widget's own: %s", async (_, settings, lang) => {
    const server = rendered(settings, lang);
    expect(await drawn(server.attributes, lang)).toEqual(server.shape);
  });

  it("has no names on its controls, and goes to the public page with nothing in it", () => {
    const html = renderContainer(
      { action: PETITION, fields: ["given_name", "email"] },
      { fallbackHref: "https://actionnetwork.org/petitions/save-the-park" },
    );
    expect(html).not.toMatch(/\sname=/);
    expect(html).toContain(
      '<form action="https://actionnetwork.org/petitions/save-the-park" method="get"',
    );
    expect(renderContainer({ action: PETITION })).toContain('<form method="dialog"');
  });

  it("writes what settings and the fallback link hold as text, never as markup", () => {
    const words = `<img src=x onerror="alert(1)"> & 'quotes'`;
    const html = renderContainer(
      {
        action: PETITION,
        title: words,
        description: words,
        text: { submit: words },
        customFields: [{ name: "why", label: words, type: "radio", options: [words, "b"] }],
      },
      { fallbackHref: `https://example.org/?q="><script>alert(1)</script>` },
    );
    const holder = document.createElement("div");
    holder.innerHTML = html;
    expect(holder.querySelectorAll("img, script")).toHaveLength(0);
    const container = holder.firstElementChild!;
    expect(container.querySelector("h2, h3")?.textContent).toBe(words);
    expect(container.querySelector("button")?.textContent).toBe(words);
    expect(container.querySelector("legend")?.textContent).toContain(words);
    expect(container.querySelector("form")?.getAttribute("action")).toBe(
      `https://example.org/?q="><script>alert(1)</script>`,
    );
  });

  it("sends nowhere before the script when the fallback is not http(s) or relative", () => {
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x"]) {
      const html = renderContainer({ action: PETITION }, { fallbackHref: bad });
      expect(html).toContain('<form method="dialog"');
      expect(html).not.toMatch(/alert|data:/i);
    }
  });

  it("throws the widget's own error for a bad setting", () => {
    expect(() =>
      renderAction({ action: "https://actionnetwork.org/petitions/save-the-park" }),
    ).toThrow(/public page/);
  });
});
