import type { Model } from "./model";

/** Dispatches osdi:<name> from the container; page authors listen there or above. */
export function emit(m: Model, name: string, extra?: object) {
  const detail = { kind: m.o.kind, action: m.o.action, ...extra };
  m.host.dispatchEvent(new CustomEvent(`osdi:${name}`, { bubbles: true, detail }));
  // data-osdi-datalayer: the same, for Google Tag Manager and friends.
  if (m.o.datalayer) {
    const w = window as DataLayer;
    w.dataLayer ??= [];
    w.dataLayer.push({ event: `osdi_${name}`, ...detail });
  }
}

type DataLayer = { dataLayer?: object[] };
