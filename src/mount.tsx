import { effect } from "@preact/signals-core";
import { h, render } from "preact";
import { MOUNTED, PREFIX } from "./config/attributes";
import { AuthorError, say } from "./config/log";
import { parseOptions, readAttributes } from "./config/parse";
import { translator } from "./i18n/t";
import { createModel } from "./widgets/model";
import { emit, Widget } from "./widgets/Widget";

const SELECTOR = `[${PREFIX}action]`;
/** The fallback children of each mounted container, to put back on unmount. */
const fallbacks = new WeakMap<Element, { nodes: Node[]; dispose: () => void }>();
let stylesheet: string | undefined;

/** Where osdi-embed.css lives (beside the script); set by the browser entry. */
export function setStylesheet(href: string | undefined) {
  stylesheet = href;
}

function addStylesheet() {
  if (!stylesheet) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = stylesheet;
  // First in <head>: the host's own rules then come later and win even outside layers.
  document.head.prepend(link);
  stylesheet = undefined;
}

/**
 * Turns one container into a widget. Returns false (fallback kept, one console
 * error naming the attribute and the fix) when its configuration is invalid.
 */
export function mount(el: HTMLElement): boolean {
  if (el.hasAttribute(MOUNTED)) return true;
  const nodes = Array.from(el.childNodes);
  try {
    const o = parseOptions(readAttributes(el), location);
    let lang = o.lang ?? el.closest("[lang]")?.getAttribute("lang") ?? "en";
    try {
      // A page's lang="en_US" or lang="" is not a locale Intl takes.
      Intl.getCanonicalLocales(lang);
    } catch {
      lang = "en";
    }
    const model = createModel(o, translator(o), el);
    if (o.styles === "base") addStylesheet();
    el.setAttribute(MOUNTED, "");
    el.replaceChildren();
    // The widget's signals are read while it renders, so this effect re-renders
    // it whenever one changes: Preact diffs, signals say when.
    const dispose = effect(() => render(<Widget m={model} lang={lang} />, el));
    fallbacks.set(el, { nodes, dispose });
    emit(model, "ready");
    return true;
  } catch (e) {
    render(null, el);
    el.replaceChildren(...nodes);
    el.removeAttribute(MOUNTED);
    const author = e instanceof AuthorError;
    // The element is logged so authors can find it, unless it holds a secret.
    say(
      "error",
      () => (author ? e.message : `[osdi-embed] ${e}; the fallback stays.`),
      author && e.value === "…" ? undefined : el,
    );
    return false;
  }
}

/** Removes the widget and puts the fallback back. */
export function unmount(el: HTMLElement): void {
  const entry = fallbacks.get(el);
  if (!entry) return;
  entry.dispose();
  render(null, el);
  el.replaceChildren(...entry.nodes);
  el.removeAttribute(MOUNTED);
  fallbacks.delete(el);
}

/** Mounts every container in root (itself included); one bad widget never stops the rest. */
export function scan(root: ParentNode = document): HTMLElement[] {
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
