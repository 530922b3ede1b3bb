// @ts-check
// What the bench does inside Chromium: the collectors installed before any page
// script runs, the per-load measurement, the submit measurement and the CPU profile.
// Every time here is in the page's own clock (performance.now()), except where the
// submit measurement maps it onto Chromium's network clock (see submitOnce).

import { analyse, cpuBetween, findPage, TRACE_CATEGORIES } from "./trace.mjs";

/** @import { BrowserContext, CDPSession } from "@playwright/test" */

/**
 * Installed with addInitScript, so it runs before any script of the page: it
 * records osdi:ready events (with the container each came from, so the snapshot can
 * tell which were on screen), long tasks, layout shifts and the submit click. The
 * pages themselves carry no bench code (peer.js sets one performance mark).
 */
export function collectors() {
  const w = /** @type {any} */ (window);
  const b = {
    ready: 0,
    firstReady: 0,
    lastReady: 0,
    settledAt: 0,
    /** @type {[EventTarget | null, number][]} [container, time] of each osdi:ready */
    readyAt: [],
    /** @type {[number, number][]} [startTime, duration] */
    longtasks: [],
    /** @type {[number, number][]} [startTime, value] */
    shifts: [],
  };
  w.__bench = b;
  document.addEventListener(
    "osdi:ready",
    (e) => {
      const t = performance.now();
      if (!b.ready) b.firstReady = t;
      b.ready++;
      b.lastReady = t;
      // No layout here: where the container is gets read once the page has settled.
      b.readyAt.push([e.target, t]);
    },
    true,
  );
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of /** @type {any[]} */ (list.getEntries()))
        if (!e.hadRecentInput) b.shifts.push([e.startTime, e.value]);
    }).observe({ type: "layout-shift", buffered: true });
  } catch {}
  // The first listener of all (window, capture): the click's own timestamp, sent to the
  // bench at once, since a plain form's submission unloads this page right after.
  addEventListener(
    "click",
    (e) => {
      w.__benchClick?.({ ts: e.timeStamp, now: performance.now() });
    },
    true,
  );
  // Resolves once the forms are usable and the page has settled: the bench awaits it
  // with one CDP call, so no harness script runs in the page while it loads.
  w.__benchSettled = new Promise((resolve) => {
    let done = false;
    const ready = () => {
      if (done) return;
      done = true;
      // The trace is read up to this moment: what the bench does next (reading the page,
      // a forced GC for the heap figure) is not the page's.
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
    if (kind === "osdi") {
      // Counted once, at the first osdi:ready: the parser is done by then (the script
      // is deferred), and a count per event would put bench work in osdi-embed's time.
      let expected = 0;
      document.addEventListener(
        "osdi:ready",
        () => {
          expected ||= document.querySelectorAll("[data-osdi-action]").length;
          if (b.ready >= expected) ready();
        },
        true,
      );
    } else if (kind === "peer")
      new PerformanceObserver((list) => {
        if (list.getEntriesByName("peer:wired").length) ready();
      }).observe({ type: "mark", buffered: true });
    else document.addEventListener("DOMContentLoaded", ready);
  });
}

/**
 * Read in the page once it has settled.
 * @param {string | null} scriptPath the contender's first script, e.g. /dist/osdi-embed.js
 */
function snapshot(scriptPath) {
  const b = /** @type {any} */ (window).__bench;
  const nav = /** @type {PerformanceNavigationTiming} */ (
    performance.getEntriesByType("navigation")[0]
  );
  const res = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType("resource"));
  const script = scriptPath ? res.find((e) => new URL(e.name).pathname === scriptPath) : undefined;
  // The widgets in the first viewport (the page is never scrolled; a sized fallback has
  // the widget's height, so where a container is now is where it was at first): the
  // time the last of them was ready.
  const onScreen = /** @type {[Element, number][]} */ (b.readyAt).filter(([el]) => {
    const r = el.getBoundingClientRect();
    return r.bottom + scrollY > 0 && r.top + scrollY < innerHeight && r.height > 0;
  });
  return {
    responseEnd: nav.responseEnd,
    domInteractive: nav.domInteractive,
    dcl: nav.domContentLoadedEventStart,
    load: nav.loadEventEnd,
    scriptEnd: script?.responseEnd ?? null,
    ready: b.ready,
    firstReady: b.firstReady,
    lastReady: b.lastReady,
    settledAt: b.settledAt,
    onScreen: onScreen.length,
    onScreenReady: onScreen.length ? Math.max(...onScreen.map(([, t]) => t)) : null,
    wired: performance.getEntriesByName("peer:wired")[0]?.startTime ?? null,
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    longtasks: b.longtasks,
    shifts: b.shifts,
    files: [nav.name, ...res.map((e) => e.name)].map((u) => new URL(u).pathname),
    slot: document.querySelector(".osdi-embed")?.getBoundingClientRect().height ?? 0,
  };
}

