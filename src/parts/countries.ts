/** dist/osdi-embed-countries.js: the country list, loaded when a widget shows a country field. */
import { define } from "../lazy";
import { countries } from "../widgets/countries";

define("countries", countries);
