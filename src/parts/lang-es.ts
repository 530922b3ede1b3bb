/** dist/osdi-embed-lang-es.js: the Spanish strings, loaded by the bundle only for widgets in Spanish. */
import { es } from "../i18n/es";
import { define } from "../lazy";

define("lang-es", es);
