import type { Kind } from "./config/attributes";
import type { Options } from "./config/parse";

/** What an event is about: a widget's container (or own form), and its options. */
export interface Source {
  host: Element;
  options: Pick<Options, "kind" | "action" | "datalayer">;
}

/** What every osdi:* event carries in `detail`. */
export interface Detail {
  kind: Kind;
  /** The container's data-osdi-action, as written. */
  action: string;
}

/** osdi:error's detail. */
export interface ErrorDetail extends Detail {
  /** The status text shown (error_fix, error_network or error_storage). */
  message: string;
  /** The keys of the invalid fields in display order; undefined when sending failed. */
  fields?: string[];
}

/** osdi:share's detail. */
export interface ShareDetail extends Detail {
  /** "native", "facebook", "x", "whatsapp", "email" or "copy". */
  network: string;
}

/** The events a container (or an own form) fires; they bubble to document and window. */
export interface OsdiEventMap {
  "osdi:ready": CustomEvent<Detail>;
  "osdi:submit": CustomEvent<Detail>;
  "osdi:success": CustomEvent<Detail>;
  "osdi:error": CustomEvent<ErrorDetail>;
  "osdi:queued": CustomEvent<Detail>;
  "osdi:share": CustomEvent<ShareDetail>;
}

/** mount()'s callbacks: each is called with its event's detail, onReady for osdi:ready and so on. */
export interface Callbacks {
  onReady?(detail: Detail): void;
  onSubmit?(detail: Detail): void;
  onSuccess?(detail: Detail): void;
  onError?(detail: ErrorDetail): void;
  onQueued?(detail: Detail): void;
  onShare?(detail: ShareDetail): void;
}

declare global {
  interface HTMLElementEventMap extends OsdiEventMap {}
  interface DocumentEventMap extends OsdiEventMap {}
  interface WindowEventMap extends OsdiEventMap {}
}

/** Dispatches osdi:<name> from the container; page authors listen there or above. */
export function emit(model: Source, name: string, extra?: object) {
  const detail = { kind: model.options.kind, action: model.options.action, ...extra };
  model.host.dispatchEvent(new CustomEvent(`osdi:${name}`, { bubbles: true, detail }));
  // data-osdi-datalayer: the same, for Google Tag Manager and friends.
  if (model.options.datalayer) {
    const w = window as DataLayer;
    w.dataLayer ??= [];
    w.dataLayer.push({ event: `osdi_${name}`, ...detail });
  }
}

type DataLayer = { dataLayer?: object[] };
