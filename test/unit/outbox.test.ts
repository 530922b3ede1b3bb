// @vitest-environment happy-dom
/**
 * The outbox: src/outbox/store.ts keeps undelivered submissions in localStorage;
 * src/outbox/deliver.ts delivers them, once across tabs, until they expire.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deliver, flush, TTL } from "../../src/outbox/deliver";
import { enqueue, type Item, KEY, read, remove } from "../../src/outbox/store";
import type { HelperBody } from "../../src/submit/body";

const BODY: HelperBody = {
  person: { email_addresses: [{ address: "ada@example.org" }] },
  triggers: { autoresponse: { enabled: true } },
};
const DAY = 24 * 3600_000;

/** An item whose helper URL names it, so the order of POSTs can be read off fetch's calls. */
const item = (id: string, at = Date.now()): Item => ({
  id,
  url: `https://actionnetwork.org/api/v2/petitions/${id}/signatures`,
  body: { ...BODY, comments: id },
  at,
});

const fetchMock = vi.fn<typeof fetch>();
const reply = (status: number) => new Response("{}", { status });
/** Puts items in the outbox, each under its own key, as submit() does. */
const seed = (...items: Item[]) => {
  for (const i of items) expect(enqueue(i)).toBe(true);
};

/** The URLs fetch was called with, in order. */
const posted = () => fetchMock.mock.calls.map(([url]) => String(url));

/** Counts the osdi-embed:sent events on window (the bundle's widgets listen for it). */
let sentEvents = 0;
const onSent = () => sentEvents++;

/** The outbox's keys in storage, sorted. */
const keys = () =>
  Array.from({ length: localStorage.length }, (_, n) => localStorage.key(n) ?? "")
    .filter((k) => k.startsWith("osdi-embed:"))
    .sort();

const localStorageDescriptor = Object.getOwnPropertyDescriptor(globalThis, "localStorage");

beforeEach(() => {
  localStorage.clear();
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
  sentEvents = 0;
  addEventListener("osdi-embed:sent", onSent);
});
afterEach(() => {
  removeEventListener("osdi-embed:sent", onSent);
  // flush() may have left its one-minute timer behind.
  vi.clearAllTimers();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  if (localStorageDescriptor)
    Object.defineProperty(globalThis, "localStorage", localStorageDescriptor);
  delete (navigator as { locks?: unknown }).locks;
  localStorage.clear();
});

