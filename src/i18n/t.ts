import type { Options } from "../config/parse";
import { en, type Strings, type TextKey } from "./en";

export type T = (key: TextKey) => string;

/** The widget's strings: the author's data-osdi-text-* first, then the locale's. */
export function translator(o: Pick<Options, "text" | "kind">, strings: Strings = en): T {
  return (key) => {
    // The button: data-osdi-text-submit, then the kind's own key (overridable too).
    if (key === "submit") key = o.text.submit ? key : `submit_${o.kind}`;
    return o.text[key] || strings[key as keyof Strings];
  };
}
