// @ts-check
import { performance } from "node:perf_hooks";

/**
 * A rolling one-second window, as Action Network documents "4 calls per second".
 * Refused requests do not count, so a client that waits a second gets through.
 * @param {number} perSecond 0 disables the limit
 * @param {() => number} [clock] monotonic milliseconds
 */
export function createRateLimiter(perSecond, clock = () => performance.now()) {
  /** @type {number[]} */
  let stamps = [];
  return {
    /** @returns {boolean} true when the request may go on */
    take() {
      if (perSecond <= 0) return true;
      const now = clock();
      stamps = stamps.filter((t) => now - t < 1000);
      if (stamps.length >= perSecond) return false;
      stamps.push(now);
      return true;
    },
    reset() {
      stamps = [];
    },
  };
}
