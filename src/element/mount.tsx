/**
 * A container becomes a widget: its fallback is kept to put back, its attributes
 * become options (or an author error, and the fallback stays), and the widget
 * shows once its stylesheet and words are there.
 */
import { type ComponentChildren, h, hydrate, render } from "preact";
import { useErrorBoundary } from "preact/hooks";
import { MOUNTED, PREFIX } from "../config/attributes";
import { AuthorError, unknown } from "../config/log";
import { type Options, parseOptions, type Raw } from "../config/parse";
import { CALLBACK, type Settings, toAttributes } from "../config/settings";
import { say } from "../console";
import { type Callbacks, emit } from "../events";
import { type PartName, part } from "../files/parts";
import { translator } from "../i18n/t";
import { loadWords, type Words } from "../i18n/words";
import { resume } from "../outbox/resume";
import { createModel, type Model, release } from "../submit/model";
import { Widget } from "../widget/Widget";
import { given, readAttributes, readPage } from "./page";
import { RENDERED } from "./rendered";
import { forget, later } from "./slices";
import { stylesheet } from "./stylesheet";

export const SELECTOR = `[${PREFIX}action]`;

/** A mounted container's fallback children, to put back on unmount, and what to undo then. */
interface Entry {
  nodes: Node[];
  dispose: () => void;
  /** Its abort() removes the callbacks' listeners. */
  callbacks: AbortController;
}
const fallbacks = new WeakMap<Element, Entry>();

/** An error boundary: this widget gives way to its fallback, the others go on. */
function Guard({ el, children }: { el: HTMLElement; children: ComponentChildren }) {
  const [error] = useErrorBoundary((e) => queueMicrotask(() => broken(el, e)));
  return error ? null : children;
}

/** What mount() returns while the element is mounted. */
export interface MountHandle {
  readonly element: HTMLElement;
  /** Unmounts (the fallback comes back) and removes the callbacks; after that, nothing. */
  unmount(): void;
}

/** mount()'s options: the attributes' settings, and a callback per event. */
export type MountOptions = Settings & Callbacks;

/** window.OsdiEmbed, set by dist/osdi-embed.js. */
export interface OsdiEmbedApi {
  mount(element: HTMLElement, options?: MountOptions): MountHandle | null;
  scan(root?: ParentNode): HTMLElement[];
  unmount(element: HTMLElement): void;
  version: string;
}

declare global {
  interface Window {
    OsdiEmbed?: OsdiEmbedApi;
  }
}

/**
 * Turns one container into a widget; settings win over its attributes, and
 * callbacks listen for its events until it is unmounted. Returns null (fallback
 * kept, one console error naming the attribute and the fix) when its
 * configuration is invalid. (Needs a page: src/index.ts's mount() is the one safe
 * on a server.)
 */
export function mount(el: HTMLElement, options: MountOptions = {}): MountHandle | null {
  resume();
  const settings = toAttributes(options);
  // Settings for a mounted element: it is mounted again, with them.
  if (Object.keys(settings).length) {
    unmount(el);
    given.set(el, settings);
  }
  // Mounted already: a handle, and the callbacks join the others.
  const mounted = el.hasAttribute(MOUNTED);
  let entry = fallbacks.get(el);
  if (!mounted) {
    // Markup rendered ahead is brought to life in place: its fallback is a copy of it.
    const ahead = el.hasAttribute(RENDERED);
    entry = {
      nodes: Array.from(el.childNodes, (node) => (ahead ? node.cloneNode(true) : node)),
      dispose() {},
      callbacks: new AbortController(),
    };
    fallbacks.set(el, entry);
    el.setAttribute(MOUNTED, "");
  }
  // onReady listens for osdi:ready, and so on, until the element is unmounted.
  for (const [key, callback] of Object.entries(options))
    if (entry && CALLBACK.test(key))
      el.addEventListener(
        `osdi:${key.slice(2).toLowerCase()}`,
        (e) => (callback as (detail: unknown) => void)((e as CustomEvent).detail),
        { signal: entry.callbacks.signal },
      );
  if (!mounted && !start(el, entry!)) return null;
  return {
    element: el,
    unmount: () => {
      // Only the mount it was given for: not one that came after it.
      if (fallbacks.get(el) === entry) unmount(el);
    },
  };
}

/**
 * What differs between a container and a form of the author's own: the attributes
 * it completes from its own markup, whether it waits for the base stylesheet, and how
 * it shows (returning what undoes that). osdi-embed-byo.js gives one for a form.
 */
export interface Host {
  complete?(raw: Raw): Raw;
  styled: boolean;
  /** `rendered`: the mark of markup rendered ahead, to hydrate (see src/element/rendered.ts). */
  show(model: Model, lang: string, rendered?: string): () => void;
}

