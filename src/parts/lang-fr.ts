/** dist/osdi-embed-lang-fr.js: the French words, for widgets in French only. */
export { fr as default } from "../i18n/fr";
