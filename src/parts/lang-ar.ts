/** dist/osdi-embed-lang-ar.js: the Arabic words, for widgets in Arabic only. */
export { ar as default } from "../i18n/ar";
