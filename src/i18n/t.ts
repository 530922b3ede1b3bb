import { en, type Strings, type TextKey } from "./en";

export type Translate = (key: TextKey) => string;

/** What a widget's words depend on: the author's texts and its kind (for the button). */
export interface Wording {
  text: Partial<Record<TextKey, string>>;
  kind: string;
  /** data-osdi-lang, if given. */
  lang?: string;
}

/** The widget's strings: the author's data-osdi-text-* first, then the locale's. */
export function translator(o: Wording, strings: Strings = en): Translate {
  return (key) => {
    // The button: data-osdi-text-submit, then the kind's own key (overridable too).
    if (key === "submit") key = o.text.submit ? key : (`submit_${o.kind}` as TextKey);
    return o.text[key] || strings[key as keyof Strings];
  };
}
