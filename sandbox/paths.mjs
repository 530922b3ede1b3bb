// @ts-check
/** @import { ActionKind, CollectionName } from "./types.mjs" */

const ID = "([A-Za-z0-9-]+)";

/**
 * @typedef {{ type: "actions", kind: ActionKind }} ActionsRoute the group's petitions, forms or events
 * @typedef {{ type: "action", kind: ActionKind, actionId: string, eventCampaignId?: string }} ActionRoute
 * @typedef {{ type: "collection", kind: ActionKind, collection: CollectionName, actionId: string, eventCampaignId?: string }} CollectionRoute
 * @typedef {{ type: "item", kind: ActionKind, collection: CollectionName, actionId: string, eventCampaignId?: string, itemId: string }} ItemRoute
 * @typedef {{ type: "person", personId: string }} PersonRoute
 * @typedef {{ type: "person-collection", personId: string, collection: CollectionName }} PersonCollectionRoute
 * @typedef {ActionsRoute | ActionRoute | CollectionRoute | ItemRoute | PersonRoute | PersonCollectionRoute} ApiRoute
 */

/** @type {{ re: RegExp, kind: ActionKind, collection: CollectionName, campaign: boolean }[]} */
const ACTION_ROUTES = [
  {
    re: new RegExp(`^/api/v2/petitions/${ID}(/signatures(?:/${ID})?)?$`),
    kind: "petition",
    collection: "signatures",
    campaign: false,
  },
  {
    re: new RegExp(`^/api/v2/forms/${ID}(/submissions(?:/${ID})?)?$`),
    kind: "form",
    collection: "submissions",
    campaign: false,
  },
  {
    re: new RegExp(`^/api/v2/events/${ID}(/attendances(?:/${ID})?)?$`),
    kind: "event",
    collection: "attendances",
    campaign: false,
  },
  {
    re: new RegExp(`^/api/v2/event_campaigns/${ID}/events/${ID}(/attendances(?:/${ID})?)?$`),
    kind: "event",
    collection: "attendances",
    campaign: true,
  },
];

const PERSON_RE = new RegExp(`^/api/v2/people/${ID}(?:/(signatures|submissions|attendances))?$`);
const ACTIONS_RE = /^\/api\/v2\/(petitions|forms|events)$/;
// Action Network's web pages: an action's public page and anything under it.
const PUBLIC_RE = /^\/(petitions|forms|events|event_campaigns)\/([^/]+)(\/.*)?$/;

/** @type {Record<ActionKind, { collection: CollectionName, segment: string, rel: string, idField: string, helperRel: string, total: string }>} */
export const KINDS = {
  petition: {
    collection: "signatures",
    segment: "petitions",
    rel: "osdi:petition",
    idField: "action_network:petition_id",
    helperRel: "osdi:record_signature_helper",
    total: "total_signatures",
  },
  form: {
    collection: "submissions",
    segment: "forms",
    rel: "osdi:form",
    idField: "action_network:form_id",
    helperRel: "osdi:record_submission_helper",
    total: "total_submissions",
  },
  event: {
    collection: "attendances",
    segment: "events",
    rel: "osdi:event",
    idField: "action_network:event_id",
    helperRel: "osdi:record_attendance_helper",
    total: "total_accepted",
  },
};

/**
 * Maps a URL path to the resource it names, or null for anything the sandbox does not serve.
 * @param {string} pathname
 * @returns {ApiRoute | null}
 */
export function parseApiPath(pathname) {
  const clean = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  const actions = ACTIONS_RE.exec(clean);
  if (actions) return { type: "actions", kind: kindOfSegment(/** @type {string} */ (actions[1])) };
  for (const route of ACTION_ROUTES) {
    const m = route.re.exec(clean);
    if (!m) continue;
    const [campaignId, actionId, collectionPart, itemId] = route.campaign
      ? [m[1], /** @type {string} */ (m[2]), m[3], m[4]]
      : [undefined, /** @type {string} */ (m[1]), m[2], m[3]];
    const action = {
      kind: route.kind,
      actionId,
      ...(campaignId ? { eventCampaignId: campaignId } : {}),
    };
    if (!collectionPart) return { type: "action", ...action };
    const base = { ...action, collection: route.collection };
    return itemId ? { type: "item", ...base, itemId } : { type: "collection", ...base };
  }
  const person = PERSON_RE.exec(clean);
  if (person) {
    const personId = /** @type {string} */ (person[1]);
    const collection = /** @type {CollectionName | undefined} */ (person[2]);
    return collection
      ? { type: "person-collection", personId, collection }
      : { type: "person", personId };
  }
  return null;
}

/**
 * @param {string} segment petitions, forms or events
 * @returns {ActionKind}
 */
function kindOfSegment(segment) {
  const kind = /** @type {ActionKind[]} */ (Object.keys(KINDS)).find(
    (k) => KINDS[k].segment === segment,
  );
  if (!kind) throw new Error(`no kind has the segment ${segment}`);
  return kind;
}

/**
 * A path of Action Network's website rather than its API: /petitions/<slug>,
 * /forms/<slug>, /events/<slug>, /event_campaigns/<slug>, and anything under them.
 * @param {string} pathname
 * @returns {{ kind: ActionKind | null, slug: string, page: boolean } | null} kind null for
 *   an event campaign; page true for the action's page itself, not a path under it
 */
export function parsePublicPath(pathname) {
  const m = PUBLIC_RE.exec(pathname);
  if (!m) return null;
  const segment = /** @type {string} */ (m[1]);
  const rest = m[3] ?? "";
  return {
    kind: segment === "event_campaigns" ? null : kindOfSegment(segment),
    slug: decodeSegment(/** @type {string} */ (m[2])),
    page: rest === "" || rest === "/",
  };
}

/**
 * A path segment with its %-escapes decoded; as it is when they are malformed.
 * @param {string} segment
 */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * An action's public page, e.g. /petitions/stop-the-bad-thing.
 * @param {ActionKind} kind
 * @param {string} slug
 */
export function publicPath(kind, slug) {
  return `/${KINDS[kind].segment}/${encodeURIComponent(slug)}`;
}

/**
 * The path of an action itself, e.g. /api/v2/petitions/{id}.
 * @param {ActionKind} kind
 * @param {string} actionId
 */
export function actionPath(kind, actionId) {
  return `/api/v2/${KINDS[kind].segment}/${actionId}`;
}

/**
 * The path of an action's own collection, e.g. /api/v2/petitions/{id}/signatures.
 * @param {ActionKind} kind
 * @param {string} actionId
 */
export function collectionPath(kind, actionId) {
  return `${actionPath(kind, actionId)}/${KINDS[kind].collection}`;
}

/** Action URLs to paste into data-osdi-action; the sandbox accepts any id. */
export const EXAMPLE_ACTIONS = [
  { kind: "petition", path: "/api/v2/petitions/7580a324-9a72-11e3-a2e9-12313d316c29" },
  { kind: "form", path: "/api/v2/forms/65345d7d-cd24-466a-a698-4a7686ef684f" },
  { kind: "event", path: "/api/v2/events/8a625981-67a4-4457-8b55-2e30b267b2c2" },
];
