// @ts-check
import { isPlainObject } from "./validate.mjs";

/**
 * What the next helper POSTs suffer. `status` answers with that error, `delayMs`
 * holds the request first, `drop` destroys the connection without an answer.
 * @typedef {object} Fault
 * @property {number} [status]
 * @property {number} [retryAfter] seconds, sent as Retry-After with `status`
 * @property {number} [delayMs]
 * @property {boolean} [drop]
 */

/**
 * @typedef {Fault & { count: number }} FaultEntry
 */

const MAX_DELAY_MS = 60_000;

/**
 * Reads the body of POST /_sandbox/faults.
 * @param {unknown} body
 * @returns {{ ok: true, entry: FaultEntry } | { ok: false, error: string }}
 */
export function parseFault(body) {
  if (!isPlainObject(body)) return { ok: false, error: "body must be a JSON object" };
  const { count = 1, status, retryAfter, delayMs, drop } = body;
  if (!Number.isInteger(count) || /** @type {number} */ (count) < 1) {
    return { ok: false, error: "count must be a positive integer" };
  }
  /** @type {FaultEntry} */
  const entry = { count: /** @type {number} */ (count) };
  if (status !== undefined) {
    if (
      !Number.isInteger(status) ||
      /** @type {number} */ (status) < 400 ||
      /** @type {number} */ (status) > 599
    ) {
      return { ok: false, error: "status must be an integer from 400 to 599" };
    }
    entry.status = /** @type {number} */ (status);
  }
  if (retryAfter !== undefined) {
    if (!Number.isInteger(retryAfter) || /** @type {number} */ (retryAfter) < 0) {
      return { ok: false, error: "retryAfter must be a non-negative integer (seconds)" };
    }
    if (entry.status === undefined) return { ok: false, error: "retryAfter needs a status" };
    entry.retryAfter = /** @type {number} */ (retryAfter);
  }
  if (delayMs !== undefined) {
    if (typeof delayMs !== "number" || !(delayMs >= 0 && delayMs <= MAX_DELAY_MS)) {
      return { ok: false, error: `delayMs must be a number from 0 to ${MAX_DELAY_MS}` };
    }
    entry.delayMs = delayMs;
  }
  if (drop !== undefined) {
    if (typeof drop !== "boolean") return { ok: false, error: "drop must be a boolean" };
    if (drop && entry.status !== undefined)
      return { ok: false, error: "drop and status exclude each other" };
    entry.drop = drop;
  }
  if (entry.status === undefined && entry.delayMs === undefined && !entry.drop) {
    return { ok: false, error: "a fault needs status, delayMs or drop: true" };
  }
  return { ok: true, entry };
}

/** Fault entries in the order they were queued; each serves `count` requests. */
export class FaultQueue {
  /** @type {FaultEntry[]} */
  #entries = [];

  /** @param {FaultEntry} entry */
  add(entry) {
    this.#entries.push({ ...entry });
  }

  clear() {
    this.#entries = [];
  }

  /** @returns {FaultEntry[]} */
  pending() {
    return this.#entries.map((e) => ({ ...e }));
  }

  /** @returns {Fault | undefined} the fault for the next helper POST, if any */
  take() {
    const head = this.#entries[0];
    if (!head) return undefined;
    head.count -= 1;
    if (head.count <= 0) this.#entries.shift();
    const { count: _count, ...fault } = head;
    return fault;
  }
}
