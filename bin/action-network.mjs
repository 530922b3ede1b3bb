// @ts-check
// A small client of Action Network's keyed API for the command: GETs with the key in
// the OSDI-API-Token header, paced to the documented 4 requests a second, a 429 waited
// out as its Retry-After says, collections followed page by page, and each failure
// turned into one plain sentence. The key goes to the API's own origin and nowhere else.

const PER_SECOND = 4;
// The server counts a second from when requests arrive, not when they left: a little
// more than a second between the first and the fifth keeps clear of its limit.
const PACE_MARGIN_MS = 100;
const MAX_TRIES = 5;
const LONGEST_WAIT_S = 60;
const TIMEOUT_MS = 30_000;

/** A failure the command reports in one line and exits on. */
export class CommandError extends Error {
  /**
   * @param {string} message
   * @param {number} [status] the HTTP status, when there was one
   */
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/**
 * @typedef {object} ClientOptions
 * @property {string} api the API's root, e.g. https://actionnetwork.org/api/v2
 * @property {string} key
 */

export class ActionNetworkClient {
  /** @param {ClientOptions} options */
  constructor(options) {
    this.api = options.api.replace(/\/+$/, "");
    this.origin = new URL(this.api).origin;
    this.key = options.key;
    /** @type {number[]} when the last requests started */
    this.started = [];
  }

  /**
   * GETs a resource or a page of a collection: its JSON.
   * @param {string} url on the API's origin
   * @returns {Promise<any>}
   */
  async get(url) {
    if (new URL(url).origin !== this.origin) {
      throw new CommandError(`${url} is not on ${this.origin}: the key goes to the API only`);
    }
    for (let tries = 1; ; tries += 1) {
      await this.#pace();
      const response = await this.#send(url);
      if (response.status !== 429) return this.#read(response, url);
      const wait = retryAfterSeconds(response.headers.get("retry-after"), Date.now());
      await response.body?.cancel();
      if (wait > LONGEST_WAIT_S) {
        throw new CommandError(
          `rate limited (429): the API asks to wait ${wait} s; try again later`,
          429,
        );
      }
      if (tries >= MAX_TRIES) {
        throw new CommandError(`rate limited (429) ${tries} times in a row; try again later`, 429);
      }
      await sleep(wait * 1000);
    }
  }

  /**
   * Every item of a collection, following its next links to the last page.
   * @param {string} url the collection's first page
   * @param {string} rel the items' name in _embedded, e.g. osdi:petitions
   * @returns {Promise<any[]>}
   */
  async all(url, rel) {
    const items = [];
    const seen = new Set();
    /** @type {string | undefined} */
    let next = url;
    while (next) {
      if (seen.has(next)) throw new CommandError(`the collection's next link goes back to ${next}`);
      seen.add(next);
      const page = await this.get(next);
      const embedded = page?._embedded?.[rel];
      if (Array.isArray(embedded)) items.push(...embedded);
      const href = page?._links?.next?.href;
      next = typeof href === "string" && href !== "" ? href : undefined;
    }
    return items;
  }

  /** Waits, if need be, so that no more than 4 requests start in any one second. */
  async #pace() {
    for (;;) {
      const now = Date.now();
      this.started = this.started.filter((t) => now - t < 1000 + PACE_MARGIN_MS);
      const oldest = this.started[0];
      if (this.started.length < PER_SECOND || oldest === undefined) break;
      await sleep(oldest + 1000 + PACE_MARGIN_MS - now);
    }
    this.started.push(Date.now());
  }

  /** @param {string} url */
  async #send(url) {
    try {
      return await fetch(url, {
        headers: { "OSDI-API-Token": this.key, Accept: "application/hal+json, application/json" },
        redirect: "error",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new CommandError(unreachable(error, this.origin));
    }
  }

  /**
   * @param {Response} response
   * @param {string} url
   */
  async #read(response, url) {
    const text = await response.text().catch(() => "");
    if (response.ok) {
      try {
        return JSON.parse(text);
      } catch {
        throw new CommandError(`the answer from ${url} is not JSON`, response.status);
      }
    }
    const status = response.status;
    if (status === 401 || status === 403) {
      throw new CommandError(
        `the API key was refused (${status}): check ACTION_NETWORK_API_KEY; a group's key is on Action Network's "API & Sync" page`,
        status,
      );
    }
    if (status === 404) throw new CommandError(`not found (404): ${url}`, status);
    throw new CommandError(`${status} from ${url}${errorText(text)}`, status);
  }
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/**
 * Seconds to wait from a Retry-After header: a number of seconds or an HTTP date;
 * one second when there is none (Action Network allows 4 requests a second).
 * @param {string | null} header
 * @param {number} now ms
 */
export function retryAfterSeconds(header, now) {
  if (header === null || header.trim() === "") return 1;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return 1;
  return Math.max(1, Math.ceil((date - now) / 1000));
}

/**
 * @param {unknown} error what fetch threw
 * @param {string} origin
 */
function unreachable(error, origin) {
  const failure = /** @type {{ name?: string, cause?: { code?: string, name?: string } }} */ (
    error
  );
  if (failure?.name === "TimeoutError" || failure?.cause?.name === "TimeoutError") {
    return `no answer from ${origin} within ${TIMEOUT_MS / 1000} s`;
  }
  const code = failure?.cause?.code;
  return `cannot reach ${origin}${code ? ` (${code})` : ""}: check the network, or --api`;
}

/**
 * ": <the error>" from an `{"error": "…"}` body, else nothing.
 * @param {string} text
 */
function errorText(text) {
  try {
    const body = JSON.parse(text);
    if (typeof body?.error === "string") return `: ${body.error}`;
  } catch {}
  return "";
}
