import { batch, type Signal, signal } from "@preact/signals";
import { type Control, controls } from "../config/controls";
import type { Options } from "../config/parse";
import type { TextKey } from "../i18n/en";
import type { Translate } from "../i18n/t";
import type { Errors } from "../submit/validate";
import type { Value } from "../submit/values";

export type State = "idle" | "submitting" | "success" | "error" | "queued";

/**
 * One widget's state, in signals. Components that read them re-render when they
 * change; the submit flow and the outbox write them.
 */
export interface Model {
  options: Options;
  /** The widget's words: the author's data-osdi-text-* first, then its language's. */
  text: Translate;
  controls: Control[];
  /** Prefix of the widget's element ids, unique on the page. */
  uid: string;
  /** The container (or the author's own form). */
  host: HTMLElement;
  state: Signal<State>;
  status: Signal<TextKey | "">;
  errors: Signal<Errors>;
  values: Record<string, Signal<Value>>;
  /** Sets state, status and (if given) errors together: the widget renders once. */
  set(state: State, status: TextKey | "", errors?: Errors): void;
}

let count = 0;

export function createModel(options: Options, text: Translate, host: HTMLElement): Model {
  const list = controls(options);
  const values: Record<string, Signal<Value>> = {};
  for (const c of list)
    values[c.key] = signal(
      c.group && c.type === "checkbox"
        ? []
        : c.type === "checkbox"
          ? c.key === "email_opt_in" && options.emailOptIn === "checked"
          : (options.prefill[c.key] ?? ""),
    );
  const model: Model = {
    options,
    text,
    controls: list,
    uid: `osdi-${++count}`,
    host,
    state: signal("idle"),
    status: signal(""),
    errors: signal({}),
    values,
    set: (state, status, errors) =>
      batch(() => {
        model.state.value = state;
        model.status.value = status;
        if (errors) model.errors.value = errors;
      }),
  };
  return model;
}
