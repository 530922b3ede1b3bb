// @ts-check
// The control API under /_sandbox/, for tests: no key, any origin, never rate limited,
// not in the request log. It reads the tables, queues faults, unsubscribes an address
// and resets the sandbox.
import { parseFault } from "./faults.mjs";
import { isPlainObject } from "./validate.mjs";

/** @import { Context } from "./context.mjs" */
/** @import { Exchange } from "./exchange.mjs" */

const MAX_CONTROL_BYTES = 64 * 1024;
const PREFLIGHT_MAX_AGE = "600";
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
};

/**
 * @param {Context} context
 * @param {Exchange} exchange
 */
export async function handleControl(context, exchange) {
  const { store, faults } = context;
  exchange.cors = { ...exchange.cors, ...CORS };
  if (exchange.method === "OPTIONS") {
    return exchange.empty(204, { "Access-Control-Max-Age": PREFLIGHT_MAX_AGE });
  }
  const pathname = exchange.url.pathname;
  const name = pathname.slice("/_sandbox/".length).replace(/\/$/, "");
  const method = exchange.method;
  /** @type {Record<string, unknown[] | undefined>} */
  const lists = {
    records: store.records,
    rejections: store.rejections,
    outbox: store.outbox,
    requests: store.requests,
    people: store.people,
    actions: store.actions,
  };
  const list = Object.hasOwn(lists, name) ? lists[name] : undefined;
  if (list && method === "GET") return exchange.json(200, list);
  if (name === "faults") {
    if (method === "GET") return exchange.json(200, faults.pending());
    if (method === "DELETE") {
      faults.clear();
      return exchange.json(200, { ok: true });
    }
    if (method === "POST") {
      const body = await exchange.readJson(MAX_CONTROL_BYTES);
      if (body === undefined) return exchange.error(400, "body must be JSON");
      const fault = parseFault(body);
      if (!fault.ok) return exchange.error(400, fault.error);
      faults.add(fault.entry);
      return exchange.json(200, { ok: true, pending: faults.pending() });
    }
  }
  if (name === "unsubscribe" && method === "POST") {
    const body = await exchange.readJson(MAX_CONTROL_BYTES);
    if (!isPlainObject(body) || typeof body.email !== "string") {
      return exchange.error(400, 'body must be {"email": "<address>"}');
    }
    const person = store.unsubscribe(body.email);
    if (!person) return exchange.error(404, `Nobody has the address ${body.email}`);
    return exchange.json(200, { ok: true, person });
  }
  if (name === "reset" && method === "POST") {
    await exchange.readBody(0);
    // Tests reset between cases; queued faults and the rate window belong to the old case.
    context.timers.dropPending();
    faults.clear();
    context.limiter.reset();
    store.reset();
    store.seedActions(context.seedActions);
    return exchange.json(200, { ok: true });
  }
  if (name === "info" && method === "GET") {
    return exchange.json(200, {
      url: context.base,
      apiKey: store.apiKey,
      rateLimit: context.rateLimit,
      dataDir: store.dataDir,
    });
  }
  if (list || ["faults", "reset", "info", "unsubscribe"].includes(name)) {
    return exchange.error(405, `${method} is not allowed on ${pathname}`);
  }
  return exchange.error(404, `No control endpoint ${pathname}`);
}
