/**
 * The files beside osdi-embed.js: the stylesheet and the parts (languages, the
 * country list, event details, share links, own forms, help texts). None of them
 * is needed for the core job, so each one that cannot load is left out, with one
 * console warning that says where it was looked for and what to do.
 *
 * Every file carries the SRI hash the build wrote into osdi-embed.js, so a page
 * that pins osdi-embed.js pins them all; under Trusted Types the script URLs go
 * through one policy, "osdi-embed", that passes only these files.
 */
import { fixFor, print, say } from "../console";

/** File name -> SRI hash: the build's, from src/browser.ts; none in tests and the ESM build. */
let integrity: Record<string, string> = {};

/** The SRI hash of each file beside the script (the build writes them into osdi-embed.js). */
export function setIntegrity(hashes: Record<string, string>): void {
  integrity = hashes;
}

/** The page names the folder itself: survives script joining, inlining and CDNs. */
export const BASE_META = "osdi-embed-base";

/** The fix for files that cannot be found, said in every such message. */
const FIX = `name their folder in <meta name="${BASE_META}" content="https://…/"> (docs/hosting.md)`;

/** A URL in the folder of the files (a file in it, or the folder with a trailing slash). */
let base: string | undefined;
/** Whether files beside a script are what the page gets (not so for the ESM build). */
let located = false;

/** A file name the script can have: osdi-embed.js, osdi-embed.min.js, osdi-embed-0.2.0.js. */
const OURS = /\/osdi-embed[\w.-]*\.js(?:[?#]|$)/;

/**
 * Where the files are: the page's <meta name="osdi-embed-base">, else the
 * script's own URL when it is ours (a classic script gives it; a module or a
 * joined file do not), else a script element that names osdi-embed.js, else
 * whatever script is running (joined into another file: the warning will say so).
 */
export function locate(script: HTMLOrSVGScriptElement | null): void {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${BASE_META}"]`)?.content;
  const own = script instanceof HTMLScriptElement ? script.src : "";
  const named = Array.from(document.scripts)
    .map((s) => s.src)
    .reverse()
    .find((src) => OURS.test(src));
  const found = meta ? meta.replace(/\/?$/, "/") : OURS.test(own) ? own : (named ?? own);
  base = found ? new URL(found, document.baseURI).href : undefined;
  located = true;
}

/** Where the files are (a URL in their folder), or, given nothing, that there are none. */
export function setBase(url: string | undefined): void {
  base = url;
  located = url !== undefined;
}

export const filesBeside = () => located;

/** The files already warned about; "" for the folder itself. */
const warned = new Set<string>();

/** One message per file that cannot be had; once only when there is no folder at all. */
function missing(file: string, url?: string) {
  const key = url ? file : "";
  if (warned.has(key)) return;
  warned.add(key);
  // The usual causes are in the help texts (src/config/fixes.ts, "files").
  if (url)
    say(
      "warn",
      () =>
        `${file} could not be loaded from ${url}, so the widgets go on without it: ${fixFor("files", "") ?? ""}${FIX}.`,
    );
  else
    print(
      "error",
      `cannot find its files (${file}…): load it with <script src="…/osdi-embed.js"> or ${FIX}.`,
    );
}

/** The URL of one of the files, or undefined when the folder is unknown. */
export function fileUrl(file: string): string | undefined {
  return base && new URL(file, base).href;
}

interface TrustedTypes {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string): string },
  ): { createScriptURL(url: string): unknown };
}
let policy: { createScriptURL(url: string): unknown } | undefined;

/** The page's policy refuses ours: no part can load, and the fix is one directive. */
class Refused extends Error {}
let refused = false;

/** A part's URL, through the "osdi-embed" Trusted Types policy where the page has them. */
function scriptUrl(url: string): string {
  const tt = (window as { trustedTypes?: TrustedTypes }).trustedTypes;
  if (!tt) return url;
  try {
    policy ??= tt.createPolicy("osdi-embed", {
      createScriptURL(u) {
        // Only files of ours, from our folder.
        const file = new URL(u).pathname.split("/").pop() ?? "";
        if (/^osdi-embed-[a-z-]+\.js$/.test(file) && fileUrl(file) === u) return u;
        throw new TypeError(`[osdi-embed] ${u} is not one of osdi-embed's files.`);
      },
    });
  } catch {
    // The page's trusted-types directive names other policies, not ours.
    if (!refused)
      print(
        "warn",
        "the page's CSP allows no Trusted Types policy osdi-embed for the extra files: add trusted-types osdi-embed (docs/hosting.md).",
      );
    refused = true;
    throw new Refused();
  }
  return policy.createScriptURL(url) as string;
}

/** What every file element carries: its hash, fetched without credentials. */
function pin(el: HTMLScriptElement | HTMLLinkElement, file: string) {
  const hash = integrity[file];
  if (hash) el.integrity = hash;
  el.crossOrigin = "anonymous";
}

/**
 * Runs one of the files as a classic script. `prepare` sets up the element
 * before it is added (what the part's code will find on document.currentScript);
 * `ran` says afterwards whether the file did its part (a stale or foreign file
 * that loads and does nothing counts as missing).
 */
export function loadScript(
  file: string,
  prepare: (s: HTMLScriptElement) => void,
  ran: () => boolean,
): Promise<void> {
  const url = fileUrl(file);
  return new Promise<void>((ok, fail) => {
    if (!url) throw new Error(file);
    const s = document.createElement("script");
    // A page whose Trusted Types policy names others but not ours throws here.
    s.src = scriptUrl(url);
    pin(s, file);
    prepare(s);
    s.onload = () => (ran() ? ok() : fail(new Error(`${file} defined nothing`)));
    s.onerror = fail;
    document.head.append(s);
  }).catch((e) => {
    if (!(e instanceof Refused)) missing(file, url);
    throw e;
  });
}

/**
 * Adds one of the files as a stylesheet, first in <head> so that every host rule
 * comes later and wins. Resolves when it has loaded or failed.
 */
export function loadStylesheet(file: string): Promise<void> {
  const url = fileUrl(file);
  if (!url) {
    missing(file);
    return Promise.resolve();
  }
  return new Promise((done) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    pin(link, file);
    link.href = url;
    link.onload = () => done();
    link.onerror = () => {
      missing(file, url);
      done();
    };
    document.head.prepend(link);
  });
}
