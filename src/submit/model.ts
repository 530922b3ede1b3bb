import { batch, type Signal, signal } from "@preact/signals";
import { type Control, controls } from "../config/controls";
import type { Options } from "../config/parse";
import type { TextKey } from "../i18n/en";
import type { Translate } from "../i18n/t";
import type { Errors } from "./validate";
import type { Value } from "./values";

export type State = "idle" | "submitting" | "success" | "error" | "queued";

/**
 * One widget's state, in signals. The submit flow writes them and fires events; the
 * widget's components read them and react (render, focus, the redirect), so nothing
 * below the widget touches the screen.
 */
export interface Model {
  options: Options;
  /** The widget's words: English until its language's part has come. */
  words: Signal<Translate>;
  /** One word, read from `words` (a component that asks re-renders when they come). */
  text: Translate;
  controls: Control[];
  /** Prefix of the widget's element ids, unique on the page. */
  uid: string;
  /** The container (or the author's own form). */
  host: HTMLElement;
  /** The page's host name, sent as the referrer data's website (none on a server). */
  website?: string;
  state: Signal<State>;
  status: Signal<TextKey | "">;
  errors: Signal<Errors>;
  values: Record<string, Signal<Value>>;
  /** The page to go to now: set by a success the visitor waited for, with data-osdi-redirect. */
  redirect: Signal<string | undefined>;
  /** Markup rendered ahead, until osdi-embed-rendered.js has checked it and taken in what was typed. */
  ahead?: Promise<unknown>;
  /** Listeners still held for this widget (another tab's delivery): let go on unmount. */
  releases: Set<() => void>;
  /** Sets state, status and (if given) errors together: the widget renders once. */
  set(state: State, status: TextKey | "", errors?: Errors): void;
}

/** Lets go of every listener the model still holds (the widget is going away). */
export const release = (model: Model) => {
  for (const letGo of model.releases) letGo();
};

let count = 0;

/** `uid`: the one markup rendered ahead was made with (src/element/rendered.ts), if any. */
export function createModel(
  options: Options,
  words: Translate,
  host: HTMLElement,
  uid = `osdi-${++count}`,
): Model {
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
    words: signal(words),
    text: (key) => model.words.value(key),
    controls: list,
    uid,
    host,
    website: host.ownerDocument.location.hostname,
    state: signal("idle"),
    status: signal(""),
    errors: signal({}),
    values,
    redirect: signal(undefined),
    releases: new Set(),
    set: (state, status, errors) =>
      batch(() => {
        model.state.value = state;
        model.status.value = status;
        if (errors) model.errors.value = errors;
      }),
  };
  return model;
}
