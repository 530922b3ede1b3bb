// @ts-check
// What the bench does in Chromium: the collectors installed before any page script,
// one page load, one submit, and tracing. Times are in the page's clock unless said.

import { analyse, TRACE_CATEGORIES } from "./trace.mjs";

/** @import { Browser, BrowserContext, CDPSession } from "@playwright/test" */
/** @import { Profile } from "./profiles.mjs" */

/**
 * Runs before any script of the page, the same on all four: it records osdi:ready
 * events, long tasks, layout shifts and the submit click, and resolves __benchSettled
 * once the forms are ready to send (every osdi:ready, the peer's mark, the floor's
 * DOMContentLoaded and stylesheets; each in the frame after), the load event has passed
 * and two frames and 100 ms more have gone by. The bench awaits that with one CDP call:
 * no harness code runs meanwhile.
 */
export function collectors() {
  const w = /** @type {any} */ (window);
  /** @type {{ readyAt: [Element, number][], shown: number, longtasks: number[], shifts: number[], settledAt: number }} */
  const b = { readyAt: [], shown: Number.NaN, longtasks: [], shifts: [], settledAt: 0 };
  w.__bench = b;
  const observe = (/** @type {string} */ type, /** @type {(e: any) => void} */ fn) => {
    try {
      new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {}
  };
  observe("longtask", (e) => b.longtasks.push(e.duration));
  observe("layout-shift", (e) => e.hadRecentInput || b.shifts.push(e.value));
  // The first listener of all; sent out at once, as a plain form's post unloads the page.
  addEventListener("click", (e) => w.__benchClick?.(e.timeStamp), true);
  w.__benchSettled = new Promise((resolve) => {
    const ready = () => {
      const end = () => {
        b.settledAt = performance.now();
        resolve(undefined);
      };
      const settle = () =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(end, 100)));
      if (document.readyState === "complete") settle();
      else addEventListener("load", settle);
    };
    const kind = location.pathname.split("/").pop()?.split("-")[0];
    // Ready means on screen: the frame after the moment (its task has ended by then, and
    // the browser paints what it did), taken the same way for all four, with no trace.
    const shown = (/** @type {() => void} */ then) =>
      requestAnimationFrame(() => {
        b.shown = performance.now();
        then();
      });
    // Counted at the first osdi:ready (the deferred script runs after parsing), not per
    // event, so no bench work lands in osdi-embed's time. The snippet's widgets and the
    // form in the HTML alike: drawn or brought to life, each sends one.
    let expected = 0;
    if (kind === "osdi" || kind === "html")
      document.addEventListener(
        "osdi:ready",
        (e) => {
          const el = /** @type {Element} */ (e.target);
          expected ||= document.querySelectorAll("[data-osdi-action]").length;
          requestAnimationFrame(() => {
            b.readyAt.push([el, performance.now()]);
            if (b.readyAt.length >= expected) ready();
          });
        },
        true,
      );
    else if (kind === "peer") observe("mark", (e) => e.name === "peer:wired" && shown(ready));
    // The floor's form shows once the page is parsed and its render-blocking stylesheets
    // have come: a static page is not usable before it is painted.
    else
      document.addEventListener("DOMContentLoaded", () =>
        Promise.all(
          Array.from(document.querySelectorAll("link[rel=stylesheet]"), (l) =>
            /** @type {HTMLLinkElement} */ (l).sheet
              ? null
              : new Promise((done) => {
                  l.addEventListener("load", done);
                  l.addEventListener("error", done);
                }),
          ),
        ).then(() => shown(ready)),
      );
  });
}

/**
 * Read in the page once it has settled. The first contentful paint's entry comes once
 * the compositor says the frame was presented, which on a busy machine can be after
 * the page has settled: it is waited for (5 s at most).
 */
