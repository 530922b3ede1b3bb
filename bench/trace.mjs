// @ts-check
// Reads a Chromium trace (categories TRACE_CATEGORIES) of one page load: how much
// main-thread CPU the page took and where it went. Trace events carry both wall time
// (ts, dur) and the thread's own CPU time (tdur): on a busy machine wall time
// stretches with whatever else runs, CPU time much less, so the bench reports both.

export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
];

/** Trace event name -> what the time was spent on (self time of that event). */
const KIND = /** @type {Record<string, string>} */ ({
  EvaluateScript: "script",
  "v8.compile": "script",
  "v8.produceCache": "script",
  FunctionCall: "script",
  EventDispatch: "script",
  TimerFire: "script",
  FireAnimationFrame: "script",
  RunMicrotasks: "script",
  BlinkScheduler_PerformMicrotaskCheckpoint: "script",
  MinorGC: "script",
  MajorGC: "script",
  ParseHTML: "html",
  UpdateLayoutTree: "style",
  ParseAuthorStyleSheet: "style",
  Layout: "layout",
  PrePaint: "layout",
  Layerize: "layout",
  UpdateLayer: "layout",
  "IntersectionObserverController::computeIntersections": "layout",
  Paint: "paint",
  Commit: "paint",
});
export const KINDS = ["script", "html", "style", "layout", "paint", "other"];

/**
 * @typedef {{ name: string, ph: string, pid: number, tid: number, ts: number,
 *   dur?: number, tdur?: number, args?: any }} TraceEvent
 */

/**
 * The renderer main thread that loaded `url`, and its time origin (µs, trace clock).
 * @param {TraceEvent[]} events @param {string} url
 */
export function findPage(events, url) {
  const nav = events.find(
    (e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL === url,
  );
  if (!nav) throw new Error(`no navigationStart for ${url} in the trace`);
  return { pid: nav.pid, tid: nav.tid, origin: nav.ts };
}

/**
 * Main-thread tasks of the page from its navigation on: CPU and wall time, the
 * longest task, and self CPU time per kind of work. `until` (ms, page clock) bounds
 * the window; tasks that start before it count whole.
 * @param {TraceEvent[]} events @param {string} url @param {{ until?: number, readyAt?: number }} [o]
 */
export function analyse(events, url, o = {}) {
  const { pid, tid, origin } = findPage(events, url);
  const end = o.until === undefined ? Number.POSITIVE_INFINITY : origin + o.until * 1000;
  const main = events
    .filter(
      (e) =>
        e.pid === pid && e.tid === tid && e.ph === "X" && e.ts >= origin && e.ts < end && e.dur,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = main.filter((e) => e.name === "RunTask");
  const cpu = (/** @type {TraceEvent[]} */ list) => list.reduce((a, e) => a + (e.tdur ?? 0), 0);
  const readyEnd = o.readyAt === undefined ? end : origin + o.readyAt * 1000;
  const longest = tasks.reduce(
    (a, e) => ((e.dur ?? 0) > (a?.dur ?? 0) ? e : a),
    /** @type {TraceEvent | undefined} */ (undefined),
  );
  // Self CPU time by kind: each event's CPU minus its children's.
  /** @type {Record<string, number>} */
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0]));
  /** @type {{ e: TraceEvent, child: number }[]} */
  const stack = [];
  const close = (/** @type {number} */ ts) => {
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.e.ts + (top.e.dur ?? 0) > ts) break;
      stack.pop();
      const self = Math.max(0, (top.e.tdur ?? 0) - top.child);
      byKind[KIND[top.e.name] ?? "other"] += self;
    }
  };
  for (const e of main) {
    if (e.tdur === undefined) continue;
    close(e.ts);
    if (stack.length) stack[stack.length - 1].child += e.tdur;
    stack.push({ e, child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const ms = (/** @type {number} */ us) => us / 1000;
  /**
   * The end (ms, page clock) of the main-thread task that was running at t (ms): what
   * a script did in it can be seen and used once the thread is free, not before.
   */
  const endOf = (/** @type {number} */ t) => {
    const at = origin + t * 1000;
    const task = tasks.find((e) => e.ts <= at && at <= e.ts + (e.dur ?? 0));
    return task ? ms(task.ts + (task.dur ?? 0) - origin) : t;
  };
  return {
    origin,
    endOf,
    /** Main-thread CPU of every task in the window. */
    cpu: ms(cpu(tasks)),
    /** Main-thread CPU of the tasks that started before the forms were ready. */
    cpuToReady: ms(cpu(tasks.filter((e) => e.ts < readyEnd))),
    wall: ms(tasks.reduce((a, e) => a + (e.dur ?? 0), 0)),
    longestWall: ms(longest?.dur ?? 0),
    longestCpu: ms(longest?.tdur ?? 0),
    maxTaskCpu: ms(Math.max(0, ...tasks.map((e) => e.tdur ?? 0))),
    /** Tasks over 50 ms of CPU: long however busy the machine. */
    longCpu: tasks.filter((e) => (e.tdur ?? 0) > 50_000).length,
    /** Tasks over 50 ms of wall time: what a visitor would feel as a stall. */
    longWall: tasks.filter((e) => (e.dur ?? 0) > 50_000).length,
    byKind: Object.fromEntries(Object.entries(byKind).map(([k, v]) => [k, ms(v)])),
  };
}

/**
 * Main-thread CPU between two moments (ms, page clock) on the page that loaded url:
 * the slices of tasks that overlap the window, prorated by how much of each overlaps.
 * @param {TraceEvent[]} events @param {string} url @param {number} from @param {number} to
 */
export function cpuBetween(events, url, from, to) {
  const { pid, tid, origin } = findPage(events, url);
  const a = origin + from * 1000;
  const b = origin + to * 1000;
  let us = 0;
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || e.ph !== "X" || e.name !== "RunTask" || !e.dur) continue;
    const s = Math.max(a, e.ts);
    const f = Math.min(b, e.ts + e.dur);
    if (f > s) us += ((e.tdur ?? 0) * (f - s)) / e.dur;
  }
  return us / 1000;
}
