/**
 * What the React and Vue components render, on the server too: the contract's
 * container (its data-osdi-* attributes, from the settings as mount() turns them
 * into attributes) and what goes inside it, as HTML for the component's one element:
 * the form rendered ahead where the server has the renderer (osdi-embed/server, in
 * the components' server builds), else a fallback link. Its text and address are
 * escaped, and the form's markup is the renderer's (every value escaped).
 */
import { kindIn } from "../config/action";
import { PREFIX } from "../config/attributes";
import { toAttributes } from "../config/settings";
import { followable, htmlText } from "../server/html";
import type { Rendered, RenderOptions } from "../server/index";

/** The fallback link's words when none are given, by the action's kind. */
const WORDS: Record<string, string> = {
  petition: "Sign the petition",
  form: "Fill in the form",
  event: "RSVP",
};

type Render = (settings: object, options: RenderOptions) => Rendered;
let renderAhead: Render | undefined;

/** The components' server builds (src/react/server.ts, src/vue/server.ts) give the renderer. */
export const setRenderer = (render: Render) => {
  renderAhead = render;
};

export interface Container {
  /** data-osdi-* attribute -> value, for the element (data-osdi-rendered with the form). */
  attributes: Record<string, string>;
  /** The fallback link, if there is an address to link to. */
  link?: { href: string; text: string };
  /** What goes inside the element, as HTML: the form rendered ahead, or the link. */
  html: string;
  /** Changes when an attribute or the fallback does: the widget is mounted again, in a new element. */
  key: string;
}

/**
 * The container for these settings (callbacks and undefined values are left out).
 * The fallback links to `href` (else the action) with `words` (else a default by
 * kind); nothing is linked unless the address is http(s) or relative. On a server
 * with the renderer, the form itself goes inside, for the script to hydrate.
 */
export function container(settings: object, words?: string, href?: string): Container {
  const raw = toAttributes(settings);
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) attributes[PREFIX + name] = value;
  const target = (href ?? raw.action ?? "").trim();
  const kind = raw.kind ?? kindIn(raw.action ?? "") ?? "";
  const link =
    target && followable(target)
      ? { href: target, text: words ?? WORDS[kind] ?? "Take action" }
      : undefined;
  const sorted = Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = JSON.stringify([sorted, link]);
  const html = link ? `<a href="${htmlText(link.href)}">${htmlText(link.text)}</a>` : "";
  if (renderAhead && typeof document === "undefined")
    try {
      const rendered = renderAhead(settings, { fallbackHref: link?.href });
      return { attributes: rendered.attributes, link, html: rendered.html, key };
    } catch {
      // Settings the widget refuses: the link, and the script says why in the page.
    }
  return { attributes, link, html, key };
}
