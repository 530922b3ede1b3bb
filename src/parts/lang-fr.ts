/** dist/osdi-embed-lang-fr.js: the French strings, loaded by the bundle only for widgets in French. */
import { fr } from "../i18n/fr";
import { define } from "../lazy";

define("lang-fr", fr);
