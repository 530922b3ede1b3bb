import { h } from "preact";
import { useEffect } from "preact/hooks";
import { readPart } from "../files/parts";
import { RTL } from "../i18n/locales";
import type { Model } from "../submit/model";
import { submit } from "../submit/submit";
import { classFor } from "./classes";
import { Field } from "./Field";
import { caught, Honeypot } from "./Honeypot";
import { fieldId } from "./ids";
import { focusAfter } from "./outcome";

/**
 * The widget: heading, event details, the form, the status region, and what it
 * offers after success. It reads the model's state and status, so it re-renders
 * when they change; each Field re-renders only for its own error. It reacts to an
 * outcome after it has rendered it: focus on the thanks or the first invalid field,
 * and the redirect.
 */
export function Widget({ model, lang }: { model: Model; lang: string }) {
  const { options: o, text, uid } = model;
  const state = model.state.value;
  const status = model.status.value;
  // Each attempt's checks give new errors: focus moves again even when the state stays "error".
  const errors = model.errors.value;
  useEffect(() => {
    const target = focusAfter(model.controls, state, errors);
    if (target)
      document
        .getElementById(target === "status" ? `${uid}:status` : fieldId(model, target.key))
        ?.focus();
    // A success the visitor waited for, with data-osdi-redirect: on to that page.
    const page = model.redirect.peek();
    if (page) location.assign(page);
  }, [model, uid, state, errors]);
  const EventDetails = o.kind === "event" ? readPart("event") : undefined;
  const After = state === "success" && !o.redirect ? readPart("after") : undefined;
  return (
    <div
      class={`osdi-embed osdi-embed--${o.kind}`}
      data-osdi-state={state}
      // The widget's own language and direction, which may differ from the page's.
      lang={lang}
      dir={RTL.includes(lang.split("-")[0]) ? "rtl" : "ltr"}
    >
      {o.title && <h2 class={classFor(o, "title")}>{o.title}</h2>}
      {o.description && <p class={classFor(o, "description")}>{o.description}</p>}
      {EventDetails && <EventDetails options={o} lang={lang} />}
      {state !== "success" && (
        <form
          class={classFor(o, "form")}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit(model, caught(e.currentTarget));
          }}
        >
          {model.controls.map((c) => (
            <Field model={model} control={c} lang={lang} key={c.key} />
          ))}
          <Honeypot />
          <button
            class={classFor(o, "button")}
            type="submit"
            aria-disabled={state === "submitting" ? "true" : undefined}
          >
            {text("submit")}
          </button>
        </form>
      )}
      <div class={classFor(o, "status")} id={`${uid}:status`} role="status" tabIndex={-1}>
        {status ? text(status) : null}
      </div>
      {After && <After model={model} lang={lang} />}
    </div>
  );
}