describe("the stored queue (src/outbox/store.ts)", () => {
  it("lives under the key prefix the privacy notes name, one key per item", () => {
    expect(KEY).toBe("osdi-embed:outbox");
    enqueue(item("a", 1));
    expect(keys()).toEqual([`${KEY}:a`]);
  });

  it("round-trips items through enqueue and read", () => {
    const a = item("a", 1);
    const b = item("b", 2);
    const c = item("c", 3);
    expect(read()).toEqual([]);
    // write() is gone (dead code): the first two go in one by one, as submit() puts them.
    expect(enqueue(a)).toBe(true);
    expect(enqueue(b)).toBe(true);
    expect(read()).toEqual([a, b]);
    expect(enqueue(c)).toBe(true);
    expect(read()).toEqual([a, b, c]);
    expect(JSON.parse(localStorage.getItem(`${KEY}:c`)!)).toEqual(c);
    // Nothing else is stored.
    expect(keys()).toEqual([`${KEY}:a`, `${KEY}:b`, `${KEY}:c`]);
  });

  it("enqueues into an empty outbox", () => {
    const a = item("a", 1);
    expect(enqueue(a)).toBe(true);
    expect(read()).toEqual([a]);
  });

  it("removes the keys of items taken out, leaving nothing behind", () => {
    seed(item("a", 1));
    expect(localStorage.getItem(`${KEY}:a`)).not.toBeNull();
    // write([]) is gone (dead code): remove() is how items leave.
    remove("a");
    expect(localStorage.getItem(`${KEY}:a`)).toBeNull();
    expect(localStorage.length).toBe(0);
    expect(read()).toEqual([]);
  });

  it("reads corrupt JSON as an empty outbox", () => {
    localStorage.setItem(`${KEY}:x`, "[{not json");
    expect(read()).toEqual([]);
  });

  it("returns false, throws nothing and keeps the queue when setItem throws (storage full)", () => {
    const a = item("a", 1);
    seed(a);
    const real = localStorage;
    const full: Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length"> = {
      get length() {
        return real.length;
      },
      key: (n) => real.key(n),
      getItem: (k) => real.getItem(k),
      setItem() {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      },
      removeItem: (k) => real.removeItem(k),
    };
    Object.defineProperty(globalThis, "localStorage", { configurable: true, get: () => full });
    let ok: boolean | undefined;
    expect(() => {
      ok = enqueue(item("b", 2));
    }).not.toThrow();
    expect(ok).toBe(false);
    // write([a, b]) is gone (dead code): storing a again fails the same way.
    expect(enqueue(a)).toBe(false);
    expect(read()).toEqual([a]);
  });

  it("returns false and throws nothing when localStorage itself cannot be touched", () => {
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
    expect(() => localStorage).toThrow();
    let ok: boolean | undefined;
    expect(() => {
      ok = enqueue(item("a", 1));
    }).not.toThrow();
    expect(ok).toBe(false);
    expect(read()).toEqual([]);
    // write() is gone (dead code): taking an item out throws nothing either.
    expect(() => remove("a")).not.toThrow();
  });
});