/** The file whose arrival starts the contender's own script work. */
export const FIRST_SCRIPT = /** @type {Record<string, string | null>} */ ({
  osdi: "/dist/osdi-embed.js",
  "osdi-unsized": "/dist/osdi-embed.js",
  floor: null,
  peer: "/vendor/jquery/jquery.min.js",
});

/**
 * Resolves once the page's forms are usable (every osdi:ready fired, the peer's forms
 * wired, or the floor's document parsed), the load event has passed and two frames
 * and 100 ms more have gone by, for late layout shifts and long tasks.
 * @param {CDPSession} cdp
 */
async function settled(cdp) {
  const r = await cdp.send("Runtime.evaluate", {
    expression: "window.__benchSettled",
    awaitPromise: true,
    timeout: 60_000,
  });
  if (r.exceptionDetails) throw new Error(`page: ${r.exceptionDetails.text}`);
}

/** @param {CDPSession} cdp */
async function metrics(cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** @param {BrowserContext} ctx */
function browserOf(ctx) {
  const browser = ctx.browser();
  if (!browser) throw new Error("a context without a browser");
  return browser;
}

/**
 * Runs fn with the browser traced (TRACE_CATEGORIES) and returns its result and the
 * trace's events. One trace covers a round of loads (one of each page), since
 * starting and stopping a trace costs more than a load.
 * @template T
 * @param {BrowserContext} ctx @param {() => Promise<T>} fn
 */
export async function traced(ctx, fn) {
  const browser = browserOf(ctx);
  await browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
  /** @type {T} */
  let result;
  try {
    result = await fn();
  } catch (e) {
    await browser.stopTracing();
    throw e;
  }
  const buf = await browser.stopTracing();
  const events = /** @type {import("./trace.mjs").TraceEvent[]} */ (
    JSON.parse(buf.toString("utf8")).traceEvents
  );
  return { result, events };
}

/**
 * One load of a bench page in a new tab of ctx (whose HTTP cache may be warm).
 * Trace figures are added by withTrace once the round's trace is in. With `code`,
 * /dist/osdi-embed.js is answered with that instead (and so never from the cache);
 * with `cssDelay`, osdi-embed.css arrives that many ms late (a slow network); `script`
 * is the contender's first script when the page loads it from elsewhere than usual.
 * @param {BrowserContext} ctx @param {string} url @param {string} kind @param {number} n
 * @param {{ code?: string, cssDelay?: number, script?: string }} [o]
 */
export async function loadOnce(ctx, url, kind, n, o = {}) {
  const page = await ctx.newPage();
  try {
    const { code, cssDelay } = o;
    if (code !== undefined)
      await page.route("**/dist/osdi-embed.js", (route) =>
        route.fulfill({ body: code, contentType: "text/javascript; charset=utf-8" }),
      );
    if (cssDelay)
      await page.route("**/osdi-embed.css", async (route) => {
        await new Promise((ok) => setTimeout(ok, cssDelay));
        await route.continue();
      });
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "timeTicks" });
    await page.goto(url, { waitUntil: "load" });
    await settled(cdp);
    const s = await page.evaluate(snapshot, o.script ?? FIRST_SCRIPT[kind] ?? null);
    const m = await metrics(cdp);
    if (kind.startsWith("osdi") && s.ready !== n)
      throw new Error(`${url}: ${s.ready} of ${n} widgets mounted`);
    const readyAt = kind.startsWith("osdi") ? s.lastReady : kind === "peer" ? s.wired : s.dcl;
    if (readyAt === null) throw new Error(`${url}: never ready`);
    // The floor and the peer make every form usable at once.
    const onScreenAt = kind.startsWith("osdi") ? s.onScreenReady : readyAt;
    if (onScreenAt === null) throw new Error(`${url}: no widget on screen`);
    const scriptStart =
      s.scriptEnd === null ? null : Math.max(s.domInteractive, /** @type {number} */ (s.scriptEnd));
    return {
      url,
      readyAt,
      onScreenAt,
      responseEnd: s.responseEnd,
      scriptStart,
      settledAt: s.settledAt,
      // The event times; withTrace replaces these with the end of the task each fired in.
      docToReady: readyAt - s.responseEnd,
      docToOnScreen: onScreenAt - s.responseEnd,
      onScreen: s.onScreen,
      scriptToReady: scriptStart === null ? null : readyAt - scriptStart,
      // From the first widget ready to the last (in slices, with the browser's work between).
      mountSpan: kind.startsWith("osdi") ? s.lastReady - s.firstReady : null,
      fcp: s.fcp,
      fcpBeforeReady: s.fcp !== null && s.fcp < readyAt,
      dcl: s.dcl - s.responseEnd,
      load: s.load - s.responseEnd,
      longtasks: s.longtasks,
      cls: s.shifts.reduce((/** @type {number} */ a, /** @type {number[]} */ [, v]) => a + v, 0),
      shifts: s.shifts.length,
      heap: m.JSHeapUsedSize,
      nodes: m.Nodes,
      files: s.files,
      slot: s.slot,
    };
  } finally {
    await page.close();
  }
}

