/**
 * The rule for data-osdi-action, in one place. The widget, mount(), the builder and
 * the components use it from here; scripts/contract.mjs generates the WordPress
 * plugin's copy (PHP and the block editor's script) from it at build time.
 *
 * Patterns are strings that JavaScript and PHP's PCRE read alike, matched without
 * regard to case.
 */

import { KINDS, type Kind } from "./attributes";

/** An id on Action Network: a UUID. */
const ID = "[\\da-f]{8}(-[\\da-f]{4}){3}-[\\da-f]{12}";
const KIND = "(petitions|forms|events)";
const COLLECTION = "(?:/(signatures|submissions|attendances))?/?$";

/**
 * Where an action posts elsewhere (the sandbox, a proxy, another OSDI system): a
 * path ending in /petitions/{id}, /forms/{id} or /events/{id}, or its collection.
 */
export const ACTION_PATH = `/${KIND}/([\\w-]+)${COLLECTION}`;

/** Action Network's own host, and its subdomains. */
export const ACTION_NETWORK = "(^|\\.)actionnetwork\\.org$";

/**
 * The only paths on Action Network that post to a helper: the API URL of a petition,
 * form or event (also within an event campaign) by its id, or its helper collection.
 */
export const API_PATH = `^/api/v2/(event_campaigns/${ID}/(?=events))?${KIND}/${ID}${COLLECTION}`;

/**
 * What else an organizer may paste from Action Network, tried in order: the first
 * pattern that matches gives the error code; none is "notApi".
 */
export const MISTAKES: readonly (readonly [code: string, pattern: string])[] = [
  ["apiV1", "^/api/v1\\b"],
  ["apiSlug", "^/api/v2/(petitions|forms|events|event_campaigns)/"],
  ["embedScript", "^/widgets/"],
  ["adminPage", "^/(user_groups|groups|dashboard|admin)\\b|/(manage|edit)\\b"],
  ["publicPage", "^/(petitions|forms|events|event_campaigns)/"],
];

/** The official embed's target element, `<div id="can-petition-area-<slug>">`, pasted as the URL. */
export const EMBED_TARGET = "^#?can-(petition|form|event)-area-";

const match = (pattern: string, s: string) => new RegExp(pattern, "i").exec(s);

/**
 * What is wrong with this action URL before any visitor types: an error code of
 * fixes.ts, or "" for a URL that posts to a helper (on another host, the path rule
 * and data-osdi-kind decide, as before).
 */
export function actionNetworkProblem(url: URL): string {
  if (!match(ACTION_NETWORK, url.hostname) || match(API_PATH, url.pathname)) return "";
  return MISTAKES.find(([, pattern]) => match(pattern, url.pathname))?.[0] ?? "notApi";
}

/** A path's [, kind's segment, id, collection], or null. */
export const actionPath = (path: string) => match(ACTION_PATH, path);

/** The kind a path's segment names (petitions -> petition), if it names one. */
export const kindNamed = (segment = ""): Kind | undefined =>
  (Object.keys(KINDS) as Kind[]).find((k) => KINDS[k][0] === segment.toLowerCase());

/** The kind an action URL names, if it names one. */
export const kindIn = (url: string) => kindNamed(actionPath(url.replace(/[?#].*/, ""))?.[1]);

export const isEmbedTarget = (value: string) => !!match(EMBED_TARGET, value);
