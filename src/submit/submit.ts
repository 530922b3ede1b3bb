/**
 * What happens when a visitor sends a widget: validate, build the body, one
 * attempt; what cannot go now is kept in the outbox before it is retried.
 *
 * It changes the model and fires events, nothing else: the widget reacts to the
 * model (focus, the redirect), so delivery knows no screen.
 */
import { emit } from "../events";
import { deliver, later, type Outcome, SENT } from "../outbox/deliver";
import { enqueue, type Item, read } from "../outbox/store";
import { post, retryable } from "../transport";
import { buildBody } from "./body";
import type { Model } from "./model";
import { type Errors, validate } from "./validate";
import type { Values } from "./values";

/** `late`: delivered minutes after the visitor pressed the button, so no redirect now. */
function succeed(model: Model, late?: boolean) {
  model.set("success", "thanks");
  emit(model, "success");
  if (!late) model.redirect.value = model.options.redirect;
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

/**
 * Once the outbox holds this widget's item, waits for its delivery by this tab's
 * outbox or another's (the item leaves storage), then says so. Let go of as soon as
 * it is delivered, and when the widget goes away.
 */
function awaitDelivery(model: Model, id: string) {
  const check = () => {
    if (read().some((i) => i.id === id)) return;
    letGo();
    succeed(model, true);
  };
  const letGo = () => {
    removeEventListener(SENT, check);
    removeEventListener("storage", check);
    model.releases.delete(letGo);
  };
  addEventListener(SENT, check);
  addEventListener("storage", check);
  model.releases.add(letGo);
}

/**
 * Sends what the visitor entered in the widget's form (the widget's own or the
 * author's). `trapped`: a bot filled in the honeypot, so it is thanked and nothing is sent.
 */
export async function submit(model: Model, trapped = false): Promise<void> {
  // What was typed in markup rendered ahead is taken in first.
  await model.ahead;
  // A double click or a second Enter while sending sends nothing more.
  if (/^(submitting|success|queued)$/.test(model.state.peek())) return;
  if (trapped) return succeed(model);
  const values: Values = {};
  for (const [key, value] of Object.entries(model.values)) values[key] = value.peek();
  const errors = validate(model.options, values);
  const invalid = model.controls.map((c) => c.key).filter((key) => errors[key]);
  if (invalid.length) return fail(model, "error_fix", invalid, errors);
  const { helper, redirect } = model.options;
  const body = buildBody(model.options, values, { hostname: model.website });
  model.set("submitting", "submitting", errors);
  emit(model, "submit");
  const res = await post(helper, JSON.stringify(body), undefined, !!redirect);
  if (res?.ok) return succeed(model);
  if (!retryable(res)) return fail(model, "error_network");
  // Kept before anything else is tried, so a closed tab or a crash loses nothing.
  const item: Item = { id: crypto.randomUUID(), url: helper, body, at: Date.now() };
  const stored = enqueue(item);
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
    awaitDelivery(model, item.id);
    // While the page stays open, try again every minute.
    later();
  }
}
