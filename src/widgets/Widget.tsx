import { h } from "preact";
import { RTL } from "../i18n/locales";
import type { Outbox } from "../lazy";
import { part, usePart } from "../lazy";
import type { EventView } from "../parts/event";
import { buildBody } from "../submit/body";
import { enqueue, type Item, read } from "../submit/outbox";
import { post, retryable } from "../submit/transport";
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

function succeed(m: Model) {
  m.state.value = "success";
  m.status.value = "thanks";
  focusLater(`${m.uid}:status`);
  emit(m, "success");
  if (m.o.redirect) location.assign(m.o.redirect);
}

function fail(
  m: Model,
  status: "error_network" | "error_storage" | "error_fix",
  fields?: string[],
) {
  m.state.value = "error";
  m.status.value = status;
  emit(m, "error", { message: m.t(status), fields });
}

async function submit(m: Model, e: Event) {
  e.preventDefault();
  // A double click or a second Enter while sending sends nothing more.
  if (/^(submitting|success|queued)$/.test(m.state.peek())) return;
  // The honeypot: people and assistive tech never see it, bots fill it in.
  if ((e.target as HTMLFormElement).url?.value) return succeed(m);
  const values: Values = {};
  for (const [k, sig] of Object.entries(m.values)) values[k] = sig.peek();
  const errors = validate(m.o, values);
  m.errors.value = errors;
  const invalid = m.controls.map((c) => c.k).filter((k) => errors[k]);
  const first = invalid[0];
  if (first) {
    focusLater(fieldId(m, first));
    return fail(m, "error_fix", invalid);
  }
  const body = buildBody(m.o, values, location);
  m.state.value = "submitting";
  m.status.value = "submitting";
  emit(m, "submit");
  const res = await post(m.o.helper, JSON.stringify(body), undefined, !!m.o.redirect);
  if (res?.ok) return succeed(m);
  if (!retryable(res)) return fail(m, "error_network");
  // Kept before anything else is tried, so a closed tab or a crash loses nothing.
  const at = Date.now();
  const item: Item = { id: m.uid + at, url: m.o.helper, body, at };
  const stored = enqueue(item);
  // Delivered later, by this tab's outbox or another's: the item leaves storage.
  const check = () => {
    if (m.state.peek() === "queued" && !read().some((i) => i.id === item.id)) succeed(m);
  };
  addEventListener("osdi-embed:sent", check);
  addEventListener("storage", check);
  const outcome = await part<Outbox>("outbox").then(
    (o) => o.deliver(item, stored),
    () => "queued",
  );
  if (outcome === "sent") succeed(m);
  else if (outcome === "rejected") fail(m, "error_network");
  else if (!stored) fail(m, "error_storage");
  else {
    m.state.value = "queued";
    m.status.value = "queued";
    emit(m, "queued");
  }
}

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
      {o.kind === "event" && usePart<EventView>("event")?.(h, o, lang)}
      {state !== "success" && (
        <form class="osdi-embed__form" noValidate onSubmit={(e) => submit(m, e)}>
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
    </div>
  );
}
