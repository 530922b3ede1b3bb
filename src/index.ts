/** ESM entry for bundlers: nothing mounts until you call mount() or scan(). */
import { FIXES } from "./config/fixes";
import { useFixes } from "./config/log";
import { setParts } from "./lazy";

// A bundler's users see every help text at once; it costs their bundle nothing at runtime.
useFixes(FIXES);
// Parts are chunks the bundler splits off and loads on demand.
setParts(undefined, {
  outbox: () => import("./parts/outbox"),
  countries: () => import("./parts/countries"),
  submit: () => import("./parts/submit"),
  byo: () => import("./parts/byo"),
  after: () => import("./parts/after"),
  event: () => import("./parts/event"),
  "lang-es": () => import("./parts/lang-es"),
  "lang-fr": () => import("./parts/lang-fr"),
  "lang-de": () => import("./parts/lang-de"),
  "lang-pt": () => import("./parts/lang-pt"),
  "lang-ar": () => import("./parts/lang-ar"),
});

export type { CustomField, FieldName, Kind } from "./config/attributes";
export { AuthorError } from "./config/log";
export { type Options, parseOptions } from "./config/parse";
export { mount, observe, scan, unmount } from "./mount";
export { buildBody, type HelperBody } from "./submit/body";
export { validate } from "./submit/validate";
export { version } from "./version";
