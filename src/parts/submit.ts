/**
 * dist/osdi-embed-submit.js: what happens when a visitor sends a widget:
 * validate, build the body, one attempt, then the outbox. Fetched just after a
 * widget mounts, while the page is surely online, so a visitor who goes offline
 * before pressing the button can still have the submission kept.
 */
import { define } from "../lazy";
import { buildBody } from "../submit/body";
import { enqueue, type Item, read } from "../submit/outbox";
import { post, retryable } from "../submit/transport";
import { type Errors, validate } from "../submit/validate";
import type { Values } from "../submit/values";
import { emit } from "../widgets/emit";
import { fieldId } from "../widgets/ids";
import type { Model } from "../widgets/model";
import { deliver, later } from "./outbox";

/** After the next render, so the message it refers to is already in the DOM. */
const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus());

/** `later`: delivered minutes after the visitor pressed the button, so no redirect now. */
function succeed(m: Model, later?: boolean) {
  m.set("success", "thanks");
  focusLater(`${m.uid}:status`);
  emit(m, "success");
  if (m.o.redirect && !later) location.assign(m.o.redirect);
}

function fail(
  m: Model,
  status: "error_network" | "error_storage" | "error_fix",
  fields?: string[],
  errors?: Errors,
) {
  m.set("error", status, errors);
  emit(m, "error", { message: m.t(status), fields });
}

export async function submit(m: Model, form: HTMLFormElement) {
  // A double click or a second Enter while sending sends nothing more.
  if (/^(submitting|success|queued)$/.test(m.state.peek())) return;
  // The honeypot: people and assistive tech never see it, bots fill it in.
  if ((form.elements.namedItem("url") as HTMLInputElement | null)?.value) return succeed(m);
  const values: Values = {};
  for (const [k, sig] of Object.entries(m.values)) values[k] = sig.peek();
  const errors = validate(m.o, values);
  const invalid = m.controls.map((c) => c.k).filter((k) => errors[k]);
  const first = invalid[0];
  if (first) {
    focusLater(fieldId(m, first));
    return fail(m, "error_fix", invalid, errors);
  }
  const body = buildBody(m.o, values, location);
  m.set("submitting", "submitting", errors);
  emit(m, "submit");
  const res = await post(m.o.helper, JSON.stringify(body), undefined, !!m.o.redirect);
  if (res?.ok) return succeed(m);
  if (!retryable(res)) return fail(m, "error_network");
  // Kept before anything else is tried, so a closed tab or a crash loses nothing.
  const at = Date.now();
  const item: Item = { id: crypto.randomUUID(), url: m.o.helper, body, at };
  const stored = enqueue(item);
  // Delivered later, by this tab's outbox or another's: the item leaves storage.
  const check = () => {
    if (m.state.peek() === "queued" && !read().some((i) => i.id === item.id)) {
      removeEventListener("osdi-embed:sent", check);
      removeEventListener("storage", check);
      succeed(m, true);
    }
  };
  addEventListener("osdi-embed:sent", check);
  addEventListener("storage", check);
  const outcome = await deliver(
    item,
    stored,
    res && { status: res.status, retryAfter: res.headers.get("Retry-After") },
  );
  if (outcome === "sent") succeed(m);
  else if (outcome === "rejected") fail(m, "error_network");
  else if (!stored) fail(m, "error_storage");
  else {
    m.set("queued", "queued");
    emit(m, "queued");
    // While the page stays open, try again every minute.
    later();
  }
}

export type Submit = typeof submit;

define("submit", submit);
