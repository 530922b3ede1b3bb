// @ts-check
// The keyed API: every request needs the OSDI-API-Token (401 without, 403 wrong), and
// counts against the rate limit. GETs read; POST to /petitions, /forms or /events
// creates an action; PUT to an action changes it.
import { timingSafeEqual } from "node:crypto";
import { ORIGIN_SYSTEM, parseActionBody } from "./actions.mjs";
import { actionResource } from "./hal.mjs";
import { HAL, readResource } from "./keyed-reads.mjs";

/** @import { Context } from "./context.mjs" */
/** @import { Exchange } from "./exchange.mjs" */
/** @import { ActionRoute, ActionsRoute, ApiRoute } from "./paths.mjs" */

const MAX_ACTION_BYTES = 256 * 1024;

/**
 * Whether a method is one the keyed API serves on this route.
 * @param {string} method
 * @param {ApiRoute} route
 */
export function isKeyed(method, route) {
  return (
    method === "GET" ||
    (method === "POST" && route.type === "actions") ||
    (method === "PUT" && route.type === "action")
  );
}

/**
 * @param {Context} context
 * @param {Exchange} exchange
 * @param {ApiRoute} route a route and method for which isKeyed() holds
 */
export async function handleKeyed(context, exchange, route) {
  if (!authorised(context, exchange)) return;
  if (!context.limiter.take()) return tooMany(exchange);
  if (exchange.method === "GET") return readResource(context, exchange, route);
  if (route.type === "actions") return createAction(context, exchange, route);
  if (route.type === "action") return changeAction(context, exchange, route);
}

/**
 * @param {Exchange} exchange
 */
export function tooMany(exchange) {
  exchange.outcome = "rate-limited";
  exchange.error(429, "Too many requests", { "Retry-After": "1" });
}

/**
 * @param {Context} context
 * @param {Exchange} exchange
 */
function authorised(context, exchange) {
  const token = exchange.header("osdi-api-token");
  if (token === null || token === "") {
    exchange.outcome = "unauthorised";
    exchange.error(401, "An API key is required: send it in the OSDI-API-Token header");
    return false;
  }
  const given = Buffer.from(token);
  const expected = Buffer.from(context.store.apiKey);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    exchange.outcome = "forbidden";
    exchange.error(403, "API key not valid");
    return false;
  }
  return true;
}

/**
 * POST /api/v2/petitions (forms, events): a new action, answered with its resource.
 * @param {Context} context
 * @param {Exchange} exchange
 * @param {ActionsRoute} route
 */
async function createAction(context, exchange, route) {
  const body = await exchange.readJson(MAX_ACTION_BYTES);
  const parsed = parseActionBody(route.kind, body, true);
  if (!parsed.ok) {
    exchange.outcome = "refused";
    return exchange.error(400, parsed.error);
  }
  const action = context.store.createAction(route.kind, parsed.changes, ORIGIN_SYSTEM);
  exchange.outcome = "created";
  context.say(`created ${action.kind} ${action.id}: ${action.title}`);
  exchange.json(200, actionResource(action, 0, context.base), {}, HAL);
}

/**
 * PUT /api/v2/petitions/{id}: changes what the body gives; null removes a field.
 * @param {Context} context
 * @param {Exchange} exchange
 * @param {ActionRoute} route
 */
async function changeAction(context, exchange, route) {
  const { store } = context;
  const body = await exchange.readJson(MAX_ACTION_BYTES);
  const existing = store.action(route.kind, route.actionId);
  if (!existing) {
    exchange.outcome = "not-found";
    return exchange.error(404, `No ${route.kind} ${route.actionId}`);
  }
  const parsed = parseActionBody(route.kind, body, false);
  if (!parsed.ok) {
    exchange.outcome = "refused";
    return exchange.error(400, parsed.error);
  }
  const after = { ...existing, ...parsed.changes.set };
  for (const key of parsed.changes.remove) delete after[key];
  if (after.start_date && after.end_date && after.end_date < after.start_date) {
    exchange.outcome = "refused";
    return exchange.error(400, "end_date is before start_date");
  }
  const action = store.updateAction(existing, parsed.changes);
  exchange.outcome = "changed";
  context.say(`changed ${action.kind} ${action.id}`);
  const total = store.recordsOf(action.kind, action.id).length;
  exchange.json(200, actionResource(action, total, context.base), {}, HAL);
}
