/**
 * The built-in languages. English is in the bundle; each other one ships as a
 * part, dist/osdi-embed-lang-<code>.js, loaded only by pages that need it.
 */
export const LOCALES = ["en", "es", "fr", "de", "pt", "ar"];

/** Built-in languages written right to left. */
export const RTL = ["ar"];
