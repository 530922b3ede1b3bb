// @ts-check
// Turns the bench's results into docs/benchmarks.md. Every number comes from the run;
// bench/notes.md (written by hand) is added at the end as it stands.

import { existsSync, readFileSync } from "node:fs";
import { CONTENDERS, WIDGETS } from "./pages.mjs";

/** @type {Record<string, string>} */
const NAMES = {
  osdi: "osdi-embed",
  html: "osdi-embed, the form in the HTML",
  floor: "floor: static HTML",
  peer: "peer: jQuery + jquery-osdi",
};

/** Quantile p (0..1), linear between ranks. */
function q(/** @type {number[]} */ xs, /** @type {number} */ p) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const at = (s.length - 1) * p;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
}
const med = (/** @type {number[]} */ xs) => q(xs, 0.5);
const max = (/** @type {number[]} */ xs) => (xs.length ? Math.max(...xs) : Number.NaN);
const ms = (/** @type {number} */ x) =>
  !Number.isFinite(x) ? "–" : x < 100 ? x.toFixed(1) : x.toFixed(0);
/** Median with p10–p90. */
const spread = (/** @type {number[]} */ xs) =>
  xs.some(Number.isFinite) ? `${ms(med(xs))} (${ms(q(xs, 0.1))}–${ms(q(xs, 0.9))})` : "–";
const ratio = (/** @type {number} */ a, /** @type {number} */ b) =>
  Number.isFinite(a / b) && b > 0 ? `×${(a / b).toFixed(a / b < 10 ? 1 : 0)}` : "–";
const num = (/** @type {number} */ b) => b.toLocaleString("en-US");
const cls = (/** @type {number} */ x) => (x === 0 ? "0" : x.toFixed(3));
/** A Markdown table; head is the column names joined by " | ". */
function table(/** @type {string} */ head, /** @type {(string | number)[][]} */ rows) {
  const line = (/** @type {(string | number)[]} */ r) => `| ${r.join(" | ")} |`;
  const cols = head.split(" | ");
  return `${[line(cols), line(cols.map(() => "---")), ...rows.map(line)].join("\n")}\n`;
}
/** @typedef {import("./trace.mjs").Task} Task */

/** What the pages printed to the console (warnings and errors), with how many loads did. */
function consoleLine(/** @type {Record<string, number> | undefined} */ warnings) {
  if (!warnings) return "not recorded in this run";
  const list = Object.entries(warnings);
  if (!list.length) return "no warning or error on any page";
  return list.map(([w, times]) => `${times} loads: \`${w.replace(/\s+/g, " ")}\``).join("; ");
}

/** The most CPU of osdi-embed's script in one task over these loads, and what it ran. */
function biggest(/** @type {any[]} */ loads) {
  const l = loads.reduce((a, l) => (l.ours > a.ours ? l : a), { ours: 0, oursTop: "" });
  return l.oursTop ? `${ms(l.ours)} (\`${l.oursTop}\`)` : "0";
}

