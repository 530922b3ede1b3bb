/** ESM entry for bundlers: nothing mounts until you call mount() or scan(). */
import { FIXES } from "./config/fixes";
import { useFixes } from "./config/log";
import { useImports } from "./files/parts";

// A bundler's users see every help text at once; it costs their bundle nothing at runtime.
useFixes(FIXES);
// Parts are chunks the bundler splits off and loads on demand.
useImports({
  after: () => import("./parts/after"),
  byo: () => import("./parts/byo"),
  countries: () => import("./parts/countries"),
  event: () => import("./parts/event"),
  // The help texts are in this build already (above): no chunk of their own.
  help: async () => ({ default: FIXES }),
  "lang-ar": () => import("./parts/lang-ar"),
  "lang-de": () => import("./parts/lang-de"),
  "lang-es": () => import("./parts/lang-es"),
  "lang-fr": () => import("./parts/lang-fr"),
  "lang-pt": () => import("./parts/lang-pt"),
});

export type { CustomField, FieldName, Kind } from "./config/attributes";
export { AuthorError } from "./config/log";
export { type Options, parseOptions } from "./config/parse";
export { mount, scan, unmount } from "./element/mount";
export { observe } from "./element/schedule";
export type { Detail } from "./events";
export { buildBody, type HelperBody } from "./submit/body";
export { validate } from "./submit/validate";
export { version } from "./version";
