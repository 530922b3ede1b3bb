/**
 * dist/osdi-embed.js, the script tag's file: mounts every [data-osdi-action],
 * watches for more, and offers window.OsdiEmbed, its one global.
 */
import { useFixes } from "./config/log";
import { mount, scan, unmount } from "./element/mount";
import { observe, schedule } from "./element/schedule";
import { locate } from "./files/load";
import { part } from "./files/parts";
import { version } from "./version";

const api = { mount, scan, unmount, version };
declare global {
  interface Window {
    OsdiEmbed: typeof api;
  }
}

// Only a second copy of the script can find the global already set: keep the first.
if (!window.OsdiEmbed) {
  window.OsdiEmbed = api;
  locate(document.currentScript);
  useFixes(undefined, () => part("help"));
  const start = () => {
    schedule();
    observe();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