/** @param {{ run: any, results: Record<string, any>, bytes: Record<string, any[]> }} r */
export function report({ run, results, bytes }) {
  const avg = (/** @type {number[]} */ l) => l.map((x) => x.toFixed(1)).join(", ");
  const out = [
    `# Benchmarks

What visitors and organizers feel from osdi-embed, as the README's snippet and as the
form in the HTML (osdi-embed/server's markup, brought to life by the same script), beside
the floor (the same petition form as static HTML with the base stylesheet linked, no
script) and the peer (the same hand-written form wired with jQuery and jquery-osdi), on
the same host pages, in one run of \`npm run bench\` (scripts/bench.mjs, bench/). The
command writes this file; the notes at the end are bench/notes.md, written by hand.

- **Date:** ${run.date}
- **Command:** \`${run.command}\` (${run.seconds} s)
- **Code:** commit ${run.commit}, ${run.changed ? `working tree dirty (${run.changed} changed files, ${run.changedSrc} in src/), measured as it was` : "working tree clean"}
- **Machine:** ${run.cpu}, ${run.cores} cores, ${(run.memory / 2 ** 30).toFixed(1)} GiB, ${run.os};
  load average (1, 5, 15 min) before ${avg(run.loadBefore)}, after ${avg(run.loadAfter)}${run.loadBefore[0] > run.cores ? `: busy before the run (above its ${run.cores} cores), so wall times stretch; main-thread CPU less so` : ""}
- **Software:** Node ${run.node}, Chromium ${run.chromium} headless (launch arguments of playwright.config.ts)
- **Console:** ${consoleLine(run.warnings)}

## How it measures

- **Pages** (bench/pages.mjs): 1, 20 or 100 petitions under the same headings. osdi-embed:
  the README's snippet (a container with \`data-osdi-*\` and a fallback link, one
  \`<script src=".../osdi-embed.js" defer>\`), the container's \`min-height\` the widget's
  height, as the README advises (measured first: ${Object.entries(run.heights)
    .map(([w, h]) => `${h} px at ${w} px wide`)
    .join(", ")}).
  The form in the HTML: the same attributes and script, the container rendered with the
  widget's markup inside by the measured build's \`osdi-embed/server\` (\`renderContainer\`,
  with the sandbox's own origin, so that the stamp matches: a page whose script drew a
  form afresh, saying "data-osdi-rendered", stops the run), no \`min-height\`.
  Floor and peer: the same form by hand in the widget's markup. Every page links
  \`osdi-embed.css\` in \`<head>\`.
- **Serving:** pages from \`localhost\` (\`no-store\`), scripts and styles cacheable, all gzip
  -9; the helper sandbox on \`127.0.0.1\` (another origin, rate limit off). A new tab per load.
- **Visible and typeable:** for a form that is in the page's HTML (the floor's, the form
  in the HTML), the first contentful paint (\`paint\` entry); for the forms the script
  draws (the snippet's), the frame after the last \`osdi:ready\` (the same as ready to
  send: they appear ready); the peer's as its ready to send (its form is in the HTML too,
  but the bench has always timed it by its mark).
- **Ready to send:** the forms on screen and wired to the helper: the frame after
  osdi-embed's last \`osdi:ready\` (drawn or brought to life), after the peer's
  \`peer:wired\` mark (bench/assets/peer.js, after \`.osdi()\`), and after the floor's
  DOMContentLoaded and stylesheets (render-blocking: its form shows with them), each taken
  in the page (\`requestAnimationFrame\`). Both times from the start of the navigation
  (what a visitor who followed a link waits) and from the document's \`responseEnd\` (what
  the page's own files cost). On-screen: ready to send for the widgets in the first
  viewport (the floor's and peer's forms are usable at once).
- **Main-thread CPU:** the renderer main thread's CPU time in a Chromium trace (one per round
  of loads), from navigation until settled (load event, two frames, 100 ms). A profile whose
  CPU is slowed goes without a trace (it would slow the page as much again): "–" there.
- **Long tasks:** the page's \`longtask\` observer, and the trace's tasks over 50 ms of wall
  time: osdi-embed's (or the peer's) when its script ran for over half the task (CPU time,
  with the style and layout it forced), else the rest: the browser's own parsing, style,
  layout and paint, or a task held up by other work on the machine.
- **CLS:** \`layout-shift\` entries without recent input, summed until settled. **Heap:**
  \`Runtime.getHeapUsage\` after \`HeapProfiler.collectGarbage\`, once settled.
- **Click to request:** the one-form page's fields filled, then a real press and release at
  the button (CDP \`Input.dispatchMouseEvent\`); from the click event's timestamp to the
  helper POST being issued (CDP \`Network.requestWillBeSent\`), the clocks matched by the
  document's request timing. The floor's plain form posts as a navigation.
- Medians with p10–p90 in brackets; "× floor" is a median over the floor's median.

## Bytes at load

The files each page loaded, raw, gzip -9 and brotli 11 of each as served, summed
(bench.css, the host page's own style, is on every page).

`,
  ];
  const sum = (/** @type {string} */ page, /** @type {"raw" | "gzip" | "br"} */ k, js = false) =>
    (bytes[page] ?? []).reduce((a, f) => a + (!js || f.path.endsWith(".js") ? f[k] : 0), 0);
  const counts = [...new Set(Object.keys(bytes).map((k) => Number(k.split("-")[1])))];
  const files = (/** @type {string} */ page) =>
    (bytes[page] ?? []).map((f) => `\`${f.path.split("/").pop()}\``).join(", ");
  out.push(
    table(
      "N | contender | files | raw, B | gzip, B | brotli, B | gzip × floor | of it scripts, gzip, B",
      counts
        .sort((a, b) => a - b)
        .flatMap((n) =>
          CONTENDERS.map((kind) => {
            const page = `${kind}-${n}`;
            const [raw, gzip, br] = [sum(page, "raw"), sum(page, "gzip"), sum(page, "br")];
            const x = ratio(gzip, sum(`floor-${n}`, "gzip"));
            const js = sum(page, "gzip", true);
            return [n, NAMES[kind], files(page), ...[raw, gzip, br].map(num), x, num(js)];
          }),
        ),
    ),
  );

  for (const { profile: p, loads: all, submits } of Object.values(results)) {
    const loads = /** @type {Record<string, any[]>} */ (all);
    const col = (/** @type {string} */ page, /** @type {(l: any) => any} */ f) =>
      /** @type {number[]} */ ((loads[page] ?? []).map(f).filter((x) => x !== null));
    const rows = (/** @type {(page: string, n: number) => (string | number)[]} */ f) =>
      p.counts.flatMap((/** @type {number} */ n) =>
        CONTENDERS.map((kind) => [n, NAMES[kind], ...f(`${kind}-${n}`, n)]),
      );
    const vsFloor = (
      /** @type {string} */ page,
      /** @type {number} */ n,
      /** @type {string} */ k,
    ) => ratio(med(col(page, (l) => l[k])), med(col(`floor-${n}`, (l) => l[k])));
    out.push(`
## ${p.label}

${p.about[0].toUpperCase()}${p.about.slice(1)}; ${p.loads} loads of each page, round robin.

### Visible and typeable

`);
    out.push(
      table(
        "N | contender | navigation → visible, ms | × floor | doc → visible, ms | × floor",
        rows((page, n) => [
          spread(col(page, (l) => l.visibleFromStart ?? Number.NaN)),
          vsFloor(page, n, "visibleFromStart"),
          spread(col(page, (l) => l.visible ?? Number.NaN)),
          vsFloor(page, n, "visible"),
        ]),
      ),
    );
    out.push(`
### Ready to send

`);
    const usable =
      "N | contender | navigation → ready, ms | × floor | doc → ready, ms | × floor | doc → on-screen ready, ms | main-thread CPU, ms | × floor";
    out.push(
      table(
        usable,
        rows((page, n) => [
          spread(col(page, (l) => l.fromStart)),
          vsFloor(page, n, "fromStart"),
          spread(col(page, (l) => l.ready)),
          vsFloor(page, n, "ready"),
          spread(col(page, (l) => l.onScreen ?? l.ready)),
          spread(col(page, (l) => l.cpu)),
          vsFloor(page, n, "cpu"),
        ]),
      ),
    );
    /** @type {[string, Task][]} osdi-embed's long tasks, by page */
    const ours = [];
    out.push(`
### Long tasks, layout shift, memory

${
  p.trace
    ? `Long tasks: the trace's tasks over 50 ms of wall time in all ${p.loads} loads, by whose
they are (one long in wall time but short in CPU was held up by other work on the
machine). "Most osdi-embed script in one task": the most CPU it took in any one task.`
    : `Long tasks: the page's own \`longtask\` observer (no trace here, so no CPU time and no
telling whose each one is: "–").`
}

`);
    const tasks =
      "N | contender | longtask entries per load: median / max | longest task, wall ms: median / max | its CPU, ms: median | long tasks: osdi-embed's / peer's / the rest | most osdi-embed script in one task, ms (what ran) | CLS: median / max | JS heap, MB: median";
    out.push(
      table(
        tasks,
        rows((page) => {
          const observed = col(page, (l) => l.observed.length);
          const long = /** @type {Task[]} */ ((loads[page] ?? []).flatMap((l) => l.long));
          const of = (/** @type {string} */ who) => long.filter((t) => t.owner === who);
          ours.push(...of("osdi").map((t) => /** @type {[string, Task]} */ ([page, t])));
          const wall = col(page, (l) => l.longestWall);
          const shifts = col(page, (l) => l.cls);
          return [
            `${med(observed)} / ${max(observed)}`,
            `${ms(med(wall))} / ${ms(max(wall))}`,
            ms(med(col(page, (l) => l.longestCpu))),
            p.trace ? `${of("osdi").length} / ${of("peer").length} / ${of("rest").length}` : "–",
            WIDGETS.some((kind) => page.startsWith(`${kind}-`)) && p.trace
              ? biggest(loads[page] ?? [])
              : "–",
            `${cls(med(shifts))} / ${cls(max(shifts))}`,
            (med(col(page, (l) => l.heap)) / 2 ** 20).toFixed(2),
          ];
        }),
      ),
    );
    /** @type {Record<string, Task[]>} */
    const byTop = {};
    for (const [page, t] of ours) {
      const key = `${page}.html: \`${t.top}\``;
      byTop[key] = [...(byTop[key] ?? []), t];
    }
    const range = (/** @type {number[]} */ l) =>
      [...new Set([Math.min(...l), max(l)].map(ms))].join("–");
    const what = Object.entries(byTop).map(
      ([top, l]) =>
        `${l.length} × ${top} (${range(l.map((t) => t.wall))} ms wall, ${range(l.map((t) => t.cpu))} ms CPU, of it osdi-embed's script ${range(l.map((t) => t.by.osdi))} ms)`,
    );
    if (what.length)
      out.push(
        `\nosdi-embed's long tasks, by the script event that took most of each: ${what.join("; ")}.\n`,
      );
    if (Object.keys(submits).length) {
      out.push(`
### Click to request

The one-form page, ${p.submits} submits of each after one left out${p.cold ? ", each in a new context" : ""}.

`);
      const s = /** @type {Record<string, number[]>} */ (submits);
      out.push(
        table(
          "contender | click → POST issued, ms | × floor",
          CONTENDERS.map((k) => [
            NAMES[k],
            spread(s[k] ?? []),
            ratio(med(s[k] ?? []), med(s.floor ?? [])),
          ]),
        ),
      );
    }
  }

  out.push(`
## How to reproduce

\`\`\`sh
npm install                     # jquery and jquery-osdi are devDependencies
npm run bench                   # build, measure, write this file (${Math.round(run.seconds / 60)} min here)
npm run bench -- --no-build     # measure dist/ as it is
npm run bench -- --profile desktop --quick   # one profile, 2 loads a page: a quick look
npm run bench -- --report-only  # this file again from .bench/results.json
\`\`\`

The profiles are in bench/profiles.mjs; pages go to bench/pages/, raw results to
.bench/results.json (both git-ignored). Chromium is Debian's at /usr/lib/chromium/chromium,
or \`CHROMIUM_PATH\`.
`);
  if (existsSync("bench/notes.md"))
    out.push(`\n${readFileSync("bench/notes.md", "utf8").trim()}\n`);
  return out.join("");
}
