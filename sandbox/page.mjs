// @ts-check
import { actionPath, collectionPath, EXAMPLE_ACTIONS, KINDS, publicPath } from "./paths.mjs";

/** @import { Store } from "./store.mjs" */
/** @import { ActionKind } from "./types.mjs" */

const SHOWN_REQUESTS = 100;

/**
 * Text made safe for HTML text and attribute values.
 * @param {unknown} value
 */
export function escapeHtml(value) {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/**
 * @param {string[]} headings
 * @param {unknown[][]} rows cells are escaped here
 * @param {string} empty
 */
function table(headings, rows, empty) {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const head = headings.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * The page a person keeps open beside the demo: what arrived, what was refused and why.
 * @param {{ store: Store, base: string, rateLimit: number }} input
 */
export function renderPage({ store, base, rateLimit }) {
  const records = [...store.records].reverse().map((r) => {
    const person = store.findPerson(r.personId);
    const name = [person?.given_name, person?.family_name].filter(Boolean).join(" ");
    const email = person?.email_addresses[0]?.address;
    const phone = person?.phone_numbers[0]?.number;
    return [
      r.kind,
      r.actionId,
      name || "(no name)",
      [email, phone].filter(Boolean).join(" / "),
      r.tags.join(", "),
      r.referrer_data?.source ?? "",
      r.created_date,
      r.modified_date + (r.updates > 0 ? ` (${r.updates} repeat${r.updates > 1 ? "s" : ""})` : ""),
      r.background ? "yes" : "no",
    ];
  });
  const people = [...store.people].reverse().map((p) => {
    const name = [p.given_name, p.family_name].filter(Boolean).join(" ");
    const records = store.records.filter((r) => r.personId === p.id).length;
    return [
      name || "(no name)",
      p.email_addresses.map((e) => e.address).join("\n"),
      p.email_addresses.map((e) => e.status).join("\n"),
      p.phone_numbers.map((n) => n.number).join("\n"),
      p.phone_numbers.map((n) => n.status).join("\n"),
      p.tags.join(", "),
      records,
    ];
  });
  const kinds = /** @type {ActionKind[]} */ (Object.keys(KINDS));
  const actions = kinds.flatMap((kind) =>
    store
      .actionsOf(kind)
      .map((a) => [
        a.kind,
        a.title,
        store.recordsOf(a.kind, a.id).length,
        base + actionPath(a.kind, a.id),
        base + publicPath(a.kind, a.slug),
      ]),
  );
  const rejections = [...store.rejections]
    .reverse()
    .map((r) => [
      r.time,
      r.path,
      r.status,
      r.reasons.map((x) => x.message).join("; "),
      r.origin ?? "",
    ]);
  const outbox = [...store.outbox].reverse().map((m) => [m.created_date, m.to, m.subject, m.text]);
  const requests = store.requests
    .slice(-SHOWN_REQUESTS)
    .reverse()
    .map((r) => {
      const q = new URLSearchParams(r.query).toString();
      return [
        r.time,
        r.method,
        r.path + (q ? `?${q}` : ""),
        r.status || "dropped",
        r.origin ?? "",
        r.outcome,
      ];
    });

  const sample = store.records.at(-1);
  const readPath = sample
    ? collectionPath(sample.kind, sample.actionId)
    : `${EXAMPLE_ACTIONS[0]?.path}/signatures`;
  const curl = `curl -H 'OSDI-API-Token: ${store.apiKey}' '${base}${readPath}'`;
  const examples = EXAMPLE_ACTIONS.map(
    (a) => `<li>${escapeHtml(a.kind)}: <code>${escapeHtml(base + a.path)}</code></li>`,
  ).join("");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="3">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Helper sandbox (${escapeHtml(store.records.length)} records)</title>
<style>
body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
td { white-space: pre-wrap; word-break: break-word; }
th { background: #f2f2f2; }
code { background: #f2f2f2; padding: 0 0.2rem; word-break: break-all; }
.empty { color: #666; }
</style>
</head>
<body>
<h1>osdi-embed helper sandbox</h1>
<p>A local stand-in for Action Network's unauthenticated helper endpoints at <code>${escapeHtml(base)}</code>.
Any action id is accepted. Rate limit: ${escapeHtml(rateLimit > 0 ? `${rateLimit} requests per second` : "off")}. This page refreshes every 3 seconds.</p>
<h2>Action URLs for data-osdi-action</h2>
<ul>${examples}</ul>
<h2>Reading back with the API key</h2>
<p>API key: <code>${escapeHtml(store.apiKey)}</code></p>
<p><code>${escapeHtml(curl)}</code></p>
<h2>Actions (${escapeHtml(actions.length)})</h2>
<p>The group's actions, as the keyed API lists them, with their totals.</p>
${table(["kind", "title", "total", "API URL", "public page"], actions, "No actions yet.")}
<h2>Accepted (${escapeHtml(store.records.length)})</h2>
${table(["kind", "action", "person", "email / phone", "tags", "source", "created", "modified", "background"], records, "Nothing accepted yet.")}
<h2>People (${escapeHtml(store.people.length)})</h2>
<p>An email address new to the list is subscribed, whatever the post's <code>status</code> says
(as Action Network does); one that unsubscribed comes back only with <code>status: "subscribed"</code>.
A new phone is unsubscribed from texts unless the post says <code>subscribed</code>.</p>
${table(["person", "email", "email status", "phone", "SMS status", "tags", "records"], people, "Nobody yet.")}
<h2>Rejected (${escapeHtml(store.rejections.length)})</h2>
<p>Each of these got the same <code>200 {}</code> as an accepted post, as Action Network does.</p>
${table(["time", "path", "status", "reasons", "origin"], rejections, "Nothing rejected.")}
<h2>Autoresponse outbox (${escapeHtml(store.outbox.length)})</h2>
${table(["created", "to", "subject", "text"], outbox, "No emails sent.")}
<h2>Recent requests</h2>
${table(["time", "method", "path", "status", "origin", "outcome"], requests, "No requests yet.")}
</body>
</html>
`;
}
