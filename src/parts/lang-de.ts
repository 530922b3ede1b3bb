/** dist/osdi-embed-lang-de.js: the German words, for widgets in German only. */
export { de as default } from "../i18n/de";
