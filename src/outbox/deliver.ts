/**
 * Delivers what the outbox holds: with retries and backoff, one tab at a time,
 * and again every minute while something is left (a server error or a rate
 * limit may have passed). Items older than seven days are dropped unsent.
 */
import { type SendError, send } from "../transport";
import { type Item, KEY, read, remove } from "./store";

/** How long a queued submission is kept: past this, sending it would surprise its author. */
export const TTL = 7 * 24 * 3600_000;

export type Outcome = "sent" | "queued" | "rejected";

/** Fired on window when an item has been delivered, so widgets waiting on it can say so. */
export const SENT = "osdi-embed:sent";

/**
 * One tab at a time: two open tabs must never both send an item. Where there are no
 * locks (an old browser, or an opaque origin such as a sandboxed iframe, which refuses
 * them) there is no other tab to share storage with either: go ahead.
 */
function locked<T>(fn: () => Promise<T>): Promise<T> {
  let ran = false;
  const run = () => {
    ran = true;
    return fn();
  };
  if (!navigator.locks) return run();
  return navigator.locks.request(KEY, run).catch((e) => {
    if (ran) throw e;
    return run();
  });
}

/**
 * Sends one item with retries. `stored` says whether it sits in the outbox: if it
 * did and is gone once we hold the lock, another tab has delivered it already.
 * `first` is the answer to an attempt the caller made itself.
 */
export function deliver(
  item: Item,
  stored: boolean,
  first?: { status?: number; retryAfter?: string | null },
): Promise<Outcome> {
  return locked(async () => {
    if (stored && !read().some((i) => i.id === item.id)) return "sent";
    try {
      await send(item.url, item.body, { first });
    } catch (e) {
      if ((e as SendError).retryable) return "queued";
      remove(item.id);
      return "rejected";
    }
    remove(item.id);
    dispatchEvent(new Event(SENT));
    // Heuristic: other tabs' localStorage caches update asynchronously; give the removal
    // time to reach them before the lock passes on (IndexedDB would make this exact).
    await new Promise((r) => setTimeout(r, 200));
    return "sent";
  });
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Delivers every unexpired item; while some remain, tries again every minute. */
export async function flush(): Promise<void> {
  clearTimeout(timer);
  for (const item of read()) {
    if (Date.now() - item.at > TTL) remove(item.id);
    else await deliver(item, true);
  }
  if (read().length) later();
}

/** Tries the outbox again in a minute. */
export function later() {
  clearTimeout(timer);
  timer = setTimeout(flush, 60_000);
}
