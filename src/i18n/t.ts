import type { Options } from "../config/parse";
import { en, type Strings, type TextKey } from "./en";

export type T = (key: TextKey) => string;

/** The widget's strings: the author's data-osdi-text-* first, then the locale's. */
export function translator(o: Pick<Options, "text" | "kind">, strings: Strings = en): T {
  return (key) => o.text[key] || (key === "submit" ? strings[`submit_${o.kind}`] : strings[key]);
}
