/**
 * Files that ship beside osdi-embed.js and load only when a page needs them
 * (organizer help texts; later, locales). A part is a classic script from the
 * script's own origin, so a CSP that allows the script allows its parts.
 */
declare global {
  interface Window {
    OsdiEmbedParts?: Record<string, unknown>;
  }
}

let base: string | undefined;
const loading: Record<string, Promise<unknown>> = {};

/** Where osdi-embed.js was loaded from; parts are its siblings. */
export const setBase = (url?: string) => {
  base = url;
};

/** Called by a part's own file when it runs. */
export function define(name: string, value: unknown) {
  const parts = window.OsdiEmbedParts ?? {};
  parts[name] = value;
  window.OsdiEmbedParts = parts;
}

export function part<T>(name: string): Promise<T> {
  loading[name] ??= new Promise((ok, fail) => {
    const s = document.createElement("script");
    s.src = new URL(`osdi-embed-${name}.js`, base).href;
    s.onload = () => ok(window.OsdiEmbedParts?.[name]);
    s.onerror = fail;
    document.head.append(s);
  });
  return loading[name] as Promise<T>;
}
