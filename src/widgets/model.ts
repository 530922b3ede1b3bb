import { type Signal, signal } from "@preact/signals-core";
import type { Options } from "../config/parse";
import type { TextKey } from "../i18n/en";
import type { T } from "../i18n/t";
import type { Errors } from "../submit/validate";
import { CUSTOM, type Value } from "../submit/values";

export type State = "idle" | "submitting" | "success" | "error" | "queued";

/** One widget's state, all in signals: the render effect re-runs when any of them changes. */
export interface Model {
  o: Options;
  t: T;
  uid: string;
  host: HTMLElement;
  state: Signal<State>;
  status: Signal<TextKey | "">;
  errors: Signal<Errors>;
  values: Record<string, Signal<Value>>;
}

let seq = 0;

export function createModel(o: Options, t: T, host: HTMLElement): Model {
  const values: Record<string, Signal<Value>> = {};
  for (const f of o.fields) values[f] = signal("");
  for (const c of o.customFields)
    values[CUSTOM + c.name] = signal(c.type === "checkbox" ? (c.options ? [] : false) : "");
  if (o.emailOptIn) values.email_opt_in = signal(o.emailOptIn === "checked");
  if (o.smsOptIn) values.sms_opt_in = signal(false);
  return {
    o,
    t,
    uid: `osdi-${++seq}`,
    host,
    state: signal("idle"),
    status: signal(""),
    errors: signal({}),
    values,
  };
}

/** Element id of a field's input, unique on the page. */
export const fieldId = (m: Model, key: string) =>
  `${m.uid}-${key.replace(/\W/g, (c) => `_${c.charCodeAt(0)}`)}`;