/**
 * A container: the widget is rendered in it, in place of its fallback, or brought to
 * life in the markup rendered ahead for it (hydrated: no node replaced, and what the
 * visitor typed meanwhile kept).
 */
const container = (el: HTMLElement): Host => ({
  styled: true,
  show(model, lang, rendered) {
    const widget = (
      <Guard el={el}>
        <Widget model={model} lang={lang} />
      </Guard>
    );
    if (rendered) hydrate(widget, el);
    else {
      el.replaceChildren();
      render(widget, el);
    }
    return () => render(null, el);
  },
});

/** Starts a container, or a form of the author's own once its part has come; false when invalid. */
function start(el: HTMLElement, entry: Entry): boolean {
  if (el.tagName !== "FORM") return begin(el, entry, container(el));
  part("byo").then(
    (own) => {
      if (fallbacks.get(el) === entry) begin(el, entry, own(el as HTMLFormElement));
    },
    // Not to be had (the console says why): the author's form stays as it is.
    () => unmount(el),
  );
  return true;
}

/**
 * The one start-up, for a container and an own form alike: attributes -> options
 * (or an author error, and the fallback stays) -> model -> words (and the base
 * stylesheet) -> shown, and osdi:ready. False when the configuration is invalid.
 */
function begin(el: HTMLElement, entry: Entry, host: Host): boolean {
  // Unmounted while its stylesheet, words or part were on the way: nothing to do.
  const current = () => fallbacks.get(el) === entry;
  try {
    const raw = readAttributes(el);
    const options = parseOptions(host.complete?.(raw) ?? raw, readPage());
    consent(options, el);
    const words = loadWords(options, el);
    // Markup rendered ahead names the uid its ids were made with.
    const [uid, stamped] = el.getAttribute(RENDERED)?.split(" ") ?? [];
    // English words until the widget's own have come (the fallback shows meanwhile).
    const model = createModel(options, translator(options), el, uid);
    const show = ({ lang, text }: Words) => {
      if (!current()) return;
      forget(el);
      model.words.value = text;
      let undo = host.show(model, lang, stamped);
      // Markup rendered ahead is hydrated at once. osdi-embed-rendered.js then tells
      // whether it was made for these very attributes, version and language, and takes
      // in what was typed in it; markup that does not fit, or without that file, is
      // drawn afresh. A submit meanwhile waits for it.
      if (stamped)
        model.ahead = part("rendered")
          .then((fits) => fits(el, raw, model, lang) || Promise.reject())
          .catch(() => {
            if (current()) {
              undo();
              undo = host.show(model, lang);
            }
          });
      entry.dispose = () => {
        undo();
        release(model);
      };
      emit(model, "ready");
    };
    // The fallback stays until the stylesheet and the words are there (English if
    // other words cannot come), so nobody sees the form change style or language.
    // Markup rendered ahead also waits for the parts it shows, so that hydration
    // finds them (a part that cannot come is left out, as ever).
    const style = host.styled && options.styles === "base" ? stylesheet() : undefined;
    const needed: PartName[] = [];
    if (options.kind === "event") needed.push("event");
    if (options.fields.includes("country")) needed.push("countries");
    const ahead = stamped ? Promise.allSettled(needed.map(part)) : undefined;
    if (!style && !ahead && !(words instanceof Promise)) show(words);
    else Promise.all([words, style, ahead]).then(([w]) => later(el, () => show(w)));
    return true;
  } catch (e) {
    broken(el, e);
    return false;
  }
}

/** Whether the page has had its one warning about a consent box (below). */
let consentTold = false;

/** A consent box that Action Network does not heed: one warning for the page. */
function consent({ emailOptIn }: Options, el: Element) {
  if (consentTold || !emailOptIn || emailOptIn === "required") return;
  consentTold = true;
  unknown("consentBox", "email-opt-in", emailOptIn, el);
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
  given.delete(el);
  forget(el);
  entry.dispose();
  entry.callbacks.abort();
  el.replaceChildren(...entry.nodes);
  el.removeAttribute(MOUNTED);
}

/** The containers in root, root itself included. */
export const containers = (root: ParentNode) => {
  const found = Array.from(root.querySelectorAll<HTMLElement>(SELECTOR));
  if (root instanceof HTMLElement && root.matches(SELECTOR)) found.unshift(root);
  return found;
};

/** Mounts every container in root (itself included); one bad widget never stops the rest. */
export function scan(root: ParentNode = document): HTMLElement[] {
  // A page with the script and no widget still sends what an earlier visit kept.
  resume();
  return containers(root).filter((el) => mount(el));
}
