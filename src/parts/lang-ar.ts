/** dist/osdi-embed-lang-ar.js: the Arabic strings, loaded by the bundle only for widgets in Arabic. */
import { ar } from "../i18n/ar";
import { define } from "../lazy";

define("lang-ar", ar);
