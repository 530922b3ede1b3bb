import type { Options } from "../config/parse";
import { en, type Strings, type TextKey } from "./en";

export type Translate = (key: TextKey) => string;

/** The widget's strings: the author's data-osdi-text-* first, then the locale's. */
export function translator(o: Pick<Options, "text" | "kind">, strings: Strings = en): Translate {
  return (key) => {
    // The button: data-osdi-text-submit, then the kind's own key (overridable too).
    if (key === "submit") key = o.text.submit ? key : `submit_${o.kind}`;
    return o.text[key] || strings[key as keyof Strings];
  };
}
