/** IIFE entry: mounts every [data-osdi-action], watches for more, exposes window.OsdiEmbed. */
import { type Fixes, useFixes } from "./config/log";
import { part, setParts } from "./lazy";
import { mount, observe, scan, schedule, unmount } from "./mount";
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
  const script = document.currentScript as HTMLScriptElement | null;
  setParts(script?.src);
  useFixes(undefined, () => part<Fixes>("help"));
  const start = () => {
    schedule();
    observe();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}
