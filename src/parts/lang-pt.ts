/** dist/osdi-embed-lang-pt.js: the Portuguese strings, loaded by the bundle only for widgets in Portuguese. */
import { pt } from "../i18n/pt";
import { define } from "../lazy";

define("lang-pt", pt);
