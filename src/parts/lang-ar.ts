/** dist/osdi-embed-lang-ar.js: the Arabic words, for widgets in Arabic only. */
import { ar } from "../i18n/ar";

export default ar;

declare module "../files/parts" {
  interface Parts {
    "lang-ar": typeof ar;
  }
}
