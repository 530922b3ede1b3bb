// @ts-check
import { actionPath, collectionPath, KINDS, publicPath } from "./paths.mjs";
/** @import { ActionRecord, ActionRow, PersonRow } from "./types.mjs" */

/** @typedef {{ [key: string]: unknown, _links: { [rel: string]: unknown } }} HalResource */

export const MAX_PER_PAGE = 25;

/** Exactly as in every example of the Action Network API v2 general principles. */
export const CURIES = [
  { name: "osdi", href: "https://actionnetwork.org/docs/v2/{rel}", templated: true },
  { name: "action_network", href: "https://actionnetwork.org/docs/v2/{rel}", templated: true },
];

/** @param {string} id */
export const identifier = (id) => `action_network:${id}`;

/** @param {string} id */
export const personPath = (id) => `/api/v2/people/${id}`;

/**
 * @param {ActionRecord} record
 * @param {string} base the sandbox's own origin, e.g. http://127.0.0.1:4010
 * @returns {HalResource}
 */
export function recordResource(record, base) {
  const kind = KINDS[record.kind];
  /** @type {HalResource} */
  const resource = {
    identifiers: [identifier(record.id)],
    created_date: record.created_date,
    modified_date: record.modified_date,
    ...(record.kind === "petition" && record.comments !== undefined
      ? { comments: record.comments }
      : {}),
    ...(record.kind === "event" ? { status: "accepted" } : {}),
    ...(record.referrer_data ? { "action_network:referrer_data": record.referrer_data } : {}),
    "action_network:person_id": record.personId,
    [kind.idField]: record.actionId,
    _links: {
      self: { href: base + recordPath(record) },
      [kind.rel]: { href: base + actionPath(record.kind, record.actionId) },
      "osdi:person": { href: base + personPath(record.personId) },
      curies: CURIES,
    },
  };
  return resource;
}

/** @param {ActionRecord} record */
export function recordPath(record) {
  return `${collectionPath(record.kind, record.actionId)}/${record.id}`;
}

/**
 * @param {PersonRow} person
 * @param {string} base
 * @returns {HalResource}
 */
export function personResource(person, base) {
  const self = base + personPath(person.id);
  return {
    identifiers: [identifier(person.id)],
    created_date: person.created_date,
    modified_date: person.modified_date,
    ...(person.given_name !== undefined ? { given_name: person.given_name } : {}),
    ...(person.family_name !== undefined ? { family_name: person.family_name } : {}),
    email_addresses: person.email_addresses,
    phone_numbers: person.phone_numbers,
    postal_addresses: person.postal_addresses,
    custom_fields: person.custom_fields,
    languages_spoken: person.languages_spoken,
    // Only the links the sandbox can answer; donations, outreaches and taggings are not emulated.
    _links: {
      self: { href: self },
      "osdi:attendances": { href: `${self}/attendances` },
      "osdi:signatures": { href: `${self}/signatures` },
      "osdi:submissions": { href: `${self}/submissions` },
      curies: CURIES,
    },
  };
}

/**
 * An action as a key holder sees it, with its total and its links. Fields the action
 * does not have are left out, as Action Network leaves them out.
 * @param {ActionRow} action
 * @param {number} total its records: signatures, submissions or RSVPs
 * @param {string} base
 * @returns {HalResource}
 */
export function actionResource(action, total, base) {
  const info = KINDS[action.kind];
  const self = base + actionPath(action.kind, action.id);
  const collection = base + collectionPath(action.kind, action.id);
  /** @type {{ [key: string]: unknown }} */
  const resource = {
    identifiers: [identifier(action.id), ...action.identifiers],
    created_date: action.created_date,
    modified_date: action.modified_date,
    origin_system: action.origin_system,
    title: action.title,
  };
  for (const key of OPTIONAL_FIELDS) {
    if (action[key] !== undefined) resource[key] = action[key];
  }
  resource.browser_url = base + publicPath(action.kind, action.slug);
  resource[info.total] = total;
  if (action.kind === "event") {
    resource.status = "confirmed";
    resource.visibility = "public";
  }
  resource["action_network:hidden"] = false;
  return {
    ...resource,
    _links: {
      self: { href: self },
      [`osdi:${info.collection}`]: { href: collection },
      [info.helperRel]: { href: collection },
      curies: CURIES,
    },
  };
}

/** @type {(keyof ActionRow)[]} in the order Action Network's examples give them */
const OPTIONAL_FIELDS = [
  "name",
  "description",
  "petition_text",
  "call_to_action",
  "instructions",
  "start_date",
  "end_date",
  "location",
];

/**
 * @typedef {object} CollectionInput
 * @property {string} base
 * @property {string} path the collection's path, without query
 * @property {string} rel the items' link relation, e.g. osdi:signatures or osdi:petitions
 * @property {HalResource[]} resources every matching resource, unpaged
 * @property {number} page 1-based
 * @property {number} perPage
 * @property {{ [key: string]: string }} keep query parameters that every page link carries (filter, per_page)
 */

/**
 * A page of a collection: counts, self/next/previous links, the items linked and embedded.
 * @param {CollectionInput} input
 */
export function collectionResource(input) {
  const { base, path, rel, resources, page, perPage, keep } = input;
  const totalRecords = resources.length;
  const totalPages = Math.ceil(totalRecords / perPage);
  const items = resources.slice((page - 1) * perPage, page * perPage);
  /** @param {number | null} n */
  const href = (n) => base + path + query(n === null ? keep : { ...keep, page: String(n) });
  /** @type {{ [rel: string]: unknown }} */
  const links = {};
  if (page < totalPages) links.next = { href: href(page + 1) };
  if (page > 1) links.previous = { href: href(Math.min(page - 1, Math.max(totalPages, 1))) };
  links.self = { href: href(page === 1 ? null : page) };
  links[rel] = items.map((item) => ({
    href: /** @type {{ self: { href: string } }} */ (item._links).self.href,
  }));
  links.curies = CURIES;
  return {
    total_pages: totalPages,
    per_page: perPage,
    page,
    total_records: totalRecords,
    _links: links,
    // Embedded items leave the curies to the collection, as in the docs' forms example.
    _embedded: { [rel]: items.map(withoutCuries) },
  };
}

/** @param {HalResource} resource */
function withoutCuries(resource) {
  const { curies: _curies, ...links } = resource._links;
  return { ...resource, _links: links };
}

/** @param {{ [key: string]: string }} params */
function query(params) {
  const parts = Object.entries(params).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`,
  );
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}
