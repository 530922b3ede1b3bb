import { effect } from "@preact/signals-core";
import { render } from "preact";
import { MOUNTED, PREFIX } from "./config/attributes";
import { AuthorError, error } from "./config/log";
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
  if (!stylesheet || document.querySelector(`link[${PREFIX}stylesheet]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = stylesheet;
  link.setAttribute(`${PREFIX}stylesheet`, "");
  // First in <head>: the host's own rules then come later and win even outside layers.
  document.head.prepend(link);
}

/**
 * Turns one container into a widget. Returns false (fallback kept, one console
 * error naming the attribute and the fix) when its configuration is invalid.
 */
export function mount(el: HTMLElement): boolean {
  if (el.hasAttribute(MOUNTED)) return true;
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(readAttributes(el), location);
  } catch (e) {
    error(
      e instanceof AuthorError ? e.message : `[osdi-embed] could not read the configuration: ${e}`,
      el,
    );
    return false;
  }
  const lang = options.lang ?? el.closest("[lang]")?.getAttribute("lang") ?? "en";
  const model = createModel(options, translator(options), el);
  const nodes = Array.from(el.childNodes);
  if (options.styles === "base") addStylesheet();
  el.setAttribute(MOUNTED, "");
  for (const n of nodes) n.remove();
  let dispose: () => void;
  try {
    // The widget's signals are read while it renders, so this effect re-renders
    // it whenever one changes: Preact diffs, signals say when.
    dispose = effect(() => render(<Widget m={model} lang={lang} />, el));
  } catch (e) {
    render(null, el);
    el.replaceChildren(...nodes);
    el.removeAttribute(MOUNTED);
    error(`[osdi-embed] the widget failed to render, so the fallback stays: ${e}`, el);
    return false;
  }
  fallbacks.set(el, { nodes, dispose });
  emit(model, "ready");
  return true;
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
  return found.filter((el) => {
    try {
      return mount(el);
    } catch (e) {
      error(`[osdi-embed] ${e}`, el);
      return false;
    }
  });
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