async function snapshot() {
  const paint = () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
  for (let i = 0; i < 50 && paint() === undefined; i++)
    await new Promise((done) => setTimeout(done, 100));
  const b = /** @type {any} */ (window).__bench;
  const nav = /** @type {PerformanceNavigationTiming} */ (
    performance.getEntriesByType("navigation")[0]
  );
  const kind = location.pathname.split("/").pop()?.split("-")[0];
  const widgets = kind === "osdi" || kind === "html";
  const last = (/** @type {[Element, number][]} */ l) => Math.max(...l.map(([, t]) => t));
  // The widgets in the first viewport (never scrolled; the sized fallback has the
  // widget's height, and the form in the HTML is there from the start, so where a
  // container is now is where it was).
  const onScreen = /** @type {[Element, number][]} */ (b.readyAt).filter(([el]) => {
    const r = el.getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0 && r.height > 0;
  });
  const ready = widgets ? last(b.readyAt) : b.shown;

  return {
    responseEnd: nav.responseEnd,
    // Visible and typeable: a form in the page's HTML (the floor's, the form in the HTML)
    // at the first contentful paint; one the script draws (the snippet's) once it is
    // ready, the frame after its last osdi:ready; the peer's as its ready, as before.
    visible: kind === "floor" || kind === "html" ? (paint() ?? Number.NaN) : ready,
    ready,
    widgets: b.readyAt.length,
    onScreen: widgets ? last(onScreen) : null,
    settledAt: b.settledAt,
    longtasks: b.longtasks,
    cls: b.shifts.reduce((/** @type {number} */ a, /** @type {number} */ v) => a + v, 0),
    files: [nav.name, ...performance.getEntriesByType("resource").map((e) => e.name)]
      .map((u) => new URL(u).pathname)
      .filter((p) => p !== "/favicon.ico"),
    slot: document.querySelector(".osdi-embed")?.getBoundingClientRect().height ?? 0,
  };
}

/** A new browser context for a profile, with the collectors installed. */
export async function newContext(/** @type {Browser} */ browser, /** @type {Profile} */ p) {
  const ctx = await browser.newContext({ viewport: p.viewport });
  await ctx.addInitScript(collectors);
  return ctx;
}

/**
 * Opens url in a new tab of ctx under the profile's CPU and network conditions and
 * waits until it has settled.
 * @param {BrowserContext} ctx @param {Profile} p @param {string} url
 * @param {(cdp: CDPSession) => void} [listen] called before the page loads
 */
async function open(ctx, p, url, listen) {
  const page = await ctx.newPage();
  /** @type {string[]} the page's console warnings and errors */
  const warnings = [];
  page.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") warnings.push(`${m.type()}: ${m.text()}`);
  });
  const cdp = await ctx.newCDPSession(page);
  listen?.(cdp);
  await cdp.send("Network.enable");
  if (p.cpu) await cdp.send("Emulation.setCPUThrottlingRate", { rate: p.cpu });
  if (p.network) {
    const { latency, down, up } = p.network;
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency,
      downloadThroughput: down / 8,
      uploadThroughput: up / 8,
    });
  }
  await page.goto(url, { waitUntil: "load", timeout: 60_000 });
  const r = await cdp.send("Runtime.evaluate", {
    expression: "window.__benchSettled",
    awaitPromise: true,
    timeout: 60_000,
  });
  if (r.exceptionDetails) throw new Error(`${url}: ${r.exceptionDetails.text}`);
  return { page, cdp, warnings };
}

/**
 * One load in a new tab of ctx; the JS heap is read after a forced GC, once settled
 * (past the window the trace is read in). A form in the HTML that the script drew afresh
 * (its stamp did not match: the console says "data-osdi-rendered") is not what the
 * page is there to measure, so the run stops.
 * @param {BrowserContext} ctx @param {Profile} p @param {string} url @param {number} n
 */
export async function loadOnce(ctx, p, url, n) {
  const { page, cdp, warnings } = await open(ctx, p, url);
  try {
    const s = await page.evaluate(snapshot);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
    if (/\/(osdi|html)-/.test(url) && s.widgets !== n)
      throw new Error(`${url}: ${s.widgets} of ${n} widgets mounted`);
    const redrawn = warnings.filter((w) => w.includes("data-osdi-rendered"));
    if (redrawn.length)
      throw new Error(`${url}: ${redrawn.length} forms drawn afresh: ${redrawn[0]}`);
    if (!Number.isFinite(s.ready)) throw new Error(`${url}: never ready`);
    if (!Number.isFinite(s.visible)) throw new Error(`${url}: no first contentful paint`);
    return { url, ...s, heap, warnings };
  } finally {
    await page.close();
  }
}

/**
 * A load's figures: visible and typeable, ready to send and on-screen ready (taken in the
 * page) from the document's responseEnd and from the navigation's start; with a trace, CPU until
 * settled, the tasks over 50 ms of wall time, the longest, and the most CPU of
 * osdi-embed's script in one. Without one (a profile whose CPU is slowed, where tracing
 * would slow the page more), those are left out and long tasks come from the page's own
 * observer.
 * @param {Awaited<ReturnType<typeof loadOnce>>} l @param {import("./trace.mjs").TraceEvent[]} [events]
 */
