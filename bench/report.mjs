// @ts-check
// Turns the bench's results into docs/benchmarks.md. Everything in tables comes from
// the run; the hand-written analysis is bench/notes.md, included as it stands.

import { existsSync, readFileSync } from "node:fs";
import { CONTENDERS, COUNTS } from "./pages.mjs";
import { KINDS } from "./trace.mjs";

const NAMES = /** @type {Record<string, string>} */ ({
  osdi: "osdi-embed",
  "osdi-unsized": "osdi-embed, fallback not sized",
  floor: "floor: static HTML",
  peer: "peer: jQuery + jquery-osdi",
});

/** Quantile p (0..1) of the numbers, linear between ranks. */
function q(/** @type {number[]} */ xs, /** @type {number} */ p) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const at = (s.length - 1) * p;
  const lo = Math.floor(at);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (at - lo);
}
const med = (/** @type {number[]} */ xs) => q(xs, 0.5);
const max = (/** @type {number[]} */ xs) => Math.max(...xs.filter((x) => Number.isFinite(x)));

/** Milliseconds: one decimal under 100. */
function ms(/** @type {number} */ x) {
  if (!Number.isFinite(x)) return "–";
  return x < 100 ? x.toFixed(1) : x.toFixed(0);
}
/** Median with p10–p90. */
function spread(/** @type {number[]} */ xs) {
  if (!xs.length || !xs.some((x) => Number.isFinite(x))) return "–";
  return `${ms(med(xs))} (${ms(q(xs, 0.1))}–${ms(q(xs, 0.9))})`;
}
function ratio(/** @type {number} */ a, /** @type {number} */ b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return "–";
  const r = a / b;
  return `×${r < 10 ? r.toFixed(1) : r.toFixed(0)}`;
}
const num = (/** @type {number} */ b) => b.toLocaleString("en-US");
const mb = (/** @type {number} */ b) => (b / 1048576).toFixed(2);