/**
 * Adds the trace's figures to a load, from navigation until the page settled: main-thread
 * CPU to ready and in all, the longest task, CPU by kind of work. Ready and on-screen
 * ready become the end of the task their event fired in: a widget rendered early in a
 * long task can be neither seen nor used until that task ends.
 * @template {{ url: string, readyAt: number, onScreenAt: number, responseEnd: number,
 *   scriptStart: number | null, settledAt?: number }} L
 * @param {L} load @param {import("./trace.mjs").TraceEvent[]} events
 */
export function withTrace(load, events) {
  const t = analyse(events, load.url, { readyAt: load.readyAt, until: load.settledAt });
  const ready = t.endOf(load.readyAt);
  return {
    ...load,
    readyEvent: load.readyAt - load.responseEnd,
    onScreenEvent: load.onScreenAt - load.responseEnd,
    docToReady: ready - load.responseEnd,
    docToOnScreen: t.endOf(load.onScreenAt) - load.responseEnd,
    scriptToReady: load.scriptStart === null ? null : ready - load.scriptStart,
    cpu: t.cpu,
    cpuToReady: t.cpuToReady,
    longestWall: t.longestWall,
    longestCpu: t.longestCpu,
    maxTaskCpu: t.maxTaskCpu,
    longCpu: t.longCpu,
    longWall: t.longWall,
    byKind: t.byKind,
  };
}

/** The first form's fields, by the labels all three contenders share. */
const FILL = {
  "First name": "Ada",
  "Last name": "Lovelace",
  Email: "ada@example.org",
  "ZIP / Postal code": "20009",
};

/**
 * One submit on a one-form page: from the click (the event's own timestamp, in the
 * page's clock) to the helper POST being issued (Network.requestWillBeSent) and to its
 * bytes going out on the socket (the POST's sendStart, after any CORS preflight).
 * Network times are on Chromium's monotonic clock, as are trace timestamps; the page's
 * clock is mapped onto it by the trace's navigationStart (the page's time 0, see
 * submitWithTrace), checked against the document's navigation timing, which Chromium
 * reports in both clocks. Run it inside traced().
 * @param {BrowserContext} ctx @param {string} url @param {string} kind @param {string} helper
 * @param {boolean} [listFiles] also list the files the page fetched (waits 300 ms more)
 */
