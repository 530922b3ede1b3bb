import { h } from "preact";
import { RTL } from "../i18n/locales";
import { part, usePart } from "../lazy";
import type { AfterView } from "../parts/after";
import type { EventView } from "../parts/event";
import type { Submit } from "../parts/submit";
import { emit } from "./emit";
import { Field } from "./fields";
import type { Model } from "./model";

/** The submit part, loading it first if need be (src/parts/submit.ts). */
const send = (m: Model, form: HTMLFormElement) =>
  part<Submit>("submit").then(
    (submit) => submit(m, form),
    () => {
      // Offline before the part could load: the visitor's input stays in the form.
      m.set("error", "error_network");
      emit(m, "error", { message: m.t("error_network") });
    },
  );

export function Widget({ m, lang }: { m: Model; lang: string }) {
  const { o, t, uid } = m;
  const state = m.state.value;
  const status = m.status.value;
  return (
    <div
      class={`osdi-embed osdi-embed--${o.kind}`}
      data-osdi-state={state}
      // The widget's own language and direction, which may differ from the page's.
      lang={lang}
      dir={RTL.includes(lang.split("-")[0]) ? "rtl" : "ltr"}
    >
      {o.title && <h2 class="osdi-embed__title">{o.title}</h2>}
      {o.description && <p class="osdi-embed__description">{o.description}</p>}
      {o.kind === "event" && (o.start || o.location) && usePart<EventView>("event")?.(h, o, lang)}
      {state !== "success" && (
        <form
          class="osdi-embed__form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            send(m, e.currentTarget);
          }}
        >
          {m.controls.map((c) => (
            <Field m={m} c={c} lang={lang} key={c.k} />
          ))}
          <div hidden>
            <input name="url" autocomplete="off" />
          </div>
          <button
            class="osdi-embed__button"
            type="submit"
            aria-disabled={state === "submitting" ? "true" : undefined}
          >
            {t("submit")}
          </button>
        </form>
      )}
      <div class="osdi-embed__status" id={`${uid}:status`} role="status" tabIndex={-1}>
        {status && t(status)}
      </div>
      {state === "success" && !o.redirect && usePart<AfterView>("after")?.(h, m, lang)}
    </div>
  );
}
