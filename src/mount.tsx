import { effect } from "@preact/signals-core";
import { h, render } from "preact";
import { MOUNTED, PREFIX } from "./config/attributes";
import { AuthorError, say } from "./config/log";
import { parseOptions, readAttributes } from "./config/parse";
import type { Strings } from "./i18n/en";
import { pickLang } from "./i18n/locales";
import { translator } from "./i18n/t";
import { base, type Outbox, part } from "./lazy";
import type { Enhance } from "./parts/byo";
import { read } from "./submit/outbox";
import { emit } from "./widgets/emit";
import { createModel } from "./widgets/model";
import { Widget } from "./widgets/Widget";

const SELECTOR = `[${PREFIX}action]`;
/** The fallback children of each mounted container, to put back on unmount. */
const fallbacks = new WeakMap<Element, { nodes: Node[]; dispose: () => void }>();
/** Settles when osdi-embed.css has loaded, failed, or 3 s have passed. */
let styled: Promise<unknown> | undefined;
let styledDone = false;

/**
 * osdi-embed.css, beside the script, once per page, first in <head> so host rules
 * win. Widgets wait for it, so nobody sees a form unstyled and then restyled.
 * Returns what to wait for: nothing once it is there (or with no script URL).
 */
function stylesheet() {
  if (styledDone || !base) return;
  styled ??= new Promise((done) => {
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("osdi-embed.css", base).href;
    link.onload = link.onerror = done;
    // A stylesheet that never comes does not keep the form away: unstyled is usable.
    setTimeout(done, 3e3);
    document.head.prepend(link);
  }).then(() => {
    styledDone = true;
  });
  return styled;
}

/**
 * Work that waits its turn: each task does at most SLICE ms of it, then gives the
 * browser the thread back (to paint, to scroll, to answer a click), so a page of
 * a hundred widgets has no long task of ours. Containers on or near the screen
 * go first, as soon as the browser has said which they are.
 */
const SLICE = 8;
const jobs: [Element, () => void][] = [];
const near = new WeakSet<Element>();
let seen: IntersectionObserver | undefined;
let pending = false;

/**
 * Another task for the queue, unless one is already on its way. A message, not
 * setTimeout: no 4 ms clamp after a few slices, no once-a-second timers in a
 * background tab.
 */
function kick() {
  if (pending) return;
  pending = true;
  const c = new MessageChannel();
  c.port1.onmessage = () => {
    c.port1.close();
    pending = false;
    drain();
  };
  c.port2.postMessage(0);
}

function later(el: Element, job: () => void) {
  seen ??= new IntersectionObserver(
    (entries) => {
      // Where the visitor is now: scrolling (or a #fragment) can change it while mounting.
      for (const e of entries) near[e.isIntersecting ? "add" : "delete"](e.target);
    },
    { rootMargin: "50%" },
  );
  seen.observe(el);
  jobs.push([el, job]);
  kick();
}

/** Runs queued work until the slice is used up, then leaves the rest to another task. */
function drain() {
  const end = performance.now() + SLICE;
  while (jobs.length) {
    if (performance.now() > end) return kick();
    const i = jobs.findIndex(([el]) => near.has(el));
    jobs.splice(Math.max(i, 0), 1)[0][1]();
  }
}

/**
 * Turns one container into a widget. Returns false (fallback kept, one console
 * error naming the attribute and the fix) when its configuration is invalid.
 */
