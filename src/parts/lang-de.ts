/** dist/osdi-embed-lang-de.js: the German strings, loaded by the bundle only for widgets in German. */
import { de } from "../i18n/de";
import { define } from "../lazy";

define("lang-de", de);
