/**
 * The built-in languages. English is in the bundle; each other one ships as a
 * part, dist/osdi-embed-lang-<code>.js, loaded only by pages that need it.
 */
export const LOCALES = ["en", "es", "fr", "de", "pt", "ar"];

/**
 * The widget's language: data-osdi-lang, else the nearest lang attribute, else
 * English. A regional tag keeps its region for dates (es-MX) and takes its
 * language's strings; a language we lack, or a tag Intl refuses, is English.
 */
export const pickLang = (el: Element, given?: string): string =>
  language(given ?? el.closest("[lang]")?.getAttribute("lang") ?? "en");

/** A language tag as the widget takes it: canonical, and English when we lack it. */
export function language(tag: string): string {
  // pt_BR, as some CMSs write it, is pt-BR.
  let lang = tag.replace(/_/g, "-");
  try {
    [lang] = Intl.getCanonicalLocales(lang);
  } catch {
    lang = "en";
  }
  return LOCALES.includes(lang.split("-")[0]) ? lang : "en";
}

/** Built-in languages written right to left. */
export const RTL = ["ar"];
