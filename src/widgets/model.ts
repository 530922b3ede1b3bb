import { batch, type Signal, signal } from "@preact/signals-core";
import { type Control, controls } from "../config/controls";
import type { Options } from "../config/parse";
import type { TextKey } from "../i18n/en";
import type { T } from "../i18n/t";
import type { Errors } from "../submit/validate";
import type { Value } from "../submit/values";

export type State = "idle" | "submitting" | "success" | "error" | "queued";

/** One widget's state, all in signals: the render effect re-runs when any of them changes. */
export interface Model {
  o: Options;
  t: T;
  controls: Control[];
  uid: string;
  host: HTMLElement;
  state: Signal<State>;
  status: Signal<TextKey | "">;
  errors: Signal<Errors>;
  values: Record<string, Signal<Value>>;
  /** Sets state, status and (if given) errors together: the widget renders once. */
  set(state: State, status: TextKey | "", errors?: Errors): void;
}

let seq = 0;

export function createModel(o: Options, t: T, host: HTMLElement): Model {
  const values: Record<string, Signal<Value>> = {};
  const list = controls(o);
  for (const c of list)
    values[c.k] = signal(
      c.group && c.type === "checkbox"
        ? []
        : c.type === "checkbox"
          ? c.k === "email_opt_in" && o.emailOptIn === "checked"
          : (o.prefill[c.k] ?? ""),
    );
  const m: Model = {
    o,
    t,
    controls: list,
    uid: `osdi-${++seq}`,
    host,
    state: signal("idle"),
    status: signal(""),
    errors: signal({}),
    values,
    set: (state, status, errors) =>
      batch(() => {
        m.state.value = state;
        m.status.value = status;
        if (errors) m.errors.value = errors;
      }),
  };
  return m;
}
