/**
 * @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
 *
 * The script's own mounting: slices, containers on screen first, the wait for the
 * stylesheet, and the outbox check after load. Each test gets a fresh copy of the
 * modules, since the queue, the observer and the stylesheet are once per page.
 */
import { afterEach, beforeEach, expect, it, type Mock, vi } from "vitest";
import { PETITION } from "./helpers";

type Mount = typeof import("../../src/element/mount") & typeof import("../../src/element/schedule");
type Load = typeof import("../../src/files/load");

/** An IntersectionObserver the test drives: it reports only when told to. */
class Seen {
  static last: Seen | undefined;
  observed = new Set<Element>();
  constructor(readonly report: (entries: Partial<IntersectionObserverEntry>[]) => void) {
    Seen.last = this;
  }
  observe(el: Element) {
    this.observed.add(el);
  }
  unobserve(el: Element) {
    this.observed.delete(el);
  }
  disconnect() {}
  /** Says these elements are on screen. */
  show(...els: Element[]) {
    this.report(els.map((target) => ({ target, isIntersecting: true })));
  }
}

let m: Mount;
let load: Load;
/** The outbox's flush(), as this copy of the modules has it (src/outbox/deliver.ts). */
let flush: Mock<() => Promise<void>>;
/** The containers in the order their osdi:ready came. */
let ready: Element[];
const onReady = (e: Event) => ready.push(e.target as Element);

beforeEach(async () => {
  vi.resetModules();
  Seen.last = undefined;
  vi.stubGlobal("IntersectionObserver", Seen);
  flush = vi.fn(async () => {});
  vi.doMock("../../src/outbox/deliver", async (original) => ({
    ...(await original<typeof import("../../src/outbox/deliver")>()),
    flush,
  }));
  load = await import("../../src/files/load");
  // No files beside a script (as the ESM build): nothing to wait for unless a test says so.
  load.setBase(undefined);
  m = {
    ...(await import("../../src/element/mount")),
    ...(await import("../../src/element/schedule")),
  };
  ready = [];
  document.addEventListener("osdi:ready", onReady);
  vi.spyOn(console, "error").mockImplementation(() => {});
});

afterEach(async () => {
  // This copy's outbox check (a timer after mounting) runs now, not in the next test.
  await new Promise((r) => setTimeout(r, 5));
  document.removeEventListener("osdi:ready", onReady);
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-osdi-mounted]")))
    m.unmount(el);
  document.body.replaceChildren();
  for (const link of Array.from(document.querySelectorAll("link"))) link.remove();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.doUnmock("../../src/outbox/deliver");
  localStorage.clear();
  vi.restoreAllMocks();
});

function containers(n: number, attrs: Record<string, string> = {}) {
  return Array.from({ length: n }, (_, i) => {
    const el = document.createElement("div");
    el.id = `c${i}`;
    el.dataset.osdiAction = PETITION;
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(`data-osdi-${k}`, v);
    el.innerHTML = '<a href="https://actionnetwork.org/petitions/x">Sign</a>';
    document.body.append(el);
    return el;
  });
}

/** A clock that moves 3 ms each time it is read: about three widgets per 8 ms slice. */
function slowClock() {
  let now = 0;
  vi.spyOn(performance, "now").mockImplementation(() => (now += 3));
}

/** Counts every read of localStorage (the widget's code reaches it as a global). */
function countReads() {
  const real = localStorage;
  const reads = { n: 0 };
  vi.stubGlobal("localStorage", {
    get length() {
      reads.n++;
      return real.length;
    },
    key(i: number) {
      reads.n++;
      return real.key(i);
    },
    getItem(k: string) {
      reads.n++;
      return real.getItem(k);
    },
    setItem: (k: string, v: string) => real.setItem(k, v),
    removeItem: (k: string) => real.removeItem(k),
  });
  return reads;
}

const mounted = (els: Element[]) => els.filter((el) => el.querySelector(".osdi-embed")).length;

it("mounts the first slice at once and the rest in later tasks, each container once", async () => {
  slowClock();
  const els = containers(12);
  m.schedule();
  const first = mounted(els);
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(12);
  await vi.waitFor(() => expect(mounted(els)).toBe(12));
  expect(ready).toHaveLength(12);
  expect(new Set(ready).size).toBe(12);
});

it("takes containers the browser reports on screen before those above them in the page", async () => {
  slowClock();
  const els = containers(12);
  m.schedule();
  const first = mounted(els);
  expect(first).toBeLessThan(10);
  // The page was opened scrolled down: the last two are what the visitor sees.
  Seen.last!.show(els[11], els[10]);
  await vi.waitFor(() => expect(mounted(els)).toBe(12));
  expect(ready.slice(first, first + 2)).toEqual([els[10], els[11]]);
  // The others keep their page order.
  const rest = ready.filter((el) => el !== els[10] && el !== els[11]);
  expect(rest).toEqual(els.slice(0, 10));
  expect(Seen.last!.observed.size).toBe(0);
});

