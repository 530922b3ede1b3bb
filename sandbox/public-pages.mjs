// @ts-check
// Action Network's web pages, as a browser meets them: /petitions/<slug>, /forms/<slug>,
// /events/<slug> and /event_campaigns/<slug> answer HTML and never a CORS header, so a
// page script that posts there (a widget given the public URL instead of the API URL)
// gets a network error, as it would from actionnetwork.org.
import { escapeHtml } from "./page.mjs";
import { collectionPath, KINDS } from "./paths.mjs";

/** @import { Context } from "./context.mjs" */
/** @import { Exchange } from "./exchange.mjs" */
/** @import { ActionRow, EventLocation } from "./types.mjs" */

const WALL_CLOCK = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  dateStyle: "full",
  timeStyle: "short",
});

/** @type {Record<ActionRow["kind"], { noun: [string, string], verb: string }>} */
const WORDS = {
  petition: { noun: ["signature", "signatures"], verb: "Sign" },
  form: { noun: ["submission", "submissions"], verb: "Fill in" },
  event: { noun: ["RSVP", "RSVPs"], verb: "RSVP for" },
};

/**
 * @param {Context} context
 * @param {Exchange} exchange
 * @param {{ kind: ActionRow["kind"] | null, slug: string, page: boolean }} where
 */
export function handlePublicPage(context, exchange, where) {
  // Web pages: no CORS headers on any answer, preflights included.
  exchange.cors = {};
  exchange.outcome = "web-page";
  const { store } = context;
  const action =
    where.kind && where.page && (exchange.method === "GET" || exchange.method === "HEAD")
      ? store.actionBySlug(where.kind, where.slug)
      : undefined;
  if (!action) return exchange.html(404, notFound(context, exchange, where));
  const total = store.recordsOf(action.kind, action.id).length;
  exchange.html(200, actionPage(context, action, total));
}

/**
 * @param {Context} context
 * @param {ActionRow} action
 * @param {number} total
 */
function actionPage(context, action, total) {
  const words = WORDS[action.kind];
  const helper = context.base + collectionPath(action.kind, action.id);
  // Action Network's dates are the place's clock written with a Z: shown as written.
  const start = action.start_date ? new Date(action.start_date) : undefined;
  const end = action.end_date ? new Date(action.end_date) : undefined;
  const when = start ? (end ? WALL_CLOCK.formatRange(start, end) : WALL_CLOCK.format(start)) : "";
  const where = action.location ? placeOf(action.location) : "";
  return document(
    action.title,
    `<h1>${escapeHtml(action.title)}</h1>
${when ? `<p class="when">${escapeHtml(when)}</p>` : ""}
${where ? `<p class="where">${escapeHtml(where)}</p>` : ""}
${action.description ? `<div class="description">${escapeHtml(textOf(action.description))}</div>` : ""}
<p class="total">${escapeHtml(total.toLocaleString("en-US"))} ${escapeHtml(words.noun[total === 1 ? 0 : 1])}</p>
<p>${escapeHtml(words.verb)} this ${escapeHtml(action.kind)} on Action Network's own form; on your site,
the widget posts to the helper <code>${escapeHtml(helper)}</code>.</p>`,
  );
}

/**
 * @param {Context} context
 * @param {Exchange} exchange
 * @param {{ kind: ActionRow["kind"] | null, slug: string }} where
 */
function notFound(context, exchange, where) {
  const action = where.kind ? context.store.actionBySlug(where.kind, where.slug) : undefined;
  const hint = action
    ? `<p>This is the address of a web page, not an API. This ${escapeHtml(action.kind)}'s helper is
<code>POST ${escapeHtml(context.base + collectionPath(action.kind, action.id))}</code>, and its API URL
(for <code>data-osdi-action</code>) is that without <code>/${escapeHtml(KINDS[action.kind].collection)}</code>.</p>`
    : "<p>No action has this address.</p>";
  return document(
    "Page not found",
    `<h1>Page not found</h1>
<p><code>${escapeHtml(exchange.method)} ${escapeHtml(exchange.url.pathname)}</code> is not a page here.</p>
${hint}`,
  );
}

/**
 * @param {string} title
 * @param {string} body
 */
function document(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - Action Network (sandbox)</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }</style>
</head>
<body>
${body}
<footer><p><small>The osdi-embed helper sandbox's stand-in for a page on actionnetwork.org.</small></p></footer>
</body>
</html>
`;
}

/**
 * A place on one line: venue, street, city, region and postal code.
 * @param {EventLocation} location
 */
export function placeOf(location) {
  const cityLine = [
    location.locality,
    [location.region, location.postal_code].filter(Boolean).join(" "),
  ]
    .filter(Boolean)
    .join(", ");
  return [location.venue, ...(location.address_lines ?? []), cityLine].filter(Boolean).join(", ");
}

/**
 * The text of an HTML description, without its tags.
 * @param {string} html
 */
function textOf(html) {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name) => ENTITIES[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

/** @type {Record<string, string>} */
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };
