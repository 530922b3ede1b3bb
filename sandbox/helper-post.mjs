// @ts-check
// The unauthenticated helper POSTs (record signature, submission, attendance): faults,
// size and type, then 200 {} for accepted and rejected posts alike, as Action Network
// answers; the checks and the record come now, or 50 ms later for background requests.
import { validateHelperPost } from "./validate.mjs";

/** @import { Context } from "./context.mjs" */
/** @import { Exchange } from "./exchange.mjs" */
/** @import { Fault } from "./faults.mjs" */
/** @import { CollectionRoute } from "./paths.mjs" */
/** @import { ActionKind, Json, Reason } from "./types.mjs" */

export const MAX_BODY_BYTES = 64 * 1024;
const BACKGROUND_DELAY_MS = 50;
const RAW_BODY_KEEP = 2000;

/**
 * @typedef {{ kind: ActionKind, actionId: string, path: string, background: boolean, origin: string | null }} PostFacts
 */

/**
 * A POST to an action's collection. The rate limit has been taken already.
 * @param {Context} context
 * @param {Exchange} exchange
 * @param {CollectionRoute} route
 */
export async function handleHelperPost(context, exchange, route) {
  const fault = context.faults.take();
  if (fault && (await applyFault(context, exchange, fault))) return;

  const background = exchange.url.searchParams.get("background_request") === "true";
  /** @type {PostFacts} */
  const facts = {
    kind: route.kind,
    actionId: route.actionId,
    path: exchange.url.pathname,
    background,
    origin: exchange.header("origin"),
  };

  const declared = Number(exchange.header("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) {
    await exchange.readBody(0);
    return refuse(context, exchange, 413, `Request body over ${MAX_BODY_BYTES} bytes`, facts, null);
  }
  const type = exchange.header("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    const body = await exchange.readBody(MAX_BODY_BYTES);
    return refuse(
      context,
      exchange,
      415,
      `Content-Type must be application/json, not ${type ? JSON.stringify(type) : "missing"}`,
      facts,
      body.text === null ? null : body.text.slice(0, RAW_BODY_KEEP),
    );
  }
  const body = await exchange.readBody(MAX_BODY_BYTES);
  if (body.text === null) {
    return refuse(context, exchange, 413, `Request body over ${MAX_BODY_BYTES} bytes`, facts, null);
  }
  const text = body.text;
  const credentialHeaders = exchange.credentialHeaders();
  const job = () => processPost(context, { ...facts, route, text, credentialHeaders });
  if (background) {
    // Action Network queues these and answers at once; the outcome shows up later.
    context.timers.later(job, BACKGROUND_DELAY_MS);
    exchange.outcome = "queued";
  } else {
    exchange.outcome = job();
  }
  // Accepted or not, the answer is the same: the real service leaks nothing.
  exchange.json(200, {});
}

/**
 * @param {Context} context
 * @param {Exchange} exchange
 * @param {Fault} fault
 * @returns {Promise<boolean>} true when the fault answered (or dropped) the request
 */
async function applyFault(context, exchange, fault) {
  if (fault.delayMs) await context.timers.wait(fault.delayMs);
  if (fault.drop) {
    exchange.outcome = "fault-dropped";
    exchange.drop();
    return true;
  }
  if (fault.status !== undefined) {
    await exchange.readBody(0);
    exchange.outcome = "fault";
    /** @type {Record<string, string>} */
    const headers =
      fault.retryAfter !== undefined ? { "Retry-After": String(fault.retryAfter) } : {};
    const message =
      fault.status === 429 ? "Too many requests" : `Injected fault: status ${fault.status}`;
    exchange.error(fault.status, message, headers);
    return true;
  }
  return false;
}

/**
 * Answers a post that never got as far as validation (size, content type), and logs it.
 * @param {Context} context
 * @param {Exchange} exchange
 * @param {number} status
 * @param {string} message
 * @param {PostFacts} facts
 * @param {string | null} raw
 */
function refuse(context, exchange, status, message, facts, raw) {
  exchange.outcome = "rejected";
  const code = status === 413 ? "too-large" : "bad-content-type";
  context.store.reject({ ...facts, status, reasons: [{ code, message }], body: raw });
  context.say(`rejected ${facts.path}: ${message}`);
  exchange.error(status, message);
}

/**
 * Validates and records one helper post. Runs at once, or later for background requests.
 * @param {Context} context
 * @param {PostFacts & { route: CollectionRoute, text: string, credentialHeaders: string[] }} input
 * @returns {"accepted" | "rejected"}
 */
function processPost(context, input) {
  const { route } = input;
  const { store } = context;
  /** @type {Reason[]} */
  const reasons = [];
  if (input.credentialHeaders.length > 0) {
    // The widget must never send a key (or cookies); flag it however good the body is.
    reasons.push({ code: "credential-header", message: "credential header present" });
  }
  /** @type {Json | undefined} */
  let body;
  try {
    body = JSON.parse(input.text);
  } catch {
    reasons.push({ code: "invalid-json", message: "body is not valid JSON" });
  }
  const result = body === undefined ? null : validateHelperPost(route.kind, body);
  if (result && !result.ok) reasons.push(...result.reasons);
  /** @type {PostFacts} */
  const facts = {
    kind: route.kind,
    actionId: route.actionId,
    path: input.path,
    background: input.background,
    origin: input.origin,
  };
  if (reasons.length > 0 || !result?.ok || body === undefined) {
    store.reject({
      ...facts,
      status: 200,
      reasons,
      body: body === undefined ? input.text.slice(0, RAW_BODY_KEEP) : body,
    });
    context.say(`rejected ${input.path}: ${reasons.map((r) => r.message).join("; ")}`);
    return "rejected";
  }
  const { record, created, email } = store.accept({
    ...facts,
    collection: route.collection,
    ...(route.eventCampaignId ? { eventCampaignId: route.eventCampaignId } : {}),
    body,
    post: result.post,
    warnings: result.warnings,
  });
  context.say(
    `${created ? "recorded" : "updated"} ${record.kind} ${record.actionId} ${record.id}` +
      (email ? `, autoresponse to ${email.to}` : "") +
      (result.warnings.length > 0 ? ` (warnings: ${result.warnings.join(", ")})` : ""),
  );
  return "accepted";
}
