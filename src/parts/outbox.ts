/**
 * dist/osdi-embed-outbox.js: delivers queued submissions. The bundle loads it
 * when the browser comes back online and on any page load that finds the
 * outbox not empty; the submit part carries its own copy for a first attempt
 * that fails (Web Locks keep the two from sending an item twice).
 */
import { define } from "../lazy";
import { type Item, KEY, read, remove } from "../submit/outbox";
import { type SendError, send } from "../submit/transport";

/** How long a queued submission is kept: past this, sending it would surprise its author. */
export const TTL = 7 * 24 * 3600_000;

export type Outcome = "sent" | "queued" | "rejected";

const drop = (id: string) => remove(id);

/** One tab at a time: two open tabs must never both send an item. */
const locked = <T>(fn: () => Promise<T>): Promise<T> =>
  navigator.locks ? navigator.locks.request(KEY, fn) : fn();

/**
 * Sends one item with retries. `stored` says whether it sits in the outbox: if it
 * did and is gone once we hold the lock, another tab has delivered it already.
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
      drop(item.id);
      return "rejected";
    }
    drop(item.id);
    dispatchEvent(new Event("osdi-embed:sent"));
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
    if (Date.now() - item.at > TTL) drop(item.id);
    else await deliver(item, true);
  }
  if (read().length) later();
}

/** Tries the outbox again in a minute (a server error or a rate limit may have passed). */
export function later() {
  clearTimeout(timer);
  timer = setTimeout(flush, 60_000);
}

define("outbox", { deliver, flush });
