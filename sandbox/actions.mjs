// @ts-check
// The group's actions as the keyed API takes them: what a POST or PUT may set, checked
// and normalised, and the action made up for an id that only has helper posts.
import { isPlainObject } from "./validate.mjs";

/** @import { ActionKind, ActionRecord, ActionRow, EventLocation } from "./types.mjs" */

export const ORIGIN_SYSTEM = "osdi-embed helper sandbox";

/**
 * An action given at start (the demo's), in the keyed API's fields, with its id and,
 * optionally, the slug of its public page and its creation date.
 * @typedef {{ id: string, kind: ActionKind, slug?: string, created_date?: string, title: string }
 *   & Partial<Pick<ActionRow, "name" | "description" | "petition_text" | "call_to_action" | "instructions" | "start_date" | "end_date" | "location" | "origin_system">>} ActionInput
 */

/**
 * What a POST or PUT changes: fields to set, fields to remove (sent as null), and
 * foreign identifiers to add.
 * @typedef {{ set: Partial<ActionRow>, remove: (keyof ActionRow)[], identifiers: string[] }} ActionChanges
 */

/** @type {Record<ActionKind, string[]>} text fields each kind takes, besides title and the dates */
const TEXT_FIELDS = {
  petition: ["name", "description", "petition_text", "origin_system"],
  form: ["name", "description", "call_to_action", "origin_system"],
  event: ["name", "description", "instructions", "origin_system"],
};
const EVENT_ONLY = ["instructions", "start_date", "end_date", "location"];
// In the order of OSDI's location table.
const LOCATION_TEXT = [
  "venue",
  "address_lines",
  "locality",
  "region",
  "postal_code",
  "country",
  "language",
];
const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const IDENTIFIER_RE = /^[A-Za-z0-9_]+:\S+$/;

/**
 * Checks the body of a keyed POST (creating) or PUT (changing) of an action.
 * Unknown keys are ignored (the docs do not say what Action Network does); a known key with a
 * value of the wrong type is an error. On PUT, null removes a field.
 * @param {ActionKind} kind
 * @param {unknown} body
 * @param {boolean} creating
 * @returns {{ ok: true, changes: ActionChanges } | { ok: false, error: string }}
 */
export function parseActionBody(kind, body, creating) {
  if (!isPlainObject(body)) return { ok: false, error: "the body must be a JSON object" };
  /** @type {ActionChanges} */
  const changes = { set: {}, remove: [], identifiers: [] };
  const set = /** @type {Record<string, unknown>} */ (changes.set);

  for (const key of Object.keys(body)) {
    if (kind !== "event" && EVENT_ONLY.includes(key)) {
      return { ok: false, error: `${key} is for events, not a ${kind}` };
    }
  }

  if (body.title !== undefined || creating) {
    if (typeof body.title !== "string" || body.title.trim() === "") {
      return { ok: false, error: "title must be a non-empty string" };
    }
    changes.set.title = body.title.trim();
  }
  for (const key of TEXT_FIELDS[kind]) {
    const value = body[key];
    if (value === undefined) continue;
    if (value === null && key !== "origin_system" && !creating) {
      changes.remove.push(/** @type {keyof ActionRow} */ (key));
    } else if (typeof value !== "string") {
      return { ok: false, error: `${key} must be a string` };
    } else set[key] = value;
  }

  if (kind === "event") {
    for (const key of /** @type {const} */ (["start_date", "end_date"])) {
      const value = body[key];
      if (value === undefined) continue;
      if (value === null && !creating) {
        changes.remove.push(key);
        continue;
      }
      const date = typeof value === "string" ? wallClock(value) : null;
      if (date === null) {
        return {
          ok: false,
          error: `${key} must be a date and time such as 2026-12-10T18:30:00Z (the place's clock)`,
        };
      }
      changes.set[key] = date;
    }
    const start = changes.set.start_date;
    const end = changes.set.end_date;
    if (start && end && end < start) return { ok: false, error: "end_date is before start_date" };
    if (body.location !== undefined) {
      if (body.location === null && !creating) changes.remove.push("location");
      else {
        const location = parseLocation(body.location);
        if (typeof location === "string") return { ok: false, error: location };
        changes.set.location = location;
      }
    }
  }

  if (body.identifiers !== undefined) {
    const identifiers = body.identifiers;
    if (!Array.isArray(identifiers) || !identifiers.every((i) => typeof i === "string")) {
      return { ok: false, error: "identifiers must be an array of strings" };
    }
    for (const identifier of identifiers) {
      if (!IDENTIFIER_RE.test(identifier)) {
        return { ok: false, error: `identifier ${JSON.stringify(identifier)} is not system:id` };
      }
      // Action Network makes its own identifier; one sent in its name is not taken.
      if (!identifier.startsWith("action_network:")) changes.identifiers.push(identifier);
    }
  }
  return { ok: true, changes };
}

