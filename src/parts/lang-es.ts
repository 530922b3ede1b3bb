/** dist/osdi-embed-lang-es.js: the Spanish words, for widgets in Spanish only. */
import { es } from "../i18n/es";

export default es;

declare module "../files/parts" {
  interface Parts {
    "lang-es": typeof es;
  }
}
