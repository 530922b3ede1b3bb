// @ts-check
// The helper sandbox: a local stand-in for Action Network's unauthenticated helper
// endpoints, its keyed API (the group's actions, and what arrived) and its public pages.
// This module is the HTTP server: it makes the shared context, routes each request to
// the module of its concern and logs it. The command line is sandbox/cli.mjs.
import http from "node:http";
import { createContext } from "./context.mjs";
import { handleControl } from "./control.mjs";
import { Exchange } from "./exchange.mjs";
import { handleHelperPost } from "./helper-post.mjs";
import { handleKeyed, isKeyed, tooMany } from "./keyed.mjs";
import { renderPage } from "./page.mjs";
import { collectionPath, parseApiPath, parsePublicPath } from "./paths.mjs";
import { handlePublicPage } from "./public-pages.mjs";

/** @import { Context } from "./context.mjs" */
/** @import { Store } from "./store.mjs" */
/** @import { FaultQueue } from "./faults.mjs" */
/** @import { RequestEntry } from "./types.mjs" */

/** @typedef {import("./context.mjs").SandboxOptions} SandboxOptions */

/**
 * @typedef {object} Sandbox
 * @property {string} url base URL, e.g. http://127.0.0.1:4010
 * @property {number} port
 * @property {string} apiKey the OSDI-API-Token the keyed API expects
 * @property {Store} store records, people, actions, rejections, outbox and request log
 * @property {FaultQueue} faults
 * @property {() => Promise<void>} close finishes queued background posts, then stops
 */

const PREFLIGHT_MAX_AGE = "600";

/**
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
export async function startSandbox(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const context = createContext(options);

  const server = http.createServer((request, response) => {
    const exchange = new Exchange(request, response, context.apiCors);
    route(context, exchange).catch((error) => {
      console.error("[sandbox] internal error", error);
      if (!exchange.answered) exchange.error(500, "Internal sandbox error");
      else response.destroy();
    });
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off("error", reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("sandbox: no TCP address");
  const port = address.port;
  const shownHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
  context.base = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;

  let closed = false;
  return {
    url: context.base,
    port,
    apiKey: context.store.apiKey,
    store: context.store,
    faults: context.faults,
    async close() {
      if (closed) return;
      closed = true;
      // Queued background posts are processed now rather than lost with the process.
      context.timers.runPending();
      context.timers.clearDelays();
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
      // Sockets cut just now still log their requests; the data folder may be gone.
      context.store.closed = true;
    },
  };
}

/**
 * Sends each request to the module of its concern. The control API and the sandbox
 * page are not logged; everything else is, once its connection closes.
 * @param {Context} context
 * @param {Exchange} exchange
 */
async function route(context, exchange) {
  const { pathname } = exchange.url;
  const method = exchange.method;
  if (pathname === "/_sandbox" || pathname.startsWith("/_sandbox/")) {
    return handleControl(context, exchange);
  }
  if (pathname === "/" || pathname === "/index.html") {
    if (method !== "GET") {
      return exchange.error(405, "The sandbox page answers GET only", { Allow: "GET" });
    }
    exchange.cors = {};
    return exchange.html(
      200,
      renderPage({ store: context.store, base: context.base, rateLimit: context.rateLimit }),
    );
  }
  if (pathname === "/favicon.ico") return exchange.error(404, "No favicon");

  exchange.response.on("close", () => logRequest(context, exchange));

  const page = parsePublicPath(pathname);
  if (page) return handlePublicPage(context, exchange, page);

  const api = parseApiPath(pathname);
  if (!api) {
    exchange.outcome = "not-found";
    return exchange.error(
      404,
      `Not found: ${pathname} is not a helper or resource the sandbox serves`,
    );
  }
  if (method === "OPTIONS") {
    exchange.outcome = "preflight";
    return exchange.empty(204, {
      "Access-Control-Allow-Methods": "POST, GET, OPTIONS",
      "Access-Control-Allow-Headers": "Content-Type, OSDI-API-Token",
      "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
    });
  }
  if (method === "POST" && api.type === "collection") {
    if (!context.limiter.take()) return tooMany(exchange);
    return handleHelperPost(context, exchange, api);
  }
  if (isKeyed(method, api)) return handleKeyed(context, exchange, api);

  exchange.outcome = "wrong-method";
  const allow = {
    actions: "GET, POST, OPTIONS",
    action: "GET, PUT, OPTIONS",
    collection: "POST, GET, OPTIONS",
    item: "GET, OPTIONS",
    person: "GET, OPTIONS",
    "person-collection": "GET, OPTIONS",
  }[api.type];
  const hint =
    method === "POST" && api.type === "action"
      ? `; its helper is the action's collection, ${collectionPath(api.kind, api.actionId)}`
      : "";
  exchange.error(405, `${method} is not allowed on ${pathname}${hint}`, { Allow: allow });
}

/**
 * One line of the request log: when the answer was sent (or the connection closed, if
 * none was), how long it took, and what became of it.
 * @param {Context} context
 * @param {Exchange} exchange
 */
function logRequest(context, exchange) {
  const { request, response, url } = exchange;
  const credentialHeaders = exchange.credentialHeaders();
  const ended = exchange.sentAt ?? Date.now();
  /** @type {RequestEntry} */
  const entry = {
    time: new Date(ended).toISOString(),
    method: request.method ?? "",
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    status: response.headersSent ? response.statusCode : 0,
    origin: exchange.header("origin"),
    contentType: exchange.header("content-type"),
    credentials: credentialHeaders.length > 0,
    credentialHeaders,
    outcome: exchange.outcome || (response.headersSent ? "" : "dropped"),
    durationMs: ended - exchange.receivedAt,
  };
  context.store.logRequest(entry);
  if (entry.status === 429 || entry.status === 0 || entry.status >= 500) {
    context.say(`${entry.method} ${entry.path} -> ${entry.status || "dropped"} (${entry.outcome})`);
  }
}
