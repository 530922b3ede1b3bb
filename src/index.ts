/**
 * ESM entry for bundlers: nothing mounts until you call mount() or scan(); on a
 * server (no document) importing does nothing, and so do they.
 */
import { FIXES } from "./config/fixes";
import { setFixes } from "./config/log";
import {
  type MountHandle,
  type MountOptions,
  mount as mountOnPage,
  scan as scanOnPage,
} from "./element/mount";
import { observe as observeOnPage } from "./element/schedule";
import { setImports } from "./files/parts";

// A bundler's users see every help text at once; it costs their bundle nothing at runtime.
setFixes(FIXES);
// Parts are chunks the bundler splits off and loads on demand.
setImports({
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
  rendered: () => import("./parts/rendered"),
});

export type { CustomField, FieldName, Kind } from "./config/attributes";
export { AuthorError } from "./config/log";
export { type Options, parseOptions } from "./config/parse";
export type { Settings } from "./config/settings";
export { type MountHandle, type MountOptions, type OsdiEmbedApi, unmount } from "./element/mount";
export type {
  Callbacks,
  Detail,
  ErrorDetail,
  OsdiEventMap,
  ShareDetail,
} from "./events";
export { buildBody, type HelperBody } from "./submit/body";
export { validate } from "./submit/validate";
export { version } from "./version";

/**
 * On a server (no document) there is no page: mount, scan and observe do nothing,
 * and unmount finds nothing mounted. (dist/osdi-embed.js runs only in a page, and
 * carries no such check.)
 */
const onPage = () => typeof document !== "undefined";

/**
 * Turns one container into a widget: settings (the attributes' values) win over
 * its attributes, callbacks listen for its events until it is unmounted. Null
 * when its configuration is invalid (the fallback stays, the console says why),
 * and on a server.
 */
export const mount = (element: HTMLElement, options?: MountOptions): MountHandle | null =>
  onPage() ? mountOnPage(element, options) : null;

/** Mounts every container in root (itself included), at once; [] on a server. */
export const scan = (root?: ParentNode): HTMLElement[] => (onPage() ? scanOnPage(root) : []);

/**
 * Mounts the containers added to root later, in slices; the MutationObserver
 * (disconnect() stops it), or undefined on a server.
 */
export const observe = (root?: Node): MutationObserver | undefined =>
  onPage() ? observeOnPage(root) : undefined;
