/** dist/osdi-embed-lang-pt.js: the Portuguese words, for widgets in Portuguese only. */
export { pt as default } from "../i18n/pt";