export function withTrace(l, events) {
  const t = events && analyse(events, l.url, l.settledAt);
  /** @type {import("./trace.mjs").Task} */
  const none = { start: 0, wall: 0, cpu: 0, by: {}, top: "" };
  const longest = t ? t.tasks.reduce((a, k) => (k.wall > a.wall ? k : a), none) : none;
  const ours = t
    ? t.tasks.reduce((a, k) => ((k.by.osdi ?? 0) > (a.by.osdi ?? 0) ? k : a), none)
    : none;
  return {
    ready: l.ready - l.responseEnd,
    // From the start of the navigation: what a visitor who followed a link waits.
    fromStart: l.ready,
    visible: l.visible - l.responseEnd,
    visibleFromStart: l.visible,
    onScreen: l.onScreen === null ? null : l.onScreen - l.responseEnd,
    traced: !!t,
    cpu: t ? t.cpu : Number.NaN,
    longestWall: t ? longest.wall : Math.max(0, ...l.longtasks),
    longestCpu: t ? longest.cpu : Number.NaN,
    long: t ? t.tasks.filter((k) => k.wall > 50) : [],
    ours: ours.by.osdi ?? 0,
    oursTop: ours.top,
    observed: l.longtasks,
    cls: l.cls,
    heap: l.heap,
    files: l.files,
    warnings: l.warnings,
  };
}

/**
 * fn's result with the trace's events: one trace covers a round of loads, since
 * starting and stopping one costs more than a load.
 * @template T
 * @param {Browser} browser @param {() => Promise<T>} fn
 */
export async function traced(browser, fn) {
  await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
  const stop = () => browser.stopTracing();
  const result = await fn().catch((e) => stop().then(() => Promise.reject(e)));
  const { traceEvents } = JSON.parse((await stop()).toString("utf8"));
  return { result, events: /** @type {import("./trace.mjs").TraceEvent[]} */ (traceEvents) };
}

/**
 * One submit on a one-form page: the fields filled (Playwright's fill: focus, value,
 * an input event, as typing does), a real press and release at the button
 * (Input.dispatchMouseEvent), and the time from the click event's timestamp to the helper POST being issued
 * (Network.requestWillBeSent, on Chromium's monotonic clock; the page's time 0 is put
 * on that clock by the document's requestStart, which Chromium reports in both).
 * @param {BrowserContext} ctx @param {Profile} p @param {string} url @param {string} helper
 */
export async function submitOnce(ctx, p, url, helper) {
  /** @type {any[]} */
  const posts = [];
  /** @type {any} */
  let doc;
  const { page, cdp } = await open(ctx, p, url, (cdp) => {
    cdp.on("Network.requestWillBeSent", (e) => {
      if (e.request.method === "POST" && e.request.url.startsWith(helper)) posts.push(e);
    });
    cdp.on("Network.responseReceived", (e) => {
      if (e.type === "Document") doc ??= e.response.timing;
    });
  });
  try {
    /** @type {number | undefined} */
    let click;
    await page.exposeFunction("__benchClick", (/** @type {number} */ ts) => {
      click ??= ts;
    });
    const fill = { "First name": "Ada", "Last name": "Lovelace", Email: "ada@example.org" };
    for (const [label, value] of Object.entries({ ...fill, "ZIP / Postal code": "20009" }))
      await page.getByLabel(label).fill(value);
    const button = page.locator("button[type=submit]");
    await button.scrollIntoViewIfNeeded();
    const box = await button.boundingBox();
    if (!box) throw new Error(`${url}: no button`);
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const requestStart = await page.evaluate(
      () => /** @type {any} */ (performance.getEntriesByType("navigation")[0]).requestStart,
    );
    await cdp.send("Input.dispatchMouseEvent", { type: "mouseMoved", x, y });
    for (const type of /** @type {const} */ (["mousePressed", "mouseReleased"]))
      await cdp.send("Input.dispatchMouseEvent", { type, x, y, button: "left", clickCount: 1 });
    for (let i = 0; !posts.length && i < 3000; i++) await new Promise((ok) => setTimeout(ok, 10));
    if (!posts.length || click === undefined) throw new Error(`${url}: no click or no POST`);
    const origin = doc.requestTime * 1000 + doc.sendStart - requestStart;
    return posts[0].timestamp * 1000 - (origin + click);
  } finally {
    await page.close();
  }
}
