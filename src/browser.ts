/**
 * dist/osdi-embed.js, the script tag's file: mounts every [data-osdi-action],
 * watches for more, and offers window.OsdiEmbed, its one global.
 */
import { setFixes } from "./config/log";
import { mount, scan, unmount } from "./element/mount";
import { observe, schedule } from "./element/schedule";
import { locate } from "./files/load";
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

// Only a second copy of the script can find the global already set: keep the first.
// On a server (a framework importing the file while it renders) it does nothing.
if (typeof document === "object" && !window.OsdiEmbed) {
  window.OsdiEmbed = { mount, scan, unmount, version };
  locate(document.currentScript);
  setFixes(undefined, () => part("help"));
  const start = () => {
    schedule();
    observe();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
