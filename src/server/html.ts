/**
 * HTML written as text, for the server renderer and for the React and Vue components'
 * container: what settings and links hold stays text, and only safe links are linked.
 */

/** Text for HTML: an element's content or a double-quoted attribute value. */
export const htmlText = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");

/** A link target a visitor may follow: http(s), relative or absolute; never javascript: and friends. */
export function followable(href: string): boolean {
  try {
    return /^https?:$/.test(new URL(href, "https://host.invalid/").protocol);
  } catch {
    return false;
  }
}