export async function submitOnce(ctx, url, kind, helper, listFiles = false) {
  const page = await ctx.newPage();
  try {
    /** @type {{ ts: number, now: number } | undefined} */
    let click;
    await page.exposeFunction("__benchClick", (/** @type {{ ts: number, now: number }} */ c) => {
      click ??= c;
    });
    const cdp = await ctx.newCDPSession(page);
    /** @type {any[]} */
    const sent = [];
    /** @type {Map<string, any>} */
    const received = new Map();
    cdp.on("Network.requestWillBeSent", (e) => sent.push(e));
    cdp.on("Network.responseReceived", (e) => received.set(e.requestId, e));
    await cdp.send("Network.enable");
    await page.goto(url, { waitUntil: "load" });
    await settled(cdp);
    const nav = await page.evaluate(() => {
      const n = /** @type {PerformanceNavigationTiming} */ (
        performance.getEntriesByType("navigation")[0]
      );
      return { name: n.name, requestStart: n.requestStart };
    });
    // Fill the fields as typing would (focus, value, an input event) and find the
    // button, in one call.
    const { x, y } = await page.evaluate((values) => {
      const form = /** @type {HTMLFormElement} */ (document.querySelector("form"));
      for (const [label, value] of Object.entries(values)) {
        const l = [...form.querySelectorAll("label")].find((l) =>
          (l.textContent ?? "").trim().startsWith(label),
        );
        const input = /** @type {HTMLInputElement | null | undefined} */ (l?.control);
        if (!input) throw new Error(`no field labelled ${label}`);
        input.focus();
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
      const button = form.querySelector("button[type=submit]");
      if (!button) throw new Error("no submit button");
      button.scrollIntoView({ block: "center" });
      const r = button.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, FILL);
    // osdi-embed fetches its sending code once a widget shows (older builds: when the
    // form gets focus): let it arrive, as it would while a person types.
    if (kind.startsWith("osdi"))
      await page
        .waitForFunction(() => /** @type {any} */ (window).OsdiEmbedParts?.submit, null, {
          timeout: 5000,
        })
        .catch(() => {});
    const isPost = (/** @type {any} */ e) =>
      e.request.method === "POST" && e.request.url.startsWith(helper);
    const posted = new Promise((ok, fail) => {
      const until = Date.now() + 30_000;
      const check = () => {
        const s = sent.find(isPost);
        if (s && received.has(s.requestId)) ok(s);
        else if (Date.now() > until) fail(new Error(`${url}: no POST to the helper`));
        else setTimeout(check, 10);
      };
      check();
    });
    // A real press and release at the button, sent straight to the browser: no
    // harness script runs in the page between the click and the request.
    await cdp.send("Input.dispatchMouseEvent", { type: "mouseMoved", x, y });
    for (const type of /** @type {const} */ (["mousePressed", "mouseReleased"]))
      await cdp.send("Input.dispatchMouseEvent", { type, x, y, button: "left", clickCount: 1 });
    const post = /** @type {any} */ (await posted);
    if (!click) throw new Error("the click was not seen");
    const doc = [...received.values()].find((r) => r.response.url === nav.name);
    const t0 = doc?.response.timing;
    const res = received.get(post.requestId).response;
    /** @type {string[]} */
    let files = [];
    if (listFiles && kind !== "floor") {
      // Give the success path a moment to fetch what it fetches, then list it.
      await page.waitForTimeout(300);
      files = await page.evaluate(() =>
        performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname),
      );
    }
    return {
      url,
      click,
      // Network clock, ms.
      issuedAt: post.timestamp * 1000,
      onWireAt: res.timing ? res.timing.requestTime * 1000 + res.timing.sendStart : null,
      // The page's time 0 on the network clock, by the document's navigation timing.
      docOrigin: t0 ? t0.requestTime * 1000 + t0.sendStart - nav.requestStart : null,
      preflights: sent.filter((e) => e.request.method === "OPTIONS" || e.type === "Preflight")
        .length,
      status: res.status,
      files,
    };
  } finally {
    await page.close();
  }
}

/**
 * The submit's figures on the page's clock, with the main-thread CPU between the
 * click and the request.
 * @param {Awaited<ReturnType<typeof submitOnce>>} r
 * @param {import("./trace.mjs").TraceEvent[]} events
 */
export function submitWithTrace(r, events) {
  const origin = findPage(events, r.url).origin / 1000;
  const clickAt = origin + r.click.ts;
  const issued = r.issuedAt - clickAt;
  return {
    issued,
    onWire: r.onWireAt === null ? null : r.onWireAt - clickAt,
    cpu: cpuBetween(events, r.url, r.click.ts, r.click.ts + issued),
    dispatchDelay: r.click.now - r.click.ts,
    calibrationError: r.docOrigin === null ? null : r.docOrigin - origin,
    preflights: r.preflights,
    status: r.status,
    files: r.files,
  };
}

/**
 * A V8 CPU profile of one load of `url`, with /dist/osdi-embed.js replaced by `code`
 * (a build that is not minified, so functions keep their names). The tab first opens
 * `warm` on the same origin, so the profiler starts in the renderer that will load
 * the page. Sampling every 100 µs.
 * @param {BrowserContext} ctx @param {string} warm @param {string} url @param {string} code
 */
export async function profileLoad(ctx, warm, url, code) {
  const page = await ctx.newPage();
  try {
    await page.route("**/dist/osdi-embed.js", (route) =>
      route.fulfill({ body: code, contentType: "text/javascript; charset=utf-8" }),
    );
    await page.goto(warm, { waitUntil: "load" });
    const cdp = await ctx.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    await page.goto(url, { waitUntil: "load" });
    await settled(cdp);
    const { profile } = await cdp.send("Profiler.stop");
    return profile;
  } finally {
    await page.close();
  }
}