export function mount(el: HTMLElement): boolean {
  resume();
  if (el.hasAttribute(MOUNTED)) return true;
  const entry = { nodes: Array.from(el.childNodes), dispose() {} };
  fallbacks.set(el, entry);
  el.setAttribute(MOUNTED, "");
  try {
    // A form of the author's own, with its own inputs, is enhanced, not replaced.
    if (el.tagName === "FORM") {
      part<Enhance>("byo").then(
        (enhance) => {
          if (fallbacks.get(el) === entry)
            entry.dispose = enhance(el as HTMLFormElement, {
              part,
              effect,
              parseOptions,
              readAttributes,
              createModel,
              translator,
              pickLang,
              emit,
              broken,
            });
        },
        (e) => broken(el, e),
      );
      return true;
    }
    const o = parseOptions(readAttributes(el), location);
    let lang = pickLang(el, o.lang);
    const model = createModel(o, translator(o), el);
    const show = () => {
      // Unmounted while its stylesheet or words were on the way: nothing to show.
      if (fallbacks.get(el) !== entry) return;
      seen?.unobserve(el);
      el.replaceChildren();
      // The widget's signals are read while it renders, so this effect re-renders
      // it whenever one changes: Preact diffs, signals say when.
      entry.dispose = effect(() => {
        try {
          render(<Widget m={model} lang={lang} />, el);
        } catch (e) {
          // An error boundary: this widget gives way to its fallback, the others go on.
          queueMicrotask(() => broken(el, e));
        }
      });
      emit(model, "ready");
      // Fetched while the page is online, so a visitor who goes offline can still queue.
      part("submit").catch(() => {});
    };
    // The fallback stays until the stylesheet and the words are there (English if
    // other words cannot come), so nobody sees the form change style or language.
    const waits = [
      o.styles === "base" && stylesheet(),
      !lang.startsWith("en") &&
        part<Strings>(`lang-${lang.split("-")[0]}`).then(
          (strings) => {
            model.t = translator(o, strings);
          },
          () => {
            // The words could not come: English words, English lang and direction.
            lang = "en";
          },
        ),
    ].filter(Boolean);
    if (waits.length) Promise.all(waits).then(() => later(el, show));
    else show();
    return true;
  } catch (e) {
    broken(el, e);
    return false;
  }
}

/** Puts the fallback back and says why. */
function broken(el: HTMLElement, e: unknown) {
  unmount(el);
  const author = e instanceof AuthorError;
  // The element is logged so authors can find it, unless it holds a secret.
  say(
    "error",
    () => (author ? e.message : `[osdi-embed] ${e}; the fallback is shown instead.`),
    author && e.value === "…" ? undefined : el,
  );
}

/** Removes the widget and puts the fallback back. */
export function unmount(el: HTMLElement): void {
  const entry = fallbacks.get(el);
  if (!entry) return;
  fallbacks.delete(el);
  seen?.unobserve(el);
  entry.dispose();
  render(null, el);
  el.replaceChildren(...entry.nodes);
  el.removeAttribute(MOUNTED);
}

/**
 * Queued submissions go out on any page of the site that loads the script (once
 * per page), once the page has loaded and the browser is idle: no page view waits
 * for a storage read before its widgets show.
 */
let resume = () => {
  resume = () => {};
  const go = () =>
    read().length &&
    part<Outbox>("outbox")
      .then((o) => o.flush())
      .catch(() => {});
  const idle = () =>
    "requestIdleCallback" in window ? requestIdleCallback(go, { timeout: 2e3 }) : setTimeout(go);
  addEventListener("online", go);
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle);
};

const containers = (root: ParentNode) => {
  const found = Array.from(root.querySelectorAll<HTMLElement>(SELECTOR));
  if (root instanceof HTMLElement && root.matches(SELECTOR)) found.unshift(root);
  return found;
};

/** Mounts every container in root (itself included); one bad widget never stops the rest. */
export function scan(root: ParentNode = document): HTMLElement[] {
  // A page with the script and no widget still sends what an earlier visit kept.
  resume();
  return containers(root).filter(mount);
}

/** Queues the containers in root (itself included) to be mounted in a later task. */
const queue = (root: ParentNode) => {
  // One taken out of the page before its turn is left alone.
  for (const el of containers(root)) later(el, () => el.isConnected && mount(el));
};

/**
 * What the script does by itself: mounts every container in root like scan(),
 * but in slices, those on screen first; the first slice at once.
 */
export function schedule(root: ParentNode = document): void {
  resume();
  queue(root);
  drain();
}

/**
 * Mounts containers that page builders and single-page apps add later, in the
 * next task. (Not at once: the widgets' own nodes come through here too, and a
 * slice run from here would run inside the task of the slice that added them.)
 */
export function observe(root: Node = document.documentElement): MutationObserver {
  const mo = new MutationObserver((records) => {
    for (const r of records)
      for (const n of Array.from(r.addedNodes)) if (n instanceof HTMLElement) queue(n);
  });
  mo.observe(root, { childList: true, subtree: true });
  return mo;
}
