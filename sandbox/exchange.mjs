// @ts-check
// One request and its answer. Every answer goes through send(), which notes when it
// was sent: the request log's time is that moment, not when the socket's "close"
// comes (a busy event loop can hold "close" back, and the tests time retries from it).

/** @import { IncomingMessage, ServerResponse } from "node:http" */

// Past this a client is not a widget; stop reading rather than buffer it all.
const MAX_DRAIN_BYTES = 8 * 1024 * 1024;
const CREDENTIAL_HEADERS = ["osdi-api-token", "authorization", "cookie"];

export class Exchange {
  /**
   * @param {IncomingMessage} request
   * @param {ServerResponse} response
   * @param {Record<string, string>} cors headers every answer carries, unless changed
   */
  constructor(request, response, cors) {
    this.request = request;
    this.response = response;
    this.url = new URL(request.url ?? "/", "http://sandbox.invalid");
    this.method = request.method ?? "GET";
    this.cors = cors;
    this.receivedAt = Date.now();
    /** @type {number | undefined} when the answer was handed to the socket */
    this.sentAt = undefined;
    /** What became of the request, for the log: "accepted", "read", "rate-limited"… */
    this.outcome = "";
  }

  get answered() {
    return this.response.headersSent;
  }

  /**
   * The one place an answer is written.
   * @param {number} status
   * @param {Record<string, string>} headers
   * @param {string} [body]
   */
  send(status, headers, body) {
    this.response.writeHead(status, { ...this.cors, ...headers });
    this.sentAt ??= Date.now();
    this.response.end(body);
  }

  /**
   * @param {number} status
   * @param {unknown} body
   * @param {Record<string, string>} [headers]
   * @param {string} [type] HAL answers are pretty-printed, as Action Network's are
   */
  json(status, body, headers = {}, type = "application/json") {
    const text = JSON.stringify(body, null, type === "application/json" ? undefined : 2);
    this.send(
      status,
      {
        "Content-Type": type,
        "Content-Length": String(Buffer.byteLength(text)),
        "Cache-Control": "no-store",
        ...headers,
      },
      text,
    );
  }

  /**
   * Every error body is `{"error": "…"}`.
   * @param {number} status
   * @param {string} message
   * @param {Record<string, string>} [headers]
   */
  error(status, message, headers) {
    this.json(status, { error: message }, headers);
  }

  /**
   * @param {number} status
   * @param {string} html
   * @param {Record<string, string>} [headers]
   */
  html(status, html, headers = {}) {
    this.send(
      status,
      {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
        ...headers,
      },
      html,
    );
  }

  /**
   * @param {number} status
   * @param {Record<string, string>} [headers]
   */
  empty(status, headers = {}) {
    this.send(status, headers);
  }

  /** Closes the connection without an answer. */
  drop() {
    this.request.socket.destroy();
  }

  /**
   * @param {string} name lower-case header name
   * @returns {string | null}
   */
  header(name) {
    const value = this.request.headers[name];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }

  /** Names of the credential headers the request carries (a widget must send none). */
  credentialHeaders() {
    return CREDENTIAL_HEADERS.filter((name) => this.request.headers[name] !== undefined);
  }

  /**
   * Reads the body up to `limit` bytes; beyond that it keeps draining (so the client
   * sees our answer, not a reset) but gives text null.
   * @param {number} limit
   * @returns {Promise<{ text: string | null }>}
   */
  readBody(limit) {
    const request = this.request;
    return new Promise((resolve) => {
      /** @type {Buffer[]} */
      const chunks = [];
      let size = 0;
      const done = () =>
        resolve({ text: size <= limit ? Buffer.concat(chunks).toString("utf8") : null });
      request.on("data", (/** @type {Buffer} */ chunk) => {
        size += chunk.length;
        if (size <= limit) chunks.push(chunk);
        else if (size > MAX_DRAIN_BYTES) request.destroy();
      });
      request.on("end", done);
      request.on("error", () => resolve({ text: null }));
      request.on("close", done);
    });
  }

  /**
   * Reads a JSON body; undefined when it is too large or not JSON.
   * @param {number} limit
   * @returns {Promise<unknown>}
   */
  async readJson(limit) {
    const { text } = await this.readBody(limit);
    if (text === null) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }
}
