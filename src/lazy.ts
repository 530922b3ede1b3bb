/**
 * Parts: files that ship beside osdi-embed.js and load only when a page needs
 * them (organizer help texts, the outbox's delivery, the country list). A part
 * is a classic script from the script's own origin, so a CSP that allows the
 * script allows its parts. The ESM build imports them instead.
 */
import { type Signal, signal } from "@preact/signals-core";

declare global {
  interface Window {
    OsdiEmbedParts?: Record<string, unknown>;
  }
}

/** What the outbox part offers (src/parts/outbox.ts). */
export interface Outbox {
  deliver(
    item: import("./submit/outbox").Item,
    stored: boolean,
  ): Promise<"sent" | "queued" | "rejected">;
  flush(): Promise<void>;
}

/** The URL of osdi-embed.js; its sibling files are resolved against it. */
export let base: string | undefined;
let importers: Record<string, () => Promise<unknown>> = {};
const loading: Record<string, Promise<unknown>> = {};

/** Where osdi-embed.js was loaded from (parts are its siblings), or how to import them. */
export function setParts(url?: string, imports = importers) {
  base = url;
  importers = imports;
}

/** Called by a part's own file when it runs. */
export function define(name: string, value: unknown) {
  const parts = window.OsdiEmbedParts ?? {};
  parts[name] = value;
  window.OsdiEmbedParts = parts;
}

export function part<T>(name: string): Promise<T> {
  loading[name] ??= (
    importers[name]?.() ??
    new Promise((ok, fail) => {
      const s = document.createElement("script");
      s.src = new URL(`osdi-embed-${name}.js`, base).href;
      s.onload = ok;
      s.onerror = fail;
      document.head.append(s);
    })
  ).then(
    () => window.OsdiEmbedParts?.[name],
    (e) => {
      // Offline now, perhaps online later: the next call tries again.
      delete loading[name];
      throw e;
    },
  );
  return loading[name] as Promise<T>;
}

const values: Record<string, Signal<unknown>> = {};

/**
 * A part's value, or undefined until it has loaded. Read while rendering, it
 * re-renders the widget when the part arrives.
 */
export function usePart<T>(name: string): T | undefined {
  values[name] ??= signal(undefined);
  const s = values[name];
  if (!s.value)
    part(name).then(
      (v) => {
        s.value = v;
      },
      () => {},
    );
  return s.value as T | undefined;
}