/** @param {string[]} head @param {(string | number)[][]} rows */
function table(head, rows) {
  const line = (/** @type {(string | number)[]} */ r) => `| ${r.join(" | ")} |`;
  return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

/** @param {any} r */
export function report(r) {
  const { machine, run, results, bytes, later, bundleVariants, modules, libs, commits } = r;
  const loads = /** @type {Record<string, any[]>} */ (results.loads);
  const col = (/** @type {string} */ page, /** @type {string} */ key) =>
    (loads[page] ?? []).map((x) => x[key]).filter((x) => x !== null && x !== undefined);
  const out = [];
  const onScreenN = med(col("osdi-100", "onScreen"));

  out.push(`# Benchmarks

osdi-embed beside the floor (the same petition form as static HTML, no script) and
the peer (the same hand-written form wired with jQuery 3.7.1 and jquery-osdi 1.0.0),
measured in one run on one machine by \`npm run bench\` (scripts/bench.mjs, bench/).
This file is written by that command; only the section "Analysis and proposals"
is written by hand (bench/notes.md).

- **Date:** ${run.date}
- **Command:** \`${run.command}\` (${run.seconds} s)
- **Code:** commit ${run.commit}${run.dirty ? " plus uncommitted changes in src/" : ""}${run.ref ? " (a clean copy of that commit, built by the bench; the working tree was not measured)" : ""}
- **Machine:** ${machine.cpu}, ${machine.cores} cores, ${(machine.memory / 2 ** 30).toFixed(1)} GiB, ${machine.os}
- **Software:** Node ${machine.node}, Chromium ${machine.chromium} (headless, the launch arguments of playwright.config.ts)
- **Load average** (1, 5, 15 min) before: ${machine.loadBefore.map((/** @type {number} */ x) => x.toFixed(1)).join(", ")}; after: ${machine.loadAfter.map((/** @type {number} */ x) => x.toFixed(1)).join(", ")}.
  ${max(machine.loadBefore) > machine.cores ? `The machine was shared and busy (load above its ${machine.cores} cores), so wall-clock times stretch and vary; the main-thread CPU times (from the trace's thread time) vary much less and are the better guide to what the code costs.` : "The machine was otherwise idle."}

## How it measures

- **Pages** (bench/pages, written by bench/pages.mjs): for 1, 20 and 100 petitions,
  each under the same heading and paragraph. osdi-embed: the organizer's snippet (a
  container with \`data-osdi-*\` and a fallback link, one \`<script defer>\`); its
  fallback has \`min-height: ${results.slotHeight}px\`, the mounted widget's height as measured by the
  bench, so mounting moves nothing. Floor and peer: the same form written by hand with the
  widget's own markup, linking \`osdi-embed.css\` so that all three look alike.
- **Loads:** a new tab per load, HTTP cache warm (one discarded warm-up load of each page,
  then ${run.loads} measured loads of each, round robin). Cold first visits: a new browser
  context per load, ${run.cold} loads of each ${run.coldN}-form page. Scripts and styles are served
  cacheable, pages \`no-store\`, from \`localhost\`; the helper sandbox (rate limit off) is on
  \`127.0.0.1\`, another origin.
- **Forms usable ("ready"):** osdi-embed: the last \`osdi:ready\`; peer: the
  \`peer:wired\` mark that bench/assets/peer.js sets after \`$('form').osdi()\`; floor:
  DOMContentLoaded; each taken at the end of the main-thread task in which it fired (from
  the trace), since a form rendered early in a long task can be neither seen nor used
  until that task ends. Measured from the document's \`responseEnd\` (all three), and from
  the contender's script start, taken without inline script as the later of
  \`domInteractive\` (deferred scripts run right after it) and the script's \`responseEnd\`.
  **On-screen ready:** the same for the widgets in the first viewport (Playwright's
  1280 × 720${onScreenN ? `: the first ${onScreenN} of each page` : ""}; where each container is gets read once the page
  has settled, so the bench forces no layout while it loads); the floor's and the peer's
  forms are all usable at once, so for them it is the same as ready.
- **Main-thread CPU:** the renderer main thread's own CPU time (\`tdur\` of its tasks in a
  Chromium trace) from navigation until ready, and until the page settled (load event,
  two frames, 100 ms; what the bench does after that, such as the forced GC before the
  heap is read, is left out). It includes what every page costs the browser (committing the
  navigation, parsing, style, layout, paint), which is why the floor is not zero.
- **Long tasks:** a \`longtask\` PerformanceObserver (wall time over 50 ms), and the longest
  task of the trace in wall and CPU time. **CLS:** the sum of \`layout-shift\` entries without
  recent input, until settled. **Heap:** \`JSHeapUsedSize\` after a forced GC, once settled.
- **Submit:** on the one-form pages, the fields are filled (focus, value and an input
  event each, as typing does; osdi-embed's sending part, fetched once its first widget
  shows, is let arrive), then a real press and release at the button (CDP
  \`Input.dispatchMouseEvent\`). From the click event's timestamp to the
  helper POST being issued (CDP \`Network.requestWillBeSent\`) and to its bytes leaving on
  the socket (\`sendStart\`, after any CORS preflight). The page clock is mapped onto the
  network clock by the trace's \`navigationStart\`, checked against the document's
  navigation timing (reported in both clocks). The floor's plain form posts \`x-www-form-urlencoded\` as a
  navigation (the helper answers 415: a plain form cannot send JSON).
- **Bytes:** raw, gzip -9 and brotli 11 of the files each page loaded, as served.
  \`bench/assets/bench.css\`, the host page's own style, is the same on every page and left out.
- **In the page:** the bench adds one script before the page's own (Playwright's
  \`addInitScript\`: the observers above and an \`osdi:ready\` counter), the same on all
  three pages; it waits with one CDP call, so no harness code runs while a page loads.
- Medians with p10–p90 in brackets; "× floor" is the median over the floor's median.
`);

  // Bytes
  const pageBytes = (/** @type {string} */ page) => /** @type {any[]} */ (bytes[page] ?? []);
  const pick = (/** @type {any[]} */ files, /** @type {RegExp} */ re) =>
    files.filter((f) => re.test(f.path) && !f.path.startsWith("/assets/bench.css"));
  const sum = (/** @type {any[]} */ files, /** @type {string} */ k) =>
    files.reduce((a, f) => a + f[k], 0);
  const totalGzip = (/** @type {string} */ page) =>
    sum(pick(pageBytes(page), /\.(js|css|html)$/), "gzip");
  out.push(`## Bytes

What each page downloads (N = number of forms), as listed once the page has settled:
osdi-embed's sending code is a part that it fetches by itself once its first widget
shows, so it counts here. "Later" is what osdi-embed fetched only in the submit runs,
after a visitor signed (the after-success part).
`);
  out.push(
    table(
      [
        "contender",
        "scripts at load",
        "JS raw",
        "JS gzip",
        "JS brotli",
        "CSS gzip",
        ...COUNTS.map((n) => `HTML gzip, N=${n}`),
        ...COUNTS.map((n) => `total gzip, N=${n} (× floor)`),
        "later (gzip)",
      ],
      CONTENDERS.map((kind) => {
        const files = pageBytes(`${kind}-1`);
        const js = pick(files, /\.js$/);
        const css = pick(files, /\.css$/);
        const lt = /** @type {any[]} */ (later[kind] ?? []);
        return [
          NAMES[kind],
          js.map((f) => `\`${f.path.replace(/^.*\//, "")}\``).join(", ") || "none",
          num(sum(js, "raw")),
          num(sum(js, "gzip")),
          num(sum(js, "br")),
          num(sum(css, "gzip")),
          ...COUNTS.map((n) => num(sum(pick(pageBytes(`${kind}-${n}`), /\.html$/), "gzip"))),
          ...COUNTS.map(
            (n) =>
              `${num(totalGzip(`${kind}-${n}`))} (${ratio(totalGzip(`${kind}-${n}`), totalGzip(`floor-${n}`))})`,
          ),
          lt.length
            ? lt.map((f) => `\`${f.path.replace(/^.*\//, "")}\` ${num(f.gzip)}`).join(", ")
            : "–",
        ];
      }),
    ),
  );

  // Time
  out.push(`
## Load: time until the forms are usable (warm cache)

"doc → ready" starts at the document's \`responseEnd\`, the same point for all three;
"script → ready" at the contender's first script starting to run; "on-screen ready" is
when the forms in the first viewport are usable. CPU is the main thread's own time to
ready (the last form) and for the whole load.
`);
  const timeRows = [];
  for (const n of COUNTS)
    for (const kind of CONTENDERS) {
      const page = `${kind}-${n}`;
      const floor = `floor-${n}`;
      timeRows.push([
        n,
        NAMES[kind],
        spread(col(page, "docToOnScreen")),
        spread(col(page, "docToReady")),
        ratio(med(col(page, "docToReady")), med(col(floor, "docToReady"))),
        kind === "floor" ? "–" : spread(col(page, "scriptToReady")),
        spread(col(page, "cpuToReady")),
        ratio(med(col(page, "cpuToReady")), med(col(floor, "cpuToReady"))),
        spread(col(page, "cpu")),
        ratio(med(col(page, "cpu")), med(col(floor, "cpu"))),
      ]);
    }
  out.push(
    table(
      [
        "N",
        "contender",
        "doc → on-screen ready, ms",
        "doc → ready, ms",
        "× floor",
        "script → ready, ms",
        "CPU to ready, ms",
        "× floor",
        "CPU, whole load, ms",
        "× floor",
      ],
      timeRows,
    ),
  );

  out.push(`
## Load: long tasks, layout shift, memory (warm cache)

Long tasks as the page's own \`longtask\` observer saw them (wall time, so a busy
machine makes more of them); the longest task in the trace (wall time) and the most
CPU time any one task took: a task whose CPU time is under 50 ms was stretched past
50 ms by other processes, not by its own work.
`);
  const taskRows = [];
  for (const n of COUNTS)
    for (const kind of CONTENDERS) {
      const page = `${kind}-${n}`;
      const lt = (loads[page] ?? []).map((x) => /** @type {[number, number][]} */ (x.longtasks));
      const heap = med(col(page, "heap"));
      taskRows.push([
        n,
        NAMES[kind],
        `${lt.filter((l) => l.length).length} of ${lt.length}`,
        ms(
          max(
            lt
              .flat()
              .map(([, d]) => d)
              .concat([0]),
          ),
        ),
        `${ms(med(col(page, "longestWall")))} / ${ms(max(col(page, "longestWall")))}`,
        `${ms(med(col(page, "maxTaskCpu")))} / ${ms(max(col(page, "maxTaskCpu")))}`,
        `${col(page, "longCpu").filter((x) => x > 0).length} of ${lt.length}`,
        `${med(col(page, "cls")).toFixed(3)} / ${max(col(page, "cls")).toFixed(3)}`,
        mb(heap),
        kind === "floor" ? "–" : `+${mb(heap - med(col(`floor-${n}`, "heap")))}`,
        num(Math.round(med(col(page, "nodes")))),
      ]);
    }
  out.push(
    table(
      [
        "N",
        "contender",
        "loads with a long task (observer)",
        "longest (observer), ms",
        "longest task wall, ms: median / max",
        "most CPU in one task, ms: median / max",
        "loads with a task over 50 ms CPU",
        "CLS median / max",
        "JS heap, MB",
        "heap over floor, MB",
        "DOM nodes",
      ],
      taskRows,
    ),
  );

  // Cold and unsized
  const cold = /** @type {Record<string, any[]>} */ (results.cold);
  const ccol = (/** @type {string} */ page, /** @type {string} */ key) =>
    (cold[page] ?? []).map((x) => x[key]).filter((x) => x !== null && x !== undefined);
  out.push(`
## First visit (cold cache, ${run.coldN} forms) and an unsized fallback

A new browser context for each cold load: nothing cached. osdi-embed's stylesheet
is added by the script and does not block the page's rendering; the widgets wait for
it (3 s at most) before their first render, so that none is seen unstyled. Two rows
hold it back ${run.lateCss} ms on purpose, as a slow network would, and two rows are the same
loads with a bundle whose widgets do not wait for it (the way before; see "What
shipped against the way before" below). The last row is osdi-embed with the warm cache
but no \`min-height\` on its fallback.
`);
  const floorCold = med(ccol(`floor-${run.coldN}`, "docToReady"));
  const coldRow = (
    /** @type {string} */ label,
    /** @type {(page: string, key: string) => any[]} */ get,
    /** @type {string} */ page,
    /** @type {boolean} */ vsFloor,
  ) => [
    label,
    spread(get(page, "docToOnScreen")),
    spread(get(page, "docToReady")),
    vsFloor ? ratio(med(get(page, "docToReady")), floorCold) : "–",
    spread(get(page, "cpuToReady")),
    `${med(get(page, "cls")).toFixed(3)} / ${max(get(page, "cls")).toFixed(3)}`,
    `${get(page, "cls").filter((x) => x > 0).length} of ${get(page, "cls").length}`,
    `${get(page, "fcpBeforeReady").filter(Boolean).length} of ${get(page, "fcpBeforeReady").length}`,
  ];
  /** @type {(string | number)[][]} */
  const coldRows = CONTENDERS.map((kind) =>
    coldRow(`${NAMES[kind]}, cold`, ccol, `${kind}-${run.coldN}`, true),
  );
  for (const [page, label] of [
    [`osdi-no-css-wait-${run.coldN}`, `${NAMES.osdi}, cold, no stylesheet wait`],
    [`osdi-late-css-${run.coldN}`, `${NAMES.osdi}, cold, its stylesheet ${run.lateCss} ms late`],
    [
      `osdi-late-css-no-css-wait-${run.coldN}`,
      `${NAMES.osdi}, cold, its stylesheet ${run.lateCss} ms late, no stylesheet wait`,
    ],
  ])
    if (cold[page]) coldRows.push(coldRow(label, ccol, page, true));
  for (const page of Object.keys(loads).filter((p) => p.startsWith("osdi-unsized")))
    coldRows.push(
      coldRow(`${NAMES["osdi-unsized"]}, warm, N=${page.split("-").pop()}`, col, page, false),
    );
  out.push(
    table(
      [
        "page",
        "doc → on-screen ready, ms",
        "doc → ready, ms",
        "× floor (cold)",
        "CPU to ready, ms",
        "CLS median / max",
        "loads with a shift",
        "first paint before ready",
      ],
      coldRows,
    ),
  );

  // Submit
  const sub = /** @type {Record<string, any[]>} */ (results.submit);
  const scol = (/** @type {string} */ kind, /** @type {string} */ key) =>
    (sub[kind] ?? []).map((x) => x[key]).filter((x) => x !== null && x !== undefined);
  out.push(`
## Submit: from the click to the request leaving the page

One form per page, fields filled, cache warm, ${run.submits} submits each. osdi-embed's sending
code is a part fetched once the first widget shows, so by the click it is there.
`);
  out.push(
    table(
      [
        "contender",
        "click → request issued, ms",
        "× floor",
        "click → on the wire, ms",
        "× floor",
        "main-thread CPU in between, ms",
        "preflights seen",
        "helper answered",
      ],
      CONTENDERS.map((kind) => [
        NAMES[kind],
        spread(scol(kind, "issued")),
        ratio(med(scol(kind, "issued")), med(scol("floor", "issued"))),
        spread(scol(kind, "onWire")),
        ratio(med(scol(kind, "onWire")), med(scol("floor", "onWire"))),
        spread(scol(kind, "cpu")),
        String(scol(kind, "preflights").reduce((a, b) => a + b, 0)),
        [...new Set(scol(kind, "status"))].join(", "),
      ]),
    ),
  );
  const calib = CONTENDERS.flatMap((k) => scol(k, "calibrationError")).map(Math.abs);
  if (calib.length)
    out.push(
      `\nClock mapping check: the document's navigation timing put the page's time 0 within ${ms(med(calib))} ms (median; max ${ms(max(calib))} ms) of the trace's \`navigationStart\`.`,
    );

  // Where the milliseconds go
  out.push(`
## Where the milliseconds go

Main-thread CPU of the whole load by kind of work (self time of the trace's events,
median over the warm loads, ms). "other" is work the trace does not break down:
committing the navigation, creating the page's script context, running the bench's
own observers, IPC. It is about the same for every page.
`);
  const kindRows = [];
  for (const n of [1, 100])
    for (const kind of CONTENDERS) {
      const page = `${kind}-${n}`;
      const by = (loads[page] ?? []).map((x) => x.byKind);
      kindRows.push([
        n,
        NAMES[kind],
        ...KINDS.map((k) => ms(med(by.map((b) => b[k])))),
        ms(med(col(page, "cpu"))),
      ]);
    }
  out.push(table(["N", "contender", ...KINDS, "total"], kindRows));

  const profiles = /** @type {Record<string, any>} */ (results.profiles ?? {});
  for (const n of ["100", "1"]) {
    const prof = profiles[n];
    if (!prof) continue;
    const rows = n === "1" ? 8 : 12;
    out.push(`
### CPU profile: osdi-embed, ${n} widget${n === "1" ? "" : "s"}

The mean of ${prof.loads ?? 1} loads (after one left out) with a build that is not minified (same code, readable names, modules from
its source map; Preact's and signals-core's minified names are given back from their
own source maps), sampled every 100 µs by V8: ${ms(prof.bundle)} ms in the bundle's functions
(a DOM call counts towards the function that made it). "(program)" is the browser's own
work outside JavaScript (parsing, style, layout, paint) over the whole recording.
`);
    out.push(
      table(
        ["module", "self, ms", "share of bundle time"],
        prof.modules
          .slice(0, rows)
          .map((/** @type {any} */ m) => [
            `\`${m.module}\``,
            ms(m.self),
            `${((100 * m.self) / prof.bundle).toFixed(0)} %`,
          ]),
      ),
    );
    out.push("\nFunctions with the most time of their own:\n");
    out.push(
      table(
        ["function", "where", "self, ms", "with callees, ms"],
        prof.topSelf
          .slice(0, rows)
          .map((/** @type {any} */ f) => [`\`${f.name}\``, f.where, ms(f.self), ms(f.total)]),
      ),
    );
    out.push("\nThe bundle's functions with the most time including their callees:\n");
    out.push(
      table(
        ["function", "where", "with callees, ms", "self, ms"],
        prof.topTotal
          .slice(0, rows)
          .map((/** @type {any} */ f) => [`\`${f.name}\``, f.where, ms(f.total), ms(f.self)]),
      ),
    );
  }

  const vars = /** @type {Record<string, any[]> | undefined} */ (results.variants);
  const info = results.variantInfo;
  if (vars && info) {
    const vcol = (/** @type {string} */ key, /** @type {string} */ k) =>
      (vars[key] ?? []).map((x) => x[k]).filter((x) => x !== null && x !== undefined);
    const counts = [...new Set(Object.keys(vars).map((k) => Number(k.split("-").pop())))].sort(
      (a, b) => a - b,
    );
    const list = /** @type {{ slug: string, label: string, note: string }[]} */ (info.list);
    const loaded = list.filter((v) => counts.some((n) => vars[`${v.slug}-${n}`]));
    const perLoad = (/** @type {number[]} */ xs) =>
      xs.length ? `${ms(med(xs)).replace(/\.0$/, "")} / ${max(xs)}` : "–";
    out.push(`
## What shipped against the way before

The script mounts in slices of at most 8 ms (the first at once), the containers on
or near the screen first (dcc33a8; the slices hold since f65eaf6); widgets wait for
\`osdi-embed.css\` before their first render; the outbox is checked after the load
event, when the browser is idle; and a submit's state, status and errors are set in one
\`batch()\`. Each row below is the measured
src/ (commit ${run.commit}) with a piece of that undone by a small text patch
(bench/variants.mjs), built as dist/ is${info.same ? " (the unpatched build is byte for byte the dist/ measured above)" : " (note: the unpatched build differs from the dist/ measured above: src/ changed during the run)"},
and served from a folder of its own exactly as dist/ is: cache warm, round robin,
${vars[`shipped-${counts[0]}`]?.length ?? 0} loads of each page after one left out. Compare the rows with each other: they ran
side by side, later than the tables above.

${loaded.map((v) => `- **${v.label}:** ${v.note}.`).join("\n")}

"Tasks over 50 ms" counts the trace's tasks per load, by wall time and by the
thread's own CPU time (median / max over the loads); the observer column counts loads
in which the page's \`longtask\` observer saw any.
`);
    out.push(
      table(
        [
          "N",
          "bundle",
          "doc → on-screen ready, ms",
          "doc → last ready, ms",
          "CPU to last ready, ms",
          "CPU, whole load, ms",
          "most CPU in one task, ms: median / max",
          "longest task wall, ms: median / max",
          "tasks over 50 ms wall, per load",
          "tasks over 50 ms CPU, per load",
          "loads with a long task (observer)",
        ],
        counts.flatMap((n) =>
          loaded
            .filter((v) => vars[`${v.slug}-${n}`])
            .map((v) => {
              const key = `${v.slug}-${n}`;
              return [
                n,
                v.label,
                spread(vcol(key, "docToOnScreen")),
                spread(vcol(key, "docToReady")),
                spread(vcol(key, "cpuToReady")),
                spread(vcol(key, "cpu")),
                `${ms(med(vcol(key, "maxTaskCpu")))} / ${ms(max(vcol(key, "maxTaskCpu")))}`,
                `${ms(med(vcol(key, "longestWall")))} / ${ms(max(vcol(key, "longestWall")))}`,
                perLoad(vcol(key, "longWall")),
                perLoad(vcol(key, "longCpu")),
                `${vcol(key, "longtasks").filter((l) => l.length).length} of ${vcol(key, "longtasks").length}`,
              ];
            }),
        ),
      ),
    );
    const vsub = /** @type {Record<string, any[]>} */ (results.variantSubmit ?? {});
    const vs = (/** @type {string} */ slug, /** @type {string} */ k) =>
      (vsub[slug] ?? []).map((x) => x[k]).filter((x) => x !== null && x !== undefined);
    if (vsub.shipped?.length) {
      out.push(`
The submit with and without \`batch()\` (one form, cache warm, ${vsub.shipped.length} submits each after
one left out, measured as in "Submit" above):
`);
      out.push(
        table(
          ["bundle", "click → request issued, ms", "click → on the wire, ms", "CPU in between, ms"],
          list
            .filter((v) => vsub[v.slug])
            .map((v) => [
              v.label,
              spread(vs(v.slug, "issued")),
              spread(vs(v.slug, "onWire")),
              spread(vs(v.slug, "cpu")),
            ]),
        ),
      );
    }
  }

  // Where the bytes go
  const rebuilt = bundleVariants.find((/** @type {any} */ v) => v.name === "as shipped");
  // The file the pages loaded (dist/ as built at the start of the run), else the rebuild.
  const file = r.dist ?? rebuilt;
  out.push(`
## Where the bytes go

\`dist/osdi-embed.js\` as this run built and served it: ${file ? `${num(file.raw)} B raw, **${num(file.gzip)} B gzip -9** (budget 12,288), ${num(file.br)} B brotli` : "–"}.

Per source module, each module's code minified and gzipped on its own; the share is
of the sum of those, which is larger than the bundle because gzip shares context.
`);
  out.push(
    table(
      ["module", "tree-shaken, B", "minified alone, B", "gzip alone, B", "share"],
      modules.map((/** @type {any} */ m) => [
        `\`${m.module}\``,
        num(m.rendered),
        num(m.min),
        num(m.gzip),
        `${(100 * m.share).toFixed(0)} %`,
      ]),
    ),
  );
  out.push("\nThe libraries alone, bundled and minified the same way:\n");
  out.push(
    table(
      ["what", "raw, B", "gzip -9, B", "brotli, B"],
      libs.map((/** @type {any} */ l) => [l.name, num(l.raw), num(l.gzip), num(l.br)]),
    ),
  );
  out.push("\nThe same source built other ways:\n");
  out.push(
    table(
      ["build", "how", "raw, B", "gzip -9, B", "vs shipped", "brotli, B"],
      bundleVariants.map((/** @type {any} */ v) => [
        v.name,
        v.note,
        num(v.raw),
        num(v.gzip),
        rebuilt ? `${v.gzip - rebuilt.gzip >= 0 ? "+" : ""}${v.gzip - rebuilt.gzip}` : "–",
        num(v.br),
      ]),
    ),
  );

  // History
  out.push(`
## What we tried and what it bought

\`dist/osdi-embed.js\` at every commit that changed src/, the build or the
dependencies, each built in a clean copy of that commit (bench/history.json keeps
the sizes; they are deterministic). "parts" is what loads beside it only when a page
needs it. Measured, not quoted from commit messages.
`);
  /** @type {(string | number)[][]} */
  const histRows = [];
  /** @type {number | undefined} */
  let prev;
  for (const c of commits) {
    if (c.error) {
      histRows.push([c.hash, c.subject, "–", "–", "–", c.error]);
      continue;
    }
    histRows.push([
      `\`${c.hash}\``,
      c.subject.length > 110 ? `${c.subject.slice(0, 107)}…` : c.subject,
      `Preact ${c.preact}`,
      num(c.gzip),
      prev === undefined ? "" : `${c.gzip - prev >= 0 ? "+" : ""}${c.gzip - prev}`,
      c.parts ? `${c.parts} (${num(c.partsGzip)} B gzip)` : "–",
    ]);
    prev = c.gzip;
  }
  if (file)
    histRows.push([
      "this run",
      run.dirty ? "working tree (uncommitted changes)" : run.ref ? `commit ${run.commit}` : "HEAD",
      "",
      num(file.gzip),
      prev === undefined ? "" : `${file.gzip - prev >= 0 ? "+" : ""}${file.gzip - prev}`,
      "",
    ]);
  out.push(table(["commit", "change", "", "main gzip -9, B", "Δ", "parts"], histRows));

  const notes = existsSync("bench/notes.md") ? readFileSync("bench/notes.md", "utf8").trim() : "";
  if (notes) out.push(`\n${notes}\n`);
  return `${out.join("\n")}\n`;
}
