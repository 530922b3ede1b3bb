/** dist/osdi-embed-lang-fr.js: the French words, for widgets in French only. */
import { fr } from "../i18n/fr";

export default fr;

declare module "../files/parts" {
  interface Parts {
    "lang-fr": typeof fr;
  }
}
