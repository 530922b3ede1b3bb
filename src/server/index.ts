/**
 * osdi-embed/server: the widget's markup for a page's HTML, rendered on a server, in
 * an SSR framework or at build time, with no DOM. The container comes with the form
 * inside, exactly as the widget renders it (preact-render-to-string), marked so that
 * the script brings it to life in place (hydrates it) instead of drawing it again:
 * the form shows as fast as a static one, and nothing on the page moves.
 *
 * Two things differ from the widget the script draws, both for a form used before
 * the script runs (or without it): its controls have no names yet (the script names
 * them), and it goes to the action's public page with nothing in it, so a visitor's
 * data never goes anywhere but the helper.
 */
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { PREFIX } from "../config/attributes";
import { parseOptions } from "../config/parse";
import { type Settings, toAttributes } from "../config/settings";
import { RENDERED, stamp } from "../element/rendered";
import { provide } from "../files/parts";
import { ar } from "../i18n/ar";
import { de } from "../i18n/de";
import { en, type Strings } from "../i18n/en";
import { es } from "../i18n/es";
import { fr } from "../i18n/fr";
import { language } from "../i18n/locales";
import { pt } from "../i18n/pt";
import { translator } from "../i18n/t";
import countries from "../parts/countries";
import EventDetails from "../parts/event";
import { createModel } from "../submit/model";
import { Widget } from "../widget/Widget";
import { followable, htmlText } from "./html";

const STRINGS: Record<string, Strings> = { en, es, fr, de, pt, ar };

export interface RenderOptions {
  /**
   * The action's public page: where the form goes if it is sent before the script
   * runs, or without it (with nothing in it). Without one, or with one that is not
   * http(s) or relative (javascript: and the like), such a send does nothing.
   */
  fallbackHref?: string;
  /**
   * The prefix of the widget's element ids; unique on the page. Default: from a
   * hash of the settings (give one when a page shows the same widget twice).
   */
  id?: string;
  /** The page's address, for a relative data-osdi-redirect. */
  page?: string;
  /**
   * The page's language (its `lang`), which the widget takes when the settings give
   * none, as the script does: render with the page's own, or set `lang`.
   */
  lang?: string;
}

export interface Rendered {
  /** The container's attributes, data-osdi-rendered included: name -> value. */
  attributes: Record<string, string>;
  /** The widget's markup, to put inside the container. */
  html: string;
}

/**
 * The container's attributes and the widget's markup for these settings (mount()'s;
 * `lang` is data-osdi-lang). Throws the widget's own
 * AuthorError, naming the setting and the fix, when a setting is invalid.
 */
export const renderAction = (settings: Settings, options: RenderOptions = {}): Rendered =>
  renderAttributes(toAttributes(settings), options);

/**
 * The same from the container's data-osdi-* attributes as written (names without the
 * prefix: `{ action: "…", fields: "given_name email" }`), as the snippet builder has them.
 */
export function renderAttributes(
  raw: Record<string, string>,
  options: RenderOptions = {},
): Rendered {
  // Every part a widget may show at first is at hand here, at once.
  provide("countries", countries);
  provide("event", EventDetails);
  const parsed = parseOptions(raw, { href: options.page ?? "https://localhost/" });
  // The widget's language, as the script picks it (src/i18n/locales.ts).
  const lang = language(parsed.lang ?? options.lang ?? "en");
  const strings = STRINGS[lang.split("-")[0]];
  const uid = options.id ?? `osdi-${stamp(raw, 0)}`;
  // A stand-in host: nothing is sent or fired while rendering.
  const host = { ownerDocument: { location: {} } } as HTMLElement;
  const model = createModel(parsed, translator(parsed, strings), host, uid);
  let html = renderToString(h(Widget, { model, lang }));
  // Sent before the script runs: to the public page with nothing in it, or nowhere
  // (an address that is not http(s) or relative is never a form's target).
  const href = options.fallbackHref && followable(options.fallbackHref) ? options.fallbackHref : "";
  html = html.replace(
    /^(<div[^>]*>(?:(?!<form)[\s\S])*<form)/,
    `$1 ${href ? `action="${htmlText(href)}" method="get"` : 'method="dialog"'}`,
  );
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) attributes[PREFIX + name] = value;
  const elements = html.match(/<[a-z]/gi)?.length ?? 0;
  attributes[RENDERED] = `${uid} ${stamp(raw, elements)}`;
  return { attributes, html };
}

/** The whole container, as HTML: `<div data-osdi-…>` with the widget inside. */
export function renderContainer(settings: Settings, options: RenderOptions = {}): string {
  const { attributes, html } = renderAction(settings, options);
  const written = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${htmlText(value)}"`)
    .join("");
  return `<div${written}>${html}</div>`;
}
