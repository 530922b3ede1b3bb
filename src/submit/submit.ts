/**
 * What happens when a visitor sends a widget: validate, build the body, one
 * attempt; what cannot go now is kept in the outbox before it is retried.
 */
import { emit } from "../events";
import { deliver, later, type Outcome, SENT } from "../outbox/deliver";
import { enqueue, type Item, read } from "../outbox/store";
import { caught } from "../widget/Honeypot";
import { fieldId } from "../widget/ids";
import type { Model } from "../widget/model";
import { buildBody } from "./body";
import { post, retryable } from "./transport";
import { type Errors, validate } from "./validate";
import type { Values } from "./values";

/** After the next render, so the message it refers to is already in the DOM. */
const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus());

/** `delayed`: delivered minutes after the visitor pressed the button, so no redirect now. */
function succeed(model: Model, delayed?: boolean) {
  model.set("success", "thanks");
  focusLater(`${model.uid}:status`);
  emit(model, "success");
  if (model.options.redirect && !delayed) location.assign(model.options.redirect);
}

function fail(
  model: Model,
  status: "error_network" | "error_storage" | "error_fix",
  fields?: string[],
  errors?: Errors,
) {
  model.set("error", status, errors);
  emit(model, "error", { message: model.text(status), fields });
}

/** Sends what the visitor entered in the widget's form (the widget's own or the author's). */
export async function submit(model: Model, form: HTMLFormElement): Promise<void> {
  // A double click or a second Enter while sending sends nothing more.
  if (/^(submitting|success|queued)$/.test(model.state.peek())) return;
  if (caught(form)) return succeed(model);
  const values: Values = {};
  for (const [key, value] of Object.entries(model.values)) values[key] = value.peek();
  const errors = validate(model.options, values);
  const invalid = model.controls.map((c) => c.key).filter((key) => errors[key]);
  if (invalid.length) {
    focusLater(fieldId(model, invalid[0]));
    return fail(model, "error_fix", invalid, errors);
  }
  const { helper, redirect } = model.options;
  const body = buildBody(model.options, values, location);
  model.set("submitting", "submitting", errors);
  emit(model, "submit");
  const res = await post(helper, JSON.stringify(body), undefined, !!redirect);
  if (res?.ok) return succeed(model);
  if (!retryable(res)) return fail(model, "error_network");
  // Kept before anything else is tried, so a closed tab or a crash loses nothing.
  const item: Item = { id: crypto.randomUUID(), url: helper, body, at: Date.now() };
  const stored = enqueue(item);
  // Delivered later, by this tab's outbox or another's: the item leaves storage.
  const check = () => {
    if (model.state.peek() === "queued" && !read().some((i) => i.id === item.id)) {
      removeEventListener(SENT, check);
      removeEventListener("storage", check);
      succeed(model, true);
    }
  };
  addEventListener(SENT, check);
  addEventListener("storage", check);
  const outcome = await deliver(
    item,
    stored,
    res && { status: res.status, retryAfter: res.headers.get("Retry-After") },
  ).catch((): Outcome => "queued");
  if (outcome === "sent") succeed(model);
  else if (outcome === "rejected") fail(model, "error_network");
  else if (!stored) fail(model, "error_storage");
  else {
    // Offline, it goes when the browser is back; online, Action Network was out of reach.
    model.set("queued", navigator.onLine === false ? "queued" : "queued_unreachable");
    emit(model, "queued");
    // While the page stays open, try again every minute.
    later();
  }
}
