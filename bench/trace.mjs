// @ts-check
// Reads a Chromium trace of page loads: one page's renderer main-thread tasks, their
// wall time (dur) and the thread's own CPU time (tdur), and whose scripts ran in each.

export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
];

/** @typedef {{ name: string, ph: string, pid: number, tid: number, ts: number, dur?: number, tdur?: number, args?: any }} TraceEvent */
/** @typedef {{ start: number, wall: number, cpu: number, by: Record<string, number>, top: string, owner?: string }} Task */

/** Whose code a script URL is. */
function ownerOf(/** @type {string} */ url) {
  if (/\/dist\/osdi-embed[^/]*\.js/.test(url)) return "osdi";
  return /\/vendor\/|\/assets\/peer\.js/.test(url) ? "peer" : "other";
}
/** Trace events that run a script, with its URL. */
const SCRIPT = new Set(["EvaluateScript", "FunctionCall", "v8.compile", "v8.produceCache"]);

/**
 * The main-thread tasks of the page that loaded `url`, from its navigationStart (the
 * page's time 0) until `until` (ms, page clock): start, wall and CPU (ms), the CPU of the
 * scripts run in each by owner (a script's time includes the style and layout it forced),
 * osdi-embed's biggest script event in it (`top`), and whose it is. endOf(t) is the end
 * of the task running at t: what a script did in a task can be used when the task ends.
 * @param {TraceEvent[]} events @param {string} url @param {number} until
 */
export function analyse(events, url, until) {
  const nav = events.find(
    (e) => e.name === "navigationStart" && e.args?.data?.documentLoaderURL === url,
  );
  if (!nav) throw new Error(`no navigationStart for ${url} in the trace`);
  const ms = (/** @type {number} */ us) => us / 1000;
  const main = events
    .filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === "X" && e.dur)
    .filter((e) => e.ts >= nav.ts && e.ts < nav.ts + until * 1000)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  /** @type {Task[]} */
  const tasks = [];
  let scriptEnd = 0;
  let topCpu = 0;
  for (const e of main) {
    const task = tasks[tasks.length - 1];
    const [start, wall, cpu] = [ms(e.ts - nav.ts), ms(e.dur ?? 0), ms(e.tdur ?? e.dur ?? 0)];
    if (e.name === "RunTask") {
      tasks.push({ start, wall, cpu, by: {}, top: "" });
      scriptEnd = topCpu = 0;
    } else if (task && SCRIPT.has(e.name) && start >= scriptEnd && start < task.start + task.wall) {
      // The outermost script event only: nested ones are inside its time.
      const url = String(e.args?.data?.url ?? e.args?.fileName ?? "");
      const who = ownerOf(url);
      task.by[who] = (task.by[who] ?? 0) + cpu;
      scriptEnd = start + wall;
      const fn = e.args?.data?.functionName;
      if (who === "osdi" && cpu > topCpu) {
        topCpu = cpu;
        task.top = `${e.name} ${url.split("/").pop()}${fn ? ` ${fn}` : ""}`;
      }
    }
  }
  // Whose a task is: the script with most CPU in it, if that ran for over half the task's
  // wall time; else the rest (the browser's own work, or a task held up by the machine).
  for (const t of tasks) {
    const [who, cpu] = Object.entries(t.by).reduce((a, e) => (e[1] > a[1] ? e : a), ["", 0]);
    t.owner = cpu > t.wall / 2 && who !== "other" ? who : "rest";
  }
  return {
    tasks,
    cpu: tasks.reduce((a, t) => a + t.cpu, 0),
    endOf: (/** @type {number} */ t) => {
      const task = tasks.find((k) => k.start <= t && t <= k.start + k.wall);
      return task ? task.start + task.wall : t;
    },
  };
}
