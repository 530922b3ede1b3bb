/** dist/osdi-embed-lang-es.js: the Spanish words, for widgets in Spanish only. */
export { es as default } from "../i18n/es";
