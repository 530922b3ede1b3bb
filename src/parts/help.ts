/** dist/osdi-embed-help.js: what an organizer should do about each error, loaded only to say it. */
export { FIXES as default } from "../config/fixes";
