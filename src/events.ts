import type { Kind } from "./config/attributes";
import type { Model } from "./widget/model";

/** What every osdi:* event carries in `detail`. */
export interface Detail {
  kind: Kind;
  /** The container's data-osdi-action, as written. */
  action: string;
}

/** Dispatches osdi:<name> from the container; page authors listen there or above. */
export function emit(model: Model, name: string, extra?: object) {
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