/**
 * A date or date and time as Action Network writes an event's dates: the place's wall
 * clock, with a Z. An offset, if one is sent, is dropped: the clock is what counts.
 * @param {string} value
 * @returns {string | null} YYYY-MM-DDTHH:MM:SSZ, or null when it is not a date
 */
export function wallClock(value) {
  const m = DATE_RE.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour = "00", minute = "00", second = "00"] = m.slice(1);
  const text = `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
  const ms = Date.parse(text);
  // Rejects 2026-02-30 and 25:00, which Date would roll over or refuse.
  if (Number.isNaN(ms) || new Date(ms).toISOString().replace(".000Z", "Z") !== text) return null;
  return text;
}

/**
 * @param {unknown} value
 * @returns {EventLocation | string} the location, or what is wrong with it
 */
function parseLocation(value) {
  if (!isPlainObject(value)) return "location must be an object";
  /** @type {EventLocation} */
  const location = {};
  const text = /** @type {Record<string, string | string[]>} */ (location);
  for (const key of LOCATION_TEXT) {
    const field = value[key];
    if (key === "address_lines") {
      if (field === undefined) continue;
      if (!Array.isArray(field) || !field.every((l) => typeof l === "string")) {
        return "location.address_lines must be an array of strings";
      }
      const kept = field.filter((l) => l !== "");
      if (kept.length > 0) text[key] = kept;
      continue;
    }
    if (field === undefined) continue;
    if (typeof field !== "string") return `location.${key} must be a string`;
    if (field !== "") text[key] = field;
  }
  const point = value.location;
  if (point !== undefined) {
    if (
      !isPlainObject(point) ||
      typeof point.latitude !== "number" ||
      typeof point.longitude !== "number" ||
      Math.abs(point.latitude) > 90 ||
      Math.abs(point.longitude) > 180
    ) {
      return "location.location needs a latitude and a longitude in degrees";
    }
    location.location = { latitude: point.latitude, longitude: point.longitude };
    if (typeof point.accuracy === "string") location.location.accuracy = point.accuracy;
  }
  return location;
}

/**
 * The last segment of a public page's path, from a title: "Stop the bad thing!" ->
 * "stop-the-bad-thing". Never empty.
 * @param {string} title
 */
export function slugify(title) {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "action";
}

/**
 * The action behind an id that has helper posts but was never created: the sandbox
 * accepts posts for any id, so such an action exists, with a placeholder title.
 * @param {ActionKind} kind
 * @param {string} id
 * @param {ActionRecord[]} records this action's records, oldest first
 * @param {string} now
 * @returns {ActionRow}
 */
export function madeUpAction(kind, id, records, now) {
  const created = records.map((r) => r.created_date).sort()[0] ?? now;
  const modified =
    records
      .map((r) => r.modified_date)
      .sort()
      .at(-1) ?? created;
  return {
    id,
    kind,
    slug: id,
    identifiers: [],
    created_date: created,
    modified_date: modified,
    origin_system: ORIGIN_SYSTEM,
    title: `Sandbox ${kind} ${id}`,
    stored: false,
  };
}
