// @ts-check
// The helper sandbox: a local stand-in for Action Network's unauthenticated helper
// endpoints (and the keyed GETs an organizer's sync script would use to read back).
// Run it with `node sandbox/server.mjs [--port N] [--data DIR] [--rate-limit N]`.
import { timingSafeEqual } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { FaultQueue, parseFault } from "./faults.mjs";
import { parseFilter } from "./filter.mjs";
import {
  actionResource,
  collectionResource,
  identifier,
  MAX_PER_PAGE,
  personResource,
  recordResource,
} from "./hal.mjs";
import { renderPage } from "./page.mjs";
import { EXAMPLE_ACTIONS, parseApiPath } from "./paths.mjs";
import { createRateLimiter } from "./ratelimit.mjs";
import { Store } from "./store.mjs";
import { validateHelperPost } from "./validate.mjs";

/** @import { IncomingMessage, ServerResponse } from "node:http" */
/** @import { Fault } from "./faults.mjs" */
/** @import { ApiRoute, CollectionRoute } from "./paths.mjs" */
/** @import { ActionRecord, Json, Reason, RequestEntry } from "./types.mjs" */

const MAX_BODY_BYTES = 64 * 1024;
// Past this a client is not a widget; stop reading rather than buffer it all.
const MAX_DRAIN_BYTES = 8 * 1024 * 1024;
const BACKGROUND_DELAY_MS = 50;
const PREFLIGHT_MAX_AGE = "600";
const CREDENTIAL_HEADERS = ["osdi-api-token", "authorization", "cookie"];
const RAW_BODY_KEEP = 2000;

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port] 0 picks a free port; default 4010
 * @property {string} [host] default 127.0.0.1
 * @property {string} [dataDir] default .sandbox-data under the working directory
 * @property {string} [apiKey] default: a random key generated once and kept in dataDir
 * @property {number} [rateLimit] API requests per rolling second; default 4, 0 disables
 * @property {boolean} [quiet] no console output
 * @property {boolean} [exposeRetryAfter] add Access-Control-Expose-Headers: Retry-After (default false:
 *   nothing says Action Network does, so by default a page script cannot read it)
 * @property {() => number} [now] clock in ms for created/modified dates, for tests
 */

/**
 * @typedef {object} Sandbox
 * @property {string} url base URL, e.g. http://127.0.0.1:4010
 * @property {number} port
 * @property {string} apiKey the OSDI-API-Token the keyed GETs expect
 * @property {Store} store records, people, rejections, outbox and request log
 * @property {FaultQueue} faults
 * @property {() => Promise<void>} close finishes queued background posts, then stops
 */

/** @typedef {{ outcome: string, ended?: number }} RequestMeta */

/**
 * @param {SandboxOptions} [options]
 * @returns {Promise<Sandbox>}
 */
