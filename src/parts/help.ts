/** dist/osdi-embed-help.js: the organizer help texts, loaded by the bundle only when needed. */
import { FIXES } from "../config/fixes";
import { define } from "../lazy";

define("help", FIXES);
