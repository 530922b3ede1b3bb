/**
 * What parsing needs from the page, read here so that the parsers stay pure: the
 * container's data-osdi-* attributes, and the page's address, its URL parameters and
 * its class metas (read once per address: every widget of a page asks).
 */
import { CLASS_META, PREFIX } from "../config/attributes";
import type { Page, Raw } from "../config/parse";

/** mount()'s settings per element, as attribute values; they win over its attributes. */
export const given = new WeakMap<Element, Raw>();

/** The container's data-osdi-* attributes, without the prefix, and the settings mount() was given. */
export function readAttributes(el: Element): Raw {
  const raw: Raw = {};
  for (const n of el.getAttributeNames())
    if (n.startsWith(PREFIX)) raw[n.slice(PREFIX.length)] = el.getAttribute(n)!;
  return { ...raw, ...given.get(el) };
}

let page: Required<Page> | undefined;

/** The page as the parsers take it: its address, parameters and class metas. */
export function readPage(): Required<Page> {
  if (page?.href !== location.href) {
    const metas: Raw = {};
    for (const m of document.querySelectorAll<HTMLMetaElement>(`meta[name^="${CLASS_META}"]`))
      metas[m.name] = m.content;
    page = { href: location.href, params: new URL(location.href).searchParams, metas };
  }
  return page;
}
