// @ts-check
// What every part of the sandbox shares: one context object, made once per sandbox
// and handed to the helper posts, the keyed API, the public pages and the control API.
import path from "node:path";
import { FaultQueue } from "./faults.mjs";
import { createRateLimiter } from "./ratelimit.mjs";
import { Store } from "./store.mjs";

/** @import { ActionInput } from "./actions.mjs" */

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
 * @property {ActionInput[]} [actions] actions the group has from the start (the demo's); each is
 *   added if its id is not there yet, and again after a reset
 */

/**
 * @typedef {object} Context
 * @property {Store} store records, people, actions, rejections, outbox and request log
 * @property {FaultQueue} faults what the next helper posts suffer
 * @property {ReturnType<typeof createRateLimiter>} limiter
 * @property {number} rateLimit
 * @property {Record<string, string>} apiCors the CORS headers of every API answer
 * @property {ActionInput[]} seedActions
 * @property {Timers} timers background posts and held requests, finished or cleared on close
 * @property {string} base the sandbox's origin, set once it listens, e.g. http://127.0.0.1:4010
 * @property {(line: string) => void} say console output, unless quiet
 */

/**
 * @param {SandboxOptions} options
 * @returns {Context}
 */
export function createContext(options) {
  const quiet = options.quiet ?? false;
  const rateLimit = options.rateLimit ?? 4;
  const store = new Store({
    dataDir: options.dataDir ?? path.join(process.cwd(), ".sandbox-data"),
    ...(options.apiKey !== undefined ? { apiKey: options.apiKey } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  /** @type {Record<string, string>} */
  const apiCors = { "Access-Control-Allow-Origin": "*" };
  if (options.exposeRetryAfter) apiCors["Access-Control-Expose-Headers"] = "Retry-After";
  const seedActions = options.actions ?? [];
  store.seedActions(seedActions);
  return {
    store,
    faults: new FaultQueue(),
    limiter: createRateLimiter(rateLimit),
    rateLimit,
    apiCors,
    seedActions,
    timers: new Timers(),
    base: "",
    say: (line) => {
      if (!quiet) console.log(`[sandbox] ${line}`);
    },
  };
}

/** Timers the sandbox owes: background posts to process, held requests to release. */
export class Timers {
  /** @type {Map<NodeJS.Timeout, () => void>} */
  #jobs = new Map();
  /** @type {Set<NodeJS.Timeout>} */
  #delays = new Set();

  /**
   * Runs a job after `ms`, unless the sandbox runs it sooner (close) or drops it (reset).
   * @param {() => void} job
   * @param {number} ms
   */
  later(job, ms) {
    const timer = setTimeout(() => {
      this.#jobs.delete(timer);
      job();
    }, ms);
    this.#jobs.set(timer, job);
  }

  /** @param {number} ms */
  wait(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#delays.delete(timer);
        resolve(undefined);
      }, ms);
      this.#delays.add(timer);
    });
  }

  /** Runs the jobs still waiting, now (so a queued background post is not lost on close). */
  runPending() {
    for (const [timer, job] of this.#jobs) {
      clearTimeout(timer);
      job();
    }
    this.#jobs.clear();
  }

  /** Forgets the jobs still waiting (a reset: they belong to the old test case). */
  dropPending() {
    for (const [timer] of this.#jobs) clearTimeout(timer);
    this.#jobs.clear();
  }

  /** Stops the held requests' timers (they never answer: the server is closing). */
  clearDelays() {
    for (const timer of this.#delays) clearTimeout(timer);
    this.#delays.clear();
  }
}
