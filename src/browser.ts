/**
 * dist/osdi-embed.js, the script tag's file: mounts every [data-osdi-action],
 * watches for more, and offers window.OsdiEmbed, its one global.
 */
import { setFixes } from "./config/log";
import { mount, scan, unmount } from "./element/mount";
import { observe, schedule } from "./element/schedule";
import { locate, setIntegrity } from "./files/load";
import { part } from "./files/parts";
import { version } from "./version";

// Types only (the script exports nothing): with them, `import type {} from
// "osdi-embed/osdi-embed.js"` types window.OsdiEmbed and the osdi:* events.
export type { Settings } from "./config/settings";
export type { MountHandle, MountOptions, OsdiEmbedApi } from "./element/mount";
export type {
  Callbacks,
  Detail,
  ErrorDetail,
  OsdiEventMap,
  ShareDetail,
} from "./events";

/** File name -> SRI hash of each file beside the script, written in by the build. */
declare const __INTEGRITY__: Record<string, string> | undefined;

// Only a second copy of the script can find the global already set: keep the first.
// On a server (a framework importing the file while it renders) it does nothing.
if (typeof document === "object" && !window.OsdiEmbed) {
  window.OsdiEmbed = { mount, scan, unmount, version };
  // The build writes the hashes in here, near the end of the file: they do not
  // compress, and amid the code they would make gzip do worse on it too (18 B).
  if (typeof __INTEGRITY__ === "object") setIntegrity(__INTEGRITY__);
  locate(document.currentScript);
  setFixes(undefined, () => part("help"));
  const start = () => {
    schedule();
    observe();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
