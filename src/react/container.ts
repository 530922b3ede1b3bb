/**
 * What the React and Vue components render, on the server too: the contract's
 * container (its data-osdi-* attributes, from the settings as mount() turns them
 * into attributes) with a fallback link inside. Elements, never HTML from a string.
 */
import { kindIn } from "../config/action";
import { PREFIX } from "../config/attributes";
import { toAttributes } from "../config/settings";

/** The fallback link's words when none are given, by the action's kind. */
const WORDS: Record<string, string> = {
  petition: "Sign the petition",
  form: "Fill in the form",
  event: "RSVP",
};

/** A link target a visitor may follow: http(s), relative or absolute; never javascript: and friends. */
function followable(href: string): boolean {
  try {
    return /^https?:$/.test(new URL(href, "https://host.invalid/").protocol);
  } catch {
    return false;
  }
}

export interface Container {
  /** data-osdi-* attribute -> value, for the element. */
  attributes: Record<string, string>;
  /** The fallback link, if there is an address to link to. */
  link?: { href: string; text: string };
  /** Changes when an attribute or the fallback does: the widget is mounted again, in a new element. */
  key: string;
}

/**
 * The container for these settings (callbacks and undefined values are left out).
 * The fallback links to `href` (else the action) with `words` (else a default by
 * kind); nothing is linked unless the address is http(s) or relative.
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
  return { attributes, link, key: JSON.stringify([sorted, link]) };
}
