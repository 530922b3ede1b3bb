import { Fragment, h } from "preact";
import { buildBody } from "../submit/body";
import { send } from "../submit/transport";
import { validate } from "../submit/validate";
import type { Values } from "../submit/values";
import { Field } from "./fields";
import { fieldId, type Model } from "./model";

/** Dispatches osdi:<name> from the container; page authors listen there or above. */
export function emit(m: Model, name: string, extra?: object) {
  m.host.dispatchEvent(
    new CustomEvent(`osdi:${name}`, {
      bubbles: true,
      detail: { kind: m.o.kind, action: m.o.action, ...extra },
    }),
  );
}

/** After the next render, so the message it refers to is already in the DOM. */
const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus());

async function submit(m: Model, e: Event) {
  e.preventDefault();
  // A double click or a second Enter while sending sends nothing more.
  if (m.state.peek() === "submitting" || m.state.peek() === "success") return;
  const values: Values = {};
  for (const [k, sig] of Object.entries(m.values)) values[k] = sig.peek();
  const errors = validate(m.o, values);
  m.errors.value = errors;
  const invalid = m.controls.map((c) => c.k).filter((k) => errors[k]);
  const first = invalid[0];
  if (first) {
    m.state.value = "error";
    m.status.value = "error_fix";
    focusLater(fieldId(m, first));
    emit(m, "error", { message: m.t("error_fix"), fields: invalid });
    return;
  }
  const body = buildBody(m.o, values, location);
  m.state.value = "submitting";
  m.status.value = "submitting";
  emit(m, "submit");
  try {
    await send(m.o.helper, body, { keepalive: !!m.o.redirect });
  } catch {
    m.state.value = "error";
    m.status.value = "error_network";
    emit(m, "error", { message: m.t("error_network") });
    return;
  }
  m.state.value = "success";
  m.status.value = "thanks";
  focusLater(`${m.uid}:status`);
  emit(m, "success");
  if (m.o.redirect) location.assign(m.o.redirect);
}

function EventDetails({ m, lang }: { m: Model; lang: string }) {
  const { start, end, location: where } = m.o;
  // The reader's own time zone, named, so nobody turns up at the wrong hour.
  const fmt = new Intl.DateTimeFormat(lang, {
    weekday: "long",
    month: "long",
    day: "numeric",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return (
    <dl class="osdi-embed__details">
      {start && (
        <>
          <dt>{m.t("when")}</dt>
          <dd>
            <time dateTime={start.toISOString()}>{fmt.formatRange(start, end ?? start)}</time>
          </dd>
        </>
      )}
      {where && (
        <>
          <dt>{m.t("where")}</dt>
          <dd>{where}</dd>
        </>
      )}
    </dl>
  );
}

export function Widget({ m, lang }: { m: Model; lang: string }) {
  const { o, t, uid } = m;
  const state = m.state.value;
  const status = m.status.value;
  return (
    <div class={`osdi-embed osdi-embed--${o.kind}`} data-osdi-state={state}>
      {o.title && <h2 class="osdi-embed__title">{o.title}</h2>}
      {o.description && <p class="osdi-embed__description">{o.description}</p>}
      {o.kind === "event" && (o.start || o.location) && <EventDetails m={m} lang={lang} />}
      {state !== "success" && (
        <form class="osdi-embed__form" noValidate onSubmit={(e) => submit(m, e)}>
          {m.controls.map((c) => (
            <Field m={m} c={c} lang={lang} key={c.k} />
          ))}
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
    </div>
  );
}
