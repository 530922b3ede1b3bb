// @ts-check

const DAY_MS = 24 * 60 * 60 * 1000;
const FILTER_RE = /^\s*([a-z_]+)\s+([a-z]+)\s+'([^']*)'\s*$/i;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

/**
 * How a field can be filtered: an identifier (eq), a date (eq, gt, lt), a text (eq).
 * @typedef {"identifier" | "date" | "text"} FieldType
 * @typedef {{ [field: string]: FieldType }} FilterFields
 * @typedef {{ identifiers: string[], [field: string]: unknown }} Filterable
 * @typedef {{ ok: true, test: (item: Filterable) => boolean } | { ok: false, error: string }} ParsedFilter
 */

/** Signatures, submissions and attendances, as the general principles list them. */
export const RECORD_FIELDS = /** @type {FilterFields} */ ({
  identifier: "identifier",
  created_date: "date",
  modified_date: "date",
});

/** Petitions and forms. */
export const ACTION_FIELDS = /** @type {FilterFields} */ ({
  ...RECORD_FIELDS,
  origin_system: "text",
  title: "text",
});

/** Events. */
export const EVENT_FIELDS = /** @type {FilterFields} */ ({
  ...ACTION_FIELDS,
  start_date: "date",
  end_date: "date",
});

/**
 * The subset of OData that Action Network documents: `field eq|gt|lt 'value'`, one
 * clause, on the fields each collection lists.
 * @param {string} text the value of ?filter= (or ?$filter=)
 * @param {FilterFields} [fields] the collection's filterable fields; default: a record's
 * @returns {ParsedFilter}
 */
export function parseFilter(text, fields = RECORD_FIELDS) {
  const m = FILTER_RE.exec(text);
  if (!m) {
    return {
      ok: false,
      error: `unsupported filter "${text}": use field_name eq|gt|lt 'value', e.g. modified_date gt '2014-03-25'`,
    };
  }
  const field = /** @type {string} */ (m[1]);
  const op = /** @type {string} */ (m[2]).toLowerCase();
  const value = /** @type {string} */ (m[3]);
  if (op !== "eq" && op !== "gt" && op !== "lt") {
    return { ok: false, error: `unsupported filter operator "${op}": use eq, gt or lt` };
  }
  const type = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (type === undefined) {
    const names = Object.keys(fields);
    return {
      ok: false,
      error: `unsupported filter field "${field}": use ${names.slice(0, -1).join(", ")} or ${names.at(-1)}`,
    };
  }
  if (type === "identifier") {
    if (op !== "eq") return { ok: false, error: "identifier supports only eq" };
    return { ok: true, test: (item) => item.identifiers.includes(value) };
  }
  if (type === "text") {
    if (op !== "eq") return { ok: false, error: `${field} supports only eq` };
    return { ok: true, test: (item) => item[field] === value };
  }
  const range = parseDateValue(value);
  if (!range) {
    return {
      ok: false,
      error: `bad date "${value}": use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ`,
    };
  }
  const [start, end] = range;
  // A bare date is a whole UTC day for eq, and its midnight for gt/lt, so that
  // "modified_date gt '2014-03-25'" (the docs' sync example) includes that day.
  return {
    ok: true,
    test: (item) => {
      const stamp = item[field];
      if (typeof stamp !== "string") return false;
      const t = Date.parse(stamp);
      if (op === "eq") return t >= start && t < end;
      if (op === "gt") return t > start;
      return t < start;
    },
  };
}

/**
 * @param {string} value
 * @returns {[number, number] | null} [start, end) in ms
 */
function parseDateValue(value) {
  const day = DATE_RE.exec(value);
  if (day) {
    const start = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    // Rejects 2014-02-30 and friends, which Date.UTC would roll over.
    if (new Date(start).toISOString().slice(0, 10) !== value) return null;
    return [start, start + DAY_MS];
  }
  if (!DATETIME_RE.test(value)) return null;
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(value);
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  if (Number.isNaN(ms)) return null;
  // Stored dates have whole seconds, so an exact datetime matches its whole second.
  const start = Math.floor(ms / 1000) * 1000;
  return [start, start + 1000];
}
