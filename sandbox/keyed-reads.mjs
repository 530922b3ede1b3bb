// @ts-check
// The keyed GETs an organizer's own server makes: the group's petitions, forms and
// events, each action, its signatures (submissions, attendances), and people, as
// HAL+JSON pages of at most 25, filtered by OData.
import { ACTION_FIELDS, EVENT_FIELDS, parseFilter, RECORD_FIELDS } from "./filter.mjs";
import {
  actionResource,
  collectionResource,
  MAX_PER_PAGE,
  personResource,
  recordResource,
} from "./hal.mjs";
import { KINDS } from "./paths.mjs";

/** @import { Context } from "./context.mjs" */
/** @import { Exchange } from "./exchange.mjs" */
/** @import { Filterable, FilterFields } from "./filter.mjs" */
/** @import { HalResource } from "./hal.mjs" */
/** @import { ApiRoute } from "./paths.mjs" */
/** @import { ActionRecord } from "./types.mjs" */

export const HAL = "application/hal+json";

/**
 * Answers a keyed GET (the key has been checked).
 * @param {Context} context
 * @param {Exchange} exchange
 * @param {ApiRoute} route
 */
export function readResource(context, exchange, route) {
  const { store, base } = context;
  exchange.outcome = "read";
  if (route.type === "person") {
    const person = store.findPerson(route.personId);
    if (!person) return exchange.error(404, `No person ${route.personId}`);
    return exchange.json(200, personResource(person, base), {}, HAL);
  }
  if (route.type === "item") {
    const record = store.findRecord(route.collection, route.itemId);
    if (!record || record.kind !== route.kind || record.actionId !== route.actionId) {
      return exchange.error(404, `No ${route.collection} ${route.itemId} on this ${route.kind}`);
    }
    return exchange.json(200, recordResource(record, base), {}, HAL);
  }
  if (route.type === "action") {
    const action = store.action(route.kind, route.actionId);
    if (!action) return exchange.error(404, `No ${route.kind} ${route.actionId}`);
    const total = store.recordsOf(route.kind, route.actionId).length;
    return exchange.json(200, actionResource(action, total, base), {}, HAL);
  }
  if (route.type === "actions") {
    const fields = route.kind === "event" ? EVENT_FIELDS : ACTION_FIELDS;
    const resources = store
      .actionsOf(route.kind)
      .map((action) =>
        actionResource(action, store.recordsOf(action.kind, action.id).length, base),
      );
    return sendPage(context, exchange, `osdi:${KINDS[route.kind].segment}`, resources, fields);
  }
  /** @type {ActionRecord[]} */
  let records;
  if (route.type === "person-collection") {
    if (!store.findPerson(route.personId)) {
      return exchange.error(404, `No person ${route.personId}`);
    }
    records = store.records.filter(
      (r) => r.personId === route.personId && r.collection === route.collection,
    );
  } else {
    // Any id's records answer, none at first: the sandbox takes posts for any id.
    records = store.recordsOf(route.kind, route.actionId);
  }
  const resources = records.map((r) => recordResource(r, base));
  return sendPage(context, exchange, `osdi:${route.collection}`, resources, RECORD_FIELDS);
}

/**
 * One page of a collection, after the filter: `filter` as Action Network documents it,
 * or OData's `$filter`; `per_page` up to 25 (more is quietly 25); `page` from 1. The
 * links carry the filter and per_page, under the names they came with.
 * @param {Context} context
 * @param {Exchange} exchange
 * @param {string} rel
 * @param {HalResource[]} resources
 * @param {FilterFields} fields
 */
function sendPage(context, exchange, rel, resources, fields) {
  const params = exchange.url.searchParams;
  /** @type {{ [key: string]: string }} */
  const keep = {};
  let matching = resources;
  for (const name of ["filter", "$filter"]) {
    const text = params.get(name);
    if (text === null) continue;
    const filter = parseFilter(text, fields);
    if (!filter.ok) return exchange.error(400, filter.error);
    matching = matching.filter((resource) =>
      filter.test(/** @type {Filterable} */ (/** @type {unknown} */ (resource))),
    );
    keep[name] = text;
  }
  const perPageText = params.get("per_page");
  let perPage = MAX_PER_PAGE;
  if (perPageText !== null) {
    const n = Number.parseInt(perPageText, 10);
    // The documented maximum is 25; more is quietly clamped, as the docs imply.
    if (Number.isInteger(n) && n > 0) perPage = Math.min(n, MAX_PER_PAGE);
    keep.per_page = String(perPage);
  }
  const pageNumber = Number.parseInt(params.get("page") ?? "1", 10);
  const page = Number.isInteger(pageNumber) && pageNumber > 0 ? pageNumber : 1;
  const doc = collectionResource({
    base: context.base,
    path: exchange.url.pathname.replace(/\/$/, ""),
    rel,
    resources: matching,
    page,
    perPage,
    keep,
  });
  exchange.json(200, doc, {}, HAL);
}
