// @vitest-environment node
/**
 * Server rendering of osdi-embed/react and osdi-embed/vue: in Node, without a DOM,
 * each renders the contract's container with its data-osdi-* attributes and the
 * fallback link, and nothing of the widget.
 */
import { createElement } from "react";
import { renderToString as renderReact } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createSSRApp, h } from "vue";
import { renderToString as renderVueApp } from "vue/server-renderer";
import { type OsdiActionProps, OsdiAction as ReactAction } from "../../src/react";
import { OsdiAction as VueAction } from "../../src/vue";

const ACTION = "https://actionnetwork.org/api/v2/petitions/7580a324-9a72-11e3-a2e9-12313d316c29";
const PAGE = "https://actionnetwork.org/petitions/stop-doing-the-bad-thing";

const react = (props: OsdiActionProps) => renderReact(createElement(ReactAction, props));
type VueProps = InstanceType<typeof VueAction>["$props"] & { id?: string };
const vue = (props: VueProps) => renderVueApp(createSSRApp({ render: () => h(VueAction, props) }));

/** The one element of a rendering: its attributes and what is inside. */
function element(html: string) {
  const m = /^<div((?:\s+[\w-]+(?:="[^"]*")?)*)>(.*)<\/div>$/s.exec(html);
  if (!m) throw new Error(`not one <div>: ${html}`);
  // A valueless attribute is an empty one (Vue writes them so).
  const attributes = Object.fromEntries(
    [...m[1].matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name, value ?? ""]),
  );
  return { attributes, inner: m[2] };
}

/** HTML's character references, as the renderers write them, back to characters. */
const decode = (s: string) =>
  s.replace(/&(#x[\da-f]+|#\d+|amp|lt|gt|quot);/gi, (_, ref: string) => {
    const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };
    if (named[ref]) return named[ref];
    return String.fromCharCode(ref[1] === "x" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
  });

const SETTINGS = {
  action: ACTION,
  fields: ["given_name", "email", "postal_code"],
  tags: ["climate", "volunteer"],
  title: "Stop the bad thing",
  background: true,
  start: new Date("2026-03-14T23:00:00Z"),
  text: { submit: "Add my name" },
  classes: { button: "btn btn-primary", input: ["form-control"] },
  fallback: "Sign the petition",
  fallbackHref: PAGE,
} satisfies OsdiActionProps;

const CONTAINER = {
  "data-osdi-action": ACTION,
  "data-osdi-fields": "given_name,email,postal_code",
  "data-osdi-tags": "climate,volunteer",
  "data-osdi-title": "Stop the bad thing",
  "data-osdi-background": "true",
  "data-osdi-start": "2026-03-14T23:00:00.000Z",
  "data-osdi-text-submit": "Add my name",
  "data-osdi-class-button": "btn btn-primary",
  "data-osdi-class-input": "form-control",
};
const FALLBACK = `<a href="${PAGE}">Sign the petition</a>`;

describe("on a server", () => {
  it("has no DOM here (so the components cannot lean on one)", () => {
    expect(typeof document).toBe("undefined");
    expect(typeof window).toBe("undefined");
  });

  it("React renders the container with its attributes and the fallback link", () => {
    const html = react({ ...SETTINGS, className: "petition", id: "sign", onSuccess: () => {} });
    const { attributes, inner } = element(html);
    expect(attributes).toEqual({ id: "sign", class: "petition", ...CONTAINER });
    expect(inner).toBe(FALLBACK);
    expect(html).not.toMatch(/data-osdi-mounted|osdi-embed__|on-?success/i);
  });

  it("Vue renders the same container, class and id falling through", async () => {
    const html = await vue({ ...SETTINGS, class: "petition", id: "sign", onSuccess: () => {} });
    const { attributes, inner } = element(html);
    expect(attributes).toEqual({ id: "sign", class: "petition", ...CONTAINER });
    expect(inner).toBe(FALLBACK);
    expect(html).not.toMatch(/data-osdi-mounted|osdi-embed__|on-?success/i);
  });

  it("links the action itself, with words for its kind, when no fallback is given", async () => {
    const form = "https://actionnetwork.org/api/v2/forms/abc";
    for (const html of [react({ action: form }), await vue({ action: form })])
      expect(element(html)).toEqual({
        attributes: { "data-osdi-action": form },
        inner: `<a href="${form}">Fill in the form</a>`,
      });
    const event = "https://actionnetwork.org/api/v2/events/abc";
    expect(element(react({ action: event })).inner).toBe(`<a href="${event}">RSVP</a>`);
    expect(element(await vue({ action: event, kind: "event" })).inner).toBe(
      `<a href="${event}">RSVP</a>`,
    );
  });

  it("escapes the fallback, and links nothing but http(s) and relative addresses", async () => {
    const words = `<img src=x onerror="alert(1)"> & 'more'`;
    const href = '/sign?a=1&b="2"';
    for (const html of [
      react({ action: ACTION, fallback: words, fallbackHref: href }),
      await vue({ action: ACTION, fallback: words, fallbackHref: href }),
    ]) {
      expect(html).not.toMatch(/<img|"2"|'more'/);
      const link = /^<a href="([^"]*)">([^<]*)<\/a>$/.exec(element(html).inner);
      expect(link?.slice(1).map(decode)).toEqual([href, words]);
    }
    for (const bad of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x"]) {
      expect(element(react({ action: ACTION, fallbackHref: bad })).inner).toBe("");
      expect(element(await vue({ action: ACTION, fallbackHref: bad })).inner).toBe("");
    }
    expect(element(react({ action: "javascript:alert(1)" })).inner).toBe("");
  });

  it("React and Vue render the same container for the same settings", async () => {
    const props = { ...SETTINGS, emailOptIn: "checked", customFields: [], styles: "none" } as const;
    const rendered = element(react(props));
    expect(rendered.attributes).toMatchObject({
      "data-osdi-email-opt-in": "checked",
      "data-osdi-custom-fields": "",
      "data-osdi-styles": "none",
    });
    expect(element(await vue(props))).toEqual(rendered);
  });
});