it("leaves alone a container taken out of the page before its turn", async () => {
  slowClock();
  const els = containers(12);
  m.schedule();
  const first = mounted(els);
  els[11].remove();
  await vi.waitFor(() => expect(mounted(els)).toBe(11));
  // Its turn has come and gone.
  await new Promise((r) => setTimeout(r, 50));
  expect(first).toBeLessThan(11);
  expect(els[11].hasAttribute("data-osdi-mounted")).toBe(false);
  expect(ready).not.toContain(els[11]);
});

it("keeps scan() and mount() synchronous for page code, however many containers", () => {
  slowClock();
  const els = containers(12);
  expect(m.scan()).toHaveLength(12);
  expect(mounted(els)).toBe(12);
});

it("mounts containers added later in slices too, and skips what is already mounted", async () => {
  slowClock();
  const mo = m.observe();
  try {
    const els = containers(9);
    await vi.waitFor(() => expect(mounted(els)).toBe(9));
    m.schedule();
    await new Promise((r) => setTimeout(r, 20));
    expect(ready).toHaveLength(9);
  } finally {
    mo.disconnect();
  }
});

it("keeps the fallback until the stylesheet has loaded, then shows the widget", async () => {
  load.setBase("https://cdn.example.org/osdi-embed.js");
  const [el] = containers(1);
  expect(m.mount(el)?.element).toBe(el);
  const link = document.querySelector<HTMLLinkElement>("link[rel=stylesheet]")!;
  expect(link.href).toBe("https://cdn.example.org/osdi-embed.css");
  // Not yet: the link has not said it loaded.
  expect(el.querySelector("a")).not.toBeNull();
  expect(el.querySelector(".osdi-embed")).toBeNull();
  await vi.waitFor(() => expect(el.querySelector(".osdi-embed")).not.toBeNull());
  expect(ready).toEqual([el]);
  // Once it has, later widgets show at once.
  const [later] = containers(1);
  m.mount(later);
  expect(later.querySelector(".osdi-embed")).not.toBeNull();
});

it("shows the widget unstyled when the stylesheet fails to load", async () => {
  load.setBase("https://cdn.example.org/osdi-embed.js");
  const [el] = containers(1);
  m.mount(el);
  const link = document.querySelector<HTMLLinkElement>("link[rel=stylesheet]")!;
  link.onload = null;
  link.dispatchEvent(new Event("error"));
  await vi.waitFor(() => expect(el.querySelector(".osdi-embed")).not.toBeNull());
});

it("shows the widget after 3 s when the stylesheet never answers", async () => {
  vi.useFakeTimers({ toFake: ["setTimeout"] });
  load.setBase("https://cdn.example.org/osdi-embed.js");
  // A link that never loads: it is never put in the document.
  vi.spyOn(document.head, "prepend").mockImplementation(() => {});
  const [el] = containers(1);
  m.mount(el);
  await vi.advanceTimersByTimeAsync(2900);
  expect(el.querySelector(".osdi-embed")).toBeNull();
  await vi.advanceTimersByTimeAsync(200);
  vi.useRealTimers();
  await vi.waitFor(() => expect(el.querySelector(".osdi-embed")).not.toBeNull());
});

/** The page's own <link> to the stylesheet, in <head>, as the README's snippet has it. */
function pageLink(href = "https://cdn.example.org/osdi-embed.css") {
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = href;
  // Its load is the test's to give: the network has not answered yet.
  const hold = (e: Event) => e.stopImmediatePropagation();
  link.addEventListener("load", hold);
  document.head.append(link);
  return {
    link,
    loaded() {
      link.removeEventListener("load", hold);
      link.dispatchEvent(new Event("load"));
    },
  };
}

it("waits for the page's own <link> to the stylesheet instead of adding another", async () => {
  load.setBase("https://cdn.example.org/osdi-embed.js");
  const own = pageLink("https://cdn.example.org/osdi-embed.css?ver=0.1.0");
  // As happy-dom has it: no sheet until the load.
  vi.spyOn(own.link, "sheet", "get").mockReturnValue(null);
  const [el] = containers(1);
  m.mount(el);
  expect(document.querySelectorAll("link[rel=stylesheet]")).toHaveLength(1);
  await new Promise((r) => setTimeout(r, 20));
  expect(el.querySelector(".osdi-embed")).toBeNull();
  own.loaded();
  await vi.waitFor(() => expect(el.querySelector(".osdi-embed")).not.toBeNull());
  expect(document.querySelectorAll("link[rel=stylesheet]")).toHaveLength(1);
});