describe("deliver() (src/outbox/deliver.ts)", () => {
  it("sends a stored item, removes it and tells the page", async () => {
    const a = item("a");
    const b = item("b");
    seed(a, b);
    fetchMock.mockResolvedValue(reply(200));
    await expect(deliver(a, true)).resolves.toBe("sent");
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(a.url);
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("omit");
    expect(JSON.parse(init?.body as string)).toEqual(a.body);
    expect(read()).toEqual([b]);
    expect(sentEvents).toBe(1);
  });

  it("sends an item that could not be stored (storage refused it)", async () => {
    const a = item("a");
    fetchMock.mockResolvedValue(reply(201));
    await expect(deliver(a, false)).resolves.toBe("sent");
    expect(posted()).toEqual([a.url]);
    expect(keys()).toEqual([]);
    expect(sentEvents).toBe(1);
  });

  it.each([
    ["a 503", () => Promise.resolve(reply(503))],
    ["a 429", () => Promise.resolve(reply(429))],
    ["no connection", () => Promise.reject(new TypeError("Failed to fetch"))],
  ])("keeps the item queued after retrying %s", async (_, answer) => {
    vi.useFakeTimers();
    const a = item("a");
    seed(a);
    fetchMock.mockImplementation(answer);
    const outcome = deliver(a, true);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(outcome).resolves.toBe("queued");
    // send()'s own retries: three attempts with backoff between them.
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(read()).toEqual([a]);
    expect(sentEvents).toBe(0);
  });

  it.each([400, 404, 422])("drops the item on a final %i", async (status) => {
    const a = item("a");
    const b = item("b");
    seed(a, b);
    fetchMock.mockResolvedValue(reply(status));
    await expect(deliver(a, true)).resolves.toBe("rejected");
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(read()).toEqual([b]);
    expect(sentEvents).toBe(0);
  });

  it("sends nothing when a stored item is already gone (another tab delivered it)", async () => {
    const a = item("a");
    const b = item("b");
    seed(b);
    fetchMock.mockResolvedValue(reply(200));
    await expect(deliver(a, true)).resolves.toBe("sent");
    expect(fetchMock).not.toHaveBeenCalled();
    expect(read()).toEqual([b]);
  });

  it("sends a stored item once when two deliveries race for it under Web Locks", async () => {
    const locks = serializingLocks();
    Object.defineProperty(navigator, "locks", { configurable: true, value: locks });
    const a = item("a");
    seed(a);
    let answer!: (r: Response) => void;
    fetchMock.mockImplementation(() => new Promise<Response>((ok) => (answer = ok)));

    const first = deliver(a, true);
    const second = deliver(a, true);
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    // The second delivery waits for the lock while the first POST is in flight.
    await new Promise((r) => setTimeout(r, 20));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    answer(reply(200));

    await expect(Promise.all([first, second])).resolves.toEqual(["sent", "sent"]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(locks.requested).toEqual([KEY, KEY]);
    expect(read()).toEqual([]);
    expect(sentEvents).toBe(1);
  });
});

describe("flush() (src/outbox/deliver.ts)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2026-03-02T12:00:00Z"));
  });

  it("keeps items for 7 days", () => {
    expect(TTL).toBe(7 * DAY);
  });

  it("drops expired items without a POST and delivers the rest in order", async () => {
    const now = Date.now();
    const expired = item("expired", now - TTL - 1);
    const fresh = item("fresh", now - 3600_000);
    const ancient = item("ancient", now - 30 * DAY);
    const lastDay = item("last-day", now - TTL + 60_000);
    seed(expired, fresh, ancient, lastDay);
    fetchMock.mockResolvedValue(reply(200));

    // Each delivery holds the lock 200 ms more, for other tabs to see the removal.
    const done = flush();
    await vi.advanceTimersByTimeAsync(1_000);
    await done;

    // Oldest first: the order they were queued in.
    expect(posted()).toEqual([lastDay.url, fresh.url]);
    expect(read()).toEqual([]);
    expect(keys()).toEqual([]);
    expect(sentEvents).toBe(2);
    // Nothing left, so nothing to try again.
    expect(vi.getTimerCount()).toBe(0);
  });

  it("does nothing with an empty outbox", async () => {
    await flush();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("tries again every minute while items remain, and stops once they are delivered", async () => {
    const a = item("a");
    seed(a);
    // Offline for the first flush (all of send()'s attempts), back on the next one.
    fetchMock.mockResolvedValueOnce(reply(503));
    fetchMock.mockResolvedValueOnce(reply(503));
    fetchMock.mockResolvedValueOnce(reply(503));
    fetchMock.mockResolvedValue(reply(200));

    let endedAt = 0;
    const first = flush().then(() => {
      endedAt = Date.now();
    });
    await vi.advanceTimersByTimeAsync(10_000);
    await first;
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(read()).toEqual([a]);
    expect(vi.getTimerCount()).toBe(1);

    // Not before the minute is up...
    await vi.advanceTimersByTimeAsync(endedAt + 60_000 - Date.now() - 1);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    // ...and then it is sent.
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(read()).toEqual([]));
    await vi.advanceTimersByTimeAsync(200);
    expect(fetchMock).toHaveBeenCalledTimes(4);
    expect(sentEvents).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("drops an item that expires while it waits for the next try", async () => {
    const a = item("a", Date.now() - TTL + 30_000);
    seed(a);
    fetchMock.mockResolvedValue(reply(503));
    const first = flush();
    await vi.advanceTimersByTimeAsync(10_000);
    await first;
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(vi.getTimerCount()).toBe(1);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(read()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

/**
 * A LockManager for one tab: request(name, fn) runs fn once every earlier holder
 * of that name has finished, as navigator.locks does across tabs.
 */
function serializingLocks() {
  const tails = new Map<string, Promise<unknown>>();
  const requested: string[] = [];
  return {
    requested,
    request<T>(name: string, fn: () => Promise<T>): Promise<T> {
      requested.push(name);
      const run = (tails.get(name) ?? Promise.resolve()).then(() => fn());
      tails.set(
        name,
        run.catch(() => {}),
      );
      return run;
    },
  };
}
