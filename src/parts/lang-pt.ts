/** dist/osdi-embed-lang-pt.js: the Portuguese words, for widgets in Portuguese only. */
import { pt } from "../i18n/pt";

export default pt;

declare module "../files/parts" {
  interface Parts {
    "lang-pt": typeof pt;
  }
}