it("fires no osdi:ready and keeps the fallback when unmounted before the stylesheet came", async () => {
  load.setBase("https://cdn.example.org/osdi-embed.js");
  const own = pageLink();
  vi.spyOn(own.link, "sheet", "get").mockReturnValue(null);
  const [el] = containers(1);
  const link = el.firstChild;
  const onReady = vi.fn();
  // As React's StrictMode does with an effect: mount, and its cleanup at once.
  const handle = m.mount(el, { onReady });
  expect(handle?.element).toBe(el);
  handle?.unmount();
  expect(el.hasAttribute("data-osdi-mounted")).toBe(false);
  own.loaded();
  // Long enough for the stylesheet's wait and the slice after it.
  await new Promise((r) => setTimeout(r, 50));
  expect(ready).toEqual([]);
  expect(onReady).not.toHaveBeenCalled();
  expect(el.childNodes).toHaveLength(1);
  expect(el.firstChild).toBe(link);
  expect(el.querySelector(".osdi-embed")).toBeNull();
});

it("mounts once for mount, unmount, mount while the stylesheet is on its way: one osdi:ready", async () => {
  load.setBase("https://cdn.example.org/osdi-embed.js");
  const own = pageLink();
  vi.spyOn(own.link, "sheet", "get").mockReturnValue(null);
  const [el] = containers(1);
  const first = vi.fn();
  const second = vi.fn();
  m.mount(el, { onReady: first })?.unmount();
  const handle = m.mount(el, { onReady: second });
  own.loaded();
  await vi.waitFor(() => expect(el.querySelector(".osdi-embed")).not.toBeNull());
  await new Promise((r) => setTimeout(r, 50));
  expect(ready).toEqual([el]);
  expect(first).not.toHaveBeenCalled();
  expect(second).toHaveBeenCalledTimes(1);
  expect(el.querySelectorAll(".osdi-embed")).toHaveLength(1);
  handle?.unmount();
  expect(el.querySelector(".osdi-embed")).toBeNull();
});

it("shows at once when the page's own stylesheet has loaded already", () => {
  load.setBase("https://cdn.example.org/osdi-embed.js");
  const own = pageLink();
  vi.spyOn(own.link, "sheet", "get").mockReturnValue({} as CSSStyleSheet);
  const [el] = containers(1);
  m.mount(el);
  expect(el.querySelector(".osdi-embed")).not.toBeNull();
  expect(document.querySelectorAll("link[rel=stylesheet]")).toHaveLength(1);
});

it("waits for nothing with data-osdi-styles=none", () => {
  load.setBase("https://cdn.example.org/osdi-embed.js");
  const [el] = containers(1, { styles: "none" });
  m.mount(el);
  expect(el.querySelector(".osdi-embed")).not.toBeNull();
  expect(document.querySelector("link")).toBeNull();
});

it("leaves storage alone while mounting; the outbox check comes once the page is idle", async () => {
  localStorage.setItem(
    "osdi-embed:outbox:1",
    JSON.stringify({ id: "1", url: "https://example.org/x", body: {}, at: Date.now() }),
  );
  const reads = countReads();
  containers(3);
  m.schedule();
  expect(reads.n).toBe(0);
  await vi.waitFor(() => expect(flush).toHaveBeenCalledTimes(1));
  // The outbox is in the core bundle now, no part to load: flush() once is all there is.
});

it("does not load the outbox at all when nothing is queued", async () => {
  localStorage.setItem("someone-else", "x");
  const reads = countReads();
  containers(1);
  m.schedule();
  expect(reads.n).toBe(0);
  // The check runs (it looks at storage) and finds nothing of ours to send.
  await vi.waitFor(() => expect(reads.n).toBeGreaterThan(0));
  await new Promise((r) => setTimeout(r, 20));
  // The outbox is in the core bundle now, no part to load: it must not even flush.
  expect(flush).not.toHaveBeenCalled();
});

it("runs one job in the script's own task, then as many as fit in each later slice", async () => {
  const slices = await import("../../src/element/slices");
  let now = 0;
  vi.spyOn(performance, "now").mockImplementation(() => now);
  // Which task each job ran in: a microtask marks the end of a task.
  const tasks: number[] = [];
  let task = 0;
  let marked = false;
  const job = () => {
    tasks.push(task);
    if (!marked) {
      marked = true;
      queueMicrotask(() => {
        task++;
        marked = false;
      });
    }
    now += 15;
  };
  for (const el of containers(7)) slices.later(el, job);
  slices.drain(slices.FIRST_SLICE);
  expect(tasks).toEqual([0]);
  await vi.waitFor(() => expect(tasks).toHaveLength(7));
  // 15 ms each: a 40 ms slice starts a second one (30 ms) but not a third (45 ms).
  expect(tasks).toEqual([0, 1, 1, 2, 2, 3, 3]);
});
