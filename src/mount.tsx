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
let styled = false;

/** osdi-embed.css, beside the script, once per page, first in <head> so host rules win. */
function addStylesheet() {
  if (styled || !base) return;
  styled = true;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("osdi-embed.css", base).href;
  document.head.prepend(link);
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
    if (o.styles === "base") addStylesheet();
    const show = (strings?: Strings) => {
      // Unmounted while its locale was on the way: nothing to show.
      if (fallbacks.get(el) !== entry) return;
      if (strings) model.t = translator(o, strings);
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
    // Other languages come as parts; the fallback stays until the words arrive
    // (English if they cannot), so nobody sees the form change language.
    if (lang.startsWith("en")) show();
    else
      part<Strings>(`lang-${lang.split("-")[0]}`).then(show, () => {
        // The words could not come: English words, English lang and direction.
        lang = "en";
        show();
      });
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
  entry.dispose();
  render(null, el);
  el.replaceChildren(...entry.nodes);
  el.removeAttribute(MOUNTED);
}

/** Queued submissions go out on any page of the site that loads the script (once per page). */
let resume = () => {
  resume = () => {};
  const go = () =>
    read().length &&
    part<Outbox>("outbox")
      .then((o) => o.flush())
      .catch(() => {});
  addEventListener("online", go);
  go();
};

/** Mounts every container in root (itself included); one bad widget never stops the rest. */
export function scan(root: ParentNode = document): HTMLElement[] {
  // A page with the script and no widget still sends what an earlier visit kept.
  resume();
  const found = Array.from(root.querySelectorAll<HTMLElement>(SELECTOR));
  if (root instanceof HTMLElement && root.matches(SELECTOR)) found.unshift(root);
  return found.filter(mount);
}

/** Mounts containers that page builders and single-page apps add later. */
export function observe(root: Node = document.documentElement): MutationObserver {
  const mo = new MutationObserver((records) => {
    for (const r of records)
      for (const n of Array.from(r.addedNodes)) if (n instanceof HTMLElement) scan(n);
  });
  mo.observe(root, { childList: true, subtree: true });
  return mo;
}