export async function startSandbox(options = {}) {
  const host = options.host ?? "127.0.0.1";
  const rateLimit = options.rateLimit ?? 4;
  const quiet = options.quiet ?? false;
  const store = new Store({
    dataDir: options.dataDir ?? path.join(process.cwd(), ".sandbox-data"),
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const faults = new FaultQueue();
  const limiter = createRateLimiter(rateLimit);
  /** @type {Map<NodeJS.Timeout, () => void>} */
  const backgroundJobs = new Map();
  /** @type {Set<NodeJS.Timeout>} */
  const delays = new Set();
  let base = "";

  /** @param {string} line */
  const say = (line) => {
    if (!quiet) console.log(`[sandbox] ${line}`);
  };

  /** @type {Record<string, string>} */
  const apiCors = { "Access-Control-Allow-Origin": "*" };
  if (options.exposeRetryAfter) apiCors["Access-Control-Expose-Headers"] = "Retry-After";

  /**
   * @param {ServerResponse} res
   * @param {number} status
   * @param {unknown} body
   * @param {Record<string, string>} [headers]
   * @param {string} [type]
   */
  function sendJson(res, status, body, headers = {}, type = "application/json") {
    const text = JSON.stringify(body, null, type === "application/json" ? undefined : 2);
    res.writeHead(status, {
      ...apiCors,
      "Content-Type": type,
      "Content-Length": String(Buffer.byteLength(text)),
      "Cache-Control": "no-store",
      ...headers,
    });
    res.end(text);
  }

  /**
   * @param {ServerResponse} res
   * @param {number} status
   * @param {string} message
   * @param {Record<string, string>} [headers]
   */
  const sendError = (res, status, message, headers) =>
    sendJson(res, status, { error: message }, headers);

  /** @param {number} ms */
  function wait(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve(undefined);
      }, ms);
      delays.add(timer);
    });
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const pathname = url.pathname;
    if (pathname === "/_sandbox" || pathname.startsWith("/_sandbox/")) {
      await control(req, res, pathname);
      return;
    }
    if (pathname === "/" || pathname === "/index.html") {
      if (req.method !== "GET")
        return sendError(res, 405, "The sandbox page answers GET only", { Allow: "GET" });
      const html = renderPage({ store, base, rateLimit });
      res.writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
      });
      res.end(html);
      return;
    }
    if (pathname === "/favicon.ico") return sendError(res, 404, "No favicon");

    const started = Date.now();
    /** @type {RequestMeta} */
    const meta = { outcome: "" };
    // When the response was sent: stamped as end() is called, not when "close" comes,
    // which a busy event loop can hold back (the tests time retries from it).
    const end = res.end;
    res.end = /** @type {typeof res.end} */ (
      (/** @type {any[]} */ ...args) => {
        meta.ended ??= Date.now();
        return end.apply(res, /** @type {any} */ (args));
      }
    );
    res.on("close", () => logRequest(req, res, url, meta, started));

    const route = parseApiPath(pathname);
    if (!route) {
      meta.outcome = "not-found";
      return sendError(
        res,
        404,
        `Not found: ${pathname} is not a helper or resource the sandbox serves`,
      );
    }
    if (req.method === "OPTIONS") {
      meta.outcome = "preflight";
      res.writeHead(204, {
        ...apiCors,
        "Access-Control-Allow-Methods": "POST, GET, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type, OSDI-API-Token",
        "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
      });
      res.end();
      return;
    }
    if (req.method === "POST") {
      if (route.type !== "collection") {
        meta.outcome = "wrong-method";
        const hint =
          route.type === "action"
            ? `; helpers live at the action's collection, e.g. ${pathname}/signatures`
            : "";
        return sendError(res, 405, `POST is not allowed on ${pathname}${hint}`, {
          Allow: "GET, OPTIONS",
        });
      }
      if (!limiter.take()) return tooMany(res, meta);
      await helperPost(req, res, route, url, meta);
      return;
    }
    if (req.method === "GET") {
      if (!authorised(req, res, meta)) return;
      if (!limiter.take()) return tooMany(res, meta);
      meta.outcome = "read";
      read(res, route, url);
      return;
    }
    meta.outcome = "wrong-method";
    const allow = route.type === "collection" ? "POST, GET, OPTIONS" : "GET, OPTIONS";
    sendError(res, 405, `${req.method} is not allowed on ${pathname}`, { Allow: allow });
  }

  /**
   * @param {ServerResponse} res
   * @param {RequestMeta} meta
   */
  function tooMany(res, meta) {
    meta.outcome = "rate-limited";
    sendError(res, 429, "Too many requests", { "Retry-After": "1" });
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {RequestMeta} meta
   */
  function authorised(req, res, meta) {
    const token = req.headers["osdi-api-token"];
    if (token === undefined || token === "") {
      meta.outcome = "unauthorised";
      sendError(res, 401, "An API key is required: send it in the OSDI-API-Token header");
      return false;
    }
    const given = Buffer.from(String(token));
    const expected = Buffer.from(store.apiKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      meta.outcome = "forbidden";
      sendError(res, 403, "API key not valid");
      return false;
    }
    return true;
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {CollectionRoute} route
   * @param {URL} url
   * @param {RequestMeta} meta
   */
  async function helperPost(req, res, route, url, meta) {
    const fault = faults.take();
    if (fault) {
      if (await applyFault(req, res, fault, meta)) return;
    }
    const background = url.searchParams.get("background_request") === "true";
    const origin = headerValue(req, "origin");
    const common = {
      kind: route.kind,
      actionId: route.actionId,
      path: url.pathname,
      background,
      origin,
    };

    const declared = Number(req.headers["content-length"] ?? "0");
    if (declared > MAX_BODY_BYTES) {
      await readBody(req, 0);
      return refuse(res, meta, 413, `Request body over ${MAX_BODY_BYTES} bytes`, common, null);
    }
    const type = headerValue(req, "content-type") ?? "";
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      const body = await readBody(req, MAX_BODY_BYTES);
      return refuse(
        res,
        meta,
        415,
        `Content-Type must be application/json, not ${type ? JSON.stringify(type) : "missing"}`,
        common,
        body.text === null ? null : body.text.slice(0, RAW_BODY_KEEP),
      );
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body.text === null) {
      return refuse(res, meta, 413, `Request body over ${MAX_BODY_BYTES} bytes`, common, null);
    }
    const text = body.text;
    const credentialHeaders = presentCredentials(req);
    const job = () => processPost({ ...common, route, text, credentialHeaders, background });
    if (background) {
      // Action Network queues these and answers at once; the outcome shows up later.
      const timer = setTimeout(() => {
        backgroundJobs.delete(timer);
        job();
      }, BACKGROUND_DELAY_MS);
      backgroundJobs.set(timer, job);
      meta.outcome = "queued";
    } else {
      meta.outcome = job();
    }
    // Accepted or not, the answer is the same: the real service leaks nothing.
    sendJson(res, 200, {});
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {Fault} fault
   * @param {RequestMeta} meta
   * @returns {Promise<boolean>} true when the fault answered (or dropped) the request
   */
  async function applyFault(req, res, fault, meta) {
    if (fault.delayMs) await wait(fault.delayMs);
    if (fault.drop) {
      meta.outcome = "fault-dropped";
      req.socket.destroy();
      return true;
    }
    if (fault.status !== undefined) {
      await readBody(req, 0);
      meta.outcome = "fault";
      /** @type {Record<string, string>} */
      const headers =
        fault.retryAfter !== undefined ? { "Retry-After": String(fault.retryAfter) } : {};
      const message =
        fault.status === 429 ? "Too many requests" : `Injected fault: status ${fault.status}`;
      sendError(res, fault.status, message, headers);
      return true;
    }
    return false;
  }

  /**
   * Answers a post that never got as far as validation (size, content type), and logs it.
   * @param {ServerResponse} res
   * @param {RequestMeta} meta
   * @param {number} status
   * @param {string} message
   * @param {{ kind: ActionRecord["kind"], actionId: string, path: string, background: boolean, origin: string | null }} common
   * @param {string | null} raw
   */
  function refuse(res, meta, status, message, common, raw) {
    meta.outcome = "rejected";
    const code = status === 413 ? "too-large" : "bad-content-type";
    store.reject({ ...common, status, reasons: [{ code, message }], body: raw });
    say(`rejected ${common.path}: ${message}`);
    sendError(res, status, message);
  }

  /**
   * Validates and records one helper post. Runs at once, or later for background requests.
   * @param {{ route: CollectionRoute, path: string, text: string, credentialHeaders: string[], background: boolean, origin: string | null }} input
   * @returns {"accepted" | "rejected"}
   */
  function processPost(input) {
    const { route } = input;
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
    const common = {
      kind: route.kind,
      actionId: route.actionId,
      path: input.path,
      background: input.background,
      origin: input.origin,
    };
    if (reasons.length > 0 || !result?.ok || body === undefined) {
      store.reject({
        ...common,
        status: 200,
        reasons,
        body: body === undefined ? input.text.slice(0, RAW_BODY_KEEP) : body,
      });
      say(`rejected ${input.path}: ${reasons.map((r) => r.message).join("; ")}`);
      return "rejected";
    }
    const { record, created, email } = store.accept({
      ...common,
      collection: route.collection,
      ...(route.eventCampaignId ? { eventCampaignId: route.eventCampaignId } : {}),
      body,
      post: result.post,
      warnings: result.warnings,
    });
    say(
      `${created ? "recorded" : "updated"} ${record.kind} ${record.actionId} ${record.id}` +
        (email ? `, autoresponse to ${email.to}` : "") +
        (result.warnings.length > 0 ? ` (warnings: ${result.warnings.join(", ")})` : ""),
    );
    return "accepted";
  }

  /**
   * @param {ServerResponse} res
   * @param {ApiRoute} route
   * @param {URL} url
   */
  function read(res, route, url) {
    const hal = "application/hal+json";
    if (route.type === "person") {
      const person = store.findPerson(route.personId);
      if (!person) return sendError(res, 404, `No person ${route.personId}`);
      return sendJson(res, 200, personResource(person, base), {}, hal);
    }
    if (route.type === "item") {
      const record = store.findRecord(route.collection, route.itemId);
      if (!record || record.kind !== route.kind || record.actionId !== route.actionId) {
        return sendError(res, 404, `No ${route.collection} ${route.itemId} on this ${route.kind}`);
      }
      return sendJson(res, 200, recordResource(record, base), {}, hal);
    }
    if (route.type === "action") {
      const records = store.records.filter(
        (r) => r.kind === route.kind && r.actionId === route.actionId,
      );
      return sendJson(
        res,
        200,
        actionResource(route.kind, route.actionId, records, store.now(), base),
        {},
        hal,
      );
    }
    /** @type {ActionRecord[]} */
    let records;
    if (route.type === "person-collection") {
      if (!store.findPerson(route.personId))
        return sendError(res, 404, `No person ${route.personId}`);
      records = store.records.filter(
        (r) => r.personId === route.personId && r.collection === route.collection,
      );
    } else {
      records = store.records.filter((r) => r.kind === route.kind && r.actionId === route.actionId);
    }

    /** @type {{ [key: string]: string }} */
    const keep = {};
    const filterText = url.searchParams.get("filter");
    if (filterText !== null) {
      const filter = parseFilter(filterText);
      if (!filter.ok) return sendError(res, 400, filter.error);
      records = records.filter((r) =>
        filter.test({
          identifiers: [identifier(r.id)],
          created_date: r.created_date,
          modified_date: r.modified_date,
        }),
      );
      keep.filter = filterText;
    }
    const perPageText = url.searchParams.get("per_page");
    let perPage = MAX_PER_PAGE;
    if (perPageText !== null) {
      const n = Number.parseInt(perPageText, 10);
      // The documented maximum is 25; more is quietly clamped, as the docs imply.
      if (Number.isInteger(n) && n > 0) perPage = Math.min(n, MAX_PER_PAGE);
      keep.per_page = String(perPage);
    }
    const pageNumber = Number.parseInt(url.searchParams.get("page") ?? "1", 10);
    const page = Number.isInteger(pageNumber) && pageNumber > 0 ? pageNumber : 1;
    const doc = collectionResource({
      base,
      path: url.pathname.replace(/\/$/, ""),
      collection: route.collection,
      resources: records.map((r) => recordResource(r, base)),
      page,
      perPage,
      keep,
    });
    sendJson(res, 200, doc, {}, hal);
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {string} pathname
   */
  async function control(req, res, pathname) {
    const cors = {
      "Access-Control-Allow-Origin": "*",
      "Access-Control-Allow-Methods": "GET, POST, DELETE, OPTIONS",
      "Access-Control-Allow-Headers": "Content-Type",
    };
    /** @param {number} status @param {unknown} body */
    const send = (status, body) => sendJson(res, status, body, cors);
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...cors, "Access-Control-Max-Age": PREFLIGHT_MAX_AGE });
      res.end();
      return;
    }
    const name = pathname.slice("/_sandbox/".length).replace(/\/$/, "");
    const method = req.method ?? "GET";
    /** @type {Record<string, unknown[] | undefined>} */
    const lists = {
      records: store.records,
      rejections: store.rejections,
      outbox: store.outbox,
      requests: store.requests,
      people: store.people,
    };
    const list = lists[name];
    if (list && method === "GET") return send(200, list);
    if (name === "faults") {
      if (method === "GET") return send(200, faults.pending());
      if (method === "DELETE") {
        faults.clear();
        return send(200, { ok: true });
      }
      if (method === "POST") {
        const body = await readBody(req, MAX_BODY_BYTES);
        /** @type {unknown} */
        let parsed;
        try {
          parsed = JSON.parse(body.text ?? "");
        } catch {
          return send(400, { error: "body must be JSON" });
        }
        const fault = parseFault(parsed);
        if (!fault.ok) return send(400, { error: fault.error });
        faults.add(fault.entry);
        return send(200, { ok: true, pending: faults.pending() });
      }
    }
    if (name === "reset" && method === "POST") {
      await readBody(req, 0);
      // Tests reset between cases; queued faults and the rate window belong to the old case.
      for (const [timer] of backgroundJobs) clearTimeout(timer);
      backgroundJobs.clear();
      faults.clear();
      limiter.reset();
      store.reset();
      return send(200, { ok: true });
    }
    if (name === "info" && method === "GET") {
      return send(200, { url: base, apiKey: store.apiKey, rateLimit, dataDir: store.dataDir });
    }
    if (list || name === "faults" || name === "reset" || name === "info") {
      return send(405, { error: `${method} is not allowed on ${pathname}` });
    }
    return send(404, { error: `No control endpoint ${pathname}` });
  }

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {URL} url
   * @param {RequestMeta} meta
   * @param {number} started
   */
  function logRequest(req, res, url, meta, started) {
    const credentialHeaders = presentCredentials(req);
    const ended = meta.ended ?? Date.now();
    /** @type {RequestEntry} */
    const entry = {
      time: new Date(ended).toISOString(),
      method: req.method ?? "",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: res.headersSent ? res.statusCode : 0,
      origin: headerValue(req, "origin"),
      contentType: headerValue(req, "content-type"),
      credentials: credentialHeaders.length > 0,
      credentialHeaders,
      outcome: meta.outcome || (res.headersSent ? "" : "dropped"),
      durationMs: ended - started,
    };
    store.logRequest(entry);
    if (entry.status === 429 || entry.status === 0 || entry.status >= 500) {
      say(`${entry.method} ${entry.path} -> ${entry.status || "dropped"} (${entry.outcome})`);
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error("[sandbox] internal error", error);
      if (!res.headersSent) sendError(res, 500, "Internal sandbox error");
      else res.destroy();
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
  base = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${port}`;

  let closed = false;
  return {
    url: base,
    port,
    apiKey: store.apiKey,
    store,
    faults,
    async close() {
      if (closed) return;
      closed = true;
      // Queued background posts are processed now rather than lost with the process.
      for (const [timer, job] of backgroundJobs) {
        clearTimeout(timer);
        job();
      }
      backgroundJobs.clear();
      for (const timer of delays) clearTimeout(timer);
      delays.clear();
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
      // Sockets cut just now still log their requests; the data folder may be gone.
      store.closed = true;
    },
  };
}

/**
 * @param {IncomingMessage} req
 * @param {string} name lower-case header name
 * @returns {string | null}
 */
function headerValue(req, name) {
  const value = req.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/** @param {IncomingMessage} req */
function presentCredentials(req) {
  return CREDENTIAL_HEADERS.filter((name) => req.headers[name] !== undefined);
}

/**
 * Reads a request body up to `limit` bytes; beyond that it keeps draining (so the
 * client sees our answer, not a reset) but returns text null.
 * @param {IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<{ text: string | null }>}
 */
function readBody(req, limit) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on("data", (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on("end", () =>
      resolve({ text: size <= limit ? Buffer.concat(chunks).toString("utf8") : null }),
    );
    req.on("error", () => resolve({ text: null }));
    req.on("close", () =>
      resolve({ text: size <= limit ? Buffer.concat(chunks).toString("utf8") : null }),
    );
  });
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {SandboxOptions & { help?: boolean }} */
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = /** @type {string} */ (argv[i]);
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    /** @param {string} v */
    const number = (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a whole number, not ${v}`);
      return n;
    };
    switch (flag) {
      case "--port":
        options.port = number(value());
        break;
      case "--host":
        options.host = value();
        break;
      case "--data":
        options.dataDir = value();
        break;
      case "--rate-limit":
        options.rateLimit = number(value());
        break;
      case "--api-key":
        options.apiKey = value();
        break;
      case "--expose-retry-after":
        options.exposeRetryAfter = true;
        break;
      case "--quiet":
        options.quiet = true;
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

async function main() {
  /** @type {ReturnType<typeof parseArgs>} */
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`sandbox: ${/** @type {Error} */ (error).message}; see --help`);
    process.exit(2);
  }
  if (options.help) {
    console.log(
      "usage: node sandbox/server.mjs [--port N] [--host H] [--data DIR] [--rate-limit N]\n" +
        "                              [--api-key KEY] [--expose-retry-after] [--quiet]",
    );
    return;
  }
  const { help: _help, ...sandboxOptions } = options;
  const sandbox = await startSandbox(sandboxOptions);
  const rate = sandboxOptions.rateLimit ?? 4;
  const lines = [
    `osdi-embed helper sandbox on ${sandbox.url}`,
    `  sandbox page:    ${sandbox.url}/`,
    `  data directory:  ${sandbox.store.dataDir}`,
    `  rate limit:      ${rate > 0 ? `${rate} requests per second` : "off"}`,
    "  action URLs for data-osdi-action (any id works):",
    ...EXAMPLE_ACTIONS.map((a) => `    ${a.kind.padEnd(9)}${sandbox.url}${a.path}`),
    `  API key for GET reads (OSDI-API-Token): ${sandbox.apiKey}`,
    `    curl -H 'OSDI-API-Token: ${sandbox.apiKey}' '${sandbox.url}${EXAMPLE_ACTIONS[0]?.path}/signatures'`,
  ];
  console.log(lines.join("\n"));
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const invoked = process.argv[1];
if (invoked && pathToFileURL(path.resolve(invoked)).href === import.meta.url) {
  main().catch((error) => {
    console.error(`sandbox: ${/** @type {Error} */ (error).message}`);
    process.exit(1);
  });
}
