import { type PartName, part } from "../files/parts";
import { pickLang } from "./locales";
import { type Translate, translator, type Wording } from "./t";

/** A widget's language and its words. */
export interface Words {
  lang: string;
  text: Translate;
}

/**
 * English at once; another language once its part has come, or English (with
 * English lang and direction) when it cannot come.
 */
export function loadWords(o: Wording, el: Element): Words | Promise<Words> {
  const lang = pickLang(el, o.lang);
  const code = lang.split("-")[0];
  if (code === "en") return { lang, text: translator(o) };
  return part(`lang-${code}` as PartName & `lang-${string}`).then(
    (strings) => ({ lang, text: translator(o, strings) }),
    () => ({ lang: "en", text: translator(o) }),
  );
}
