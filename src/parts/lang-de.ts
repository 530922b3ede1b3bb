/** dist/osdi-embed-lang-de.js: the German words, for widgets in German only. */
import { de } from "../i18n/de";

export default de;

declare module "../files/parts" {
  interface Parts {
    "lang-de": typeof de;
  }
}
