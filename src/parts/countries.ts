/** dist/osdi-embed-countries.js: the country list, for widgets that show a country field. */

/**
 * Region codes that are not countries a person lives in, or are deprecated aliases.
 * The list itself comes from Intl, which knows every ISO 3166-1 code: shipping
 * 250 codes would cost more bytes than probing the 676 pairs.
 */
const SKIP = "ACANBUCPCQCSDDDGDYEAEUEZFXHVICNHQORHSUTATPUKUNVDXAXBYDYUZRZZ";

/** [code, name] pairs of ISO 3166-1 alpha-2 countries, sorted by name in the given language. */
export default function countries(lang: string): [string, string][] {
  const names = new Intl.DisplayNames([lang, "en"], { type: "region", fallback: "none" });
  const skip = SKIP.match(/../g)!;
  const list: [string, string][] = [];
  for (let i = 0; i < 676; i++) {
    const code = String.fromCharCode(65 + i / 26, 65 + (i % 26));
    const name = names.of(code);
    if (name && !skip.includes(code)) list.push([code, name]);
  }
  return list.sort((a, b) => a[1].localeCompare(b[1], lang));
}

declare module "../files/parts" {
  interface Parts {
    countries: typeof countries;
  }
}
