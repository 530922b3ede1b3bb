// @ts-check
// From an action as Action Network's keyed API gives it to the snippet of osdi-embed's
// contract (docs/reference.md): the container with its data-osdi-* attributes, the
// fallback link to the action's public page, and the script tag. No I/O here.

/**
 * An action resource, as far as the snippet reads it.
 * @typedef {object} ActionResource
 * @property {string} [title]
 * @property {string} [description] HTML
 * @property {string} [browser_url]
 * @property {string} [start_date] events: the place's clock with a Z (see wallTimeAt)
 * @property {string} [end_date]
 * @property {Place} [location]
 * @property {{ self?: { href?: string } }} [_links]
 */

/**
 * @typedef {object} Place
 * @property {string} [venue]
 * @property {string[]} [address_lines]
 * @property {string} [locality]
 * @property {string} [region]
 * @property {string} [postal_code]
 * @property {string} [country]
 */

/** @typedef {"petition" | "form" | "event"} Kind */

/** @type {Record<Kind, string>} the fallback link's words before the title */
const FALLBACK = { petition: "Sign the petition", form: "Fill in the form", event: "RSVP" };

/**
 * Text safe in HTML text and in a double-quoted attribute.
 * @param {string} value
 */
export function escapeHtml(value) {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** @type {Record<string, string>} */
const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * The text of an HTML fragment (Action Network keeps descriptions as HTML; the
 * widget's data-osdi-description is text): tags dropped, entities read, one line.
 * @param {string} html
 */
export function textOf(html) {
  return html
    .replace(/<(br|\/p|\/div|\/li|\/h\d)\b[^>]*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) => {
      if (name[0] === "#") {
        const code =
          name[1] === "x" || name[1] === "X"
            ? Number.parseInt(name.slice(2), 16)
            : Number.parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A place on one line: "Millbrook Public Library, 210 Elm Street, Millbrook, IL 60536".
 * @param {Place} place
 */
export function placeText(place) {
  const city = [place.locality, [place.region, place.postal_code].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  return [place.venue, ...(place.address_lines ?? []), city]
    .filter((part) => typeof part === "string" && part.trim() !== "")
    .join(", ");
}

// Where a country has several time zones, the region (ISO 3166-2 without the country,
// as Action Network's location.region) names the one most of it keeps. The WordPress
// plugin's copy (includes/zones.php) is generated from these two tables (scripts/contract.mjs).
/** @type {Record<string, Record<string, string>>} */
export const REGION_ZONES = {
  US: {
    ...spread("America/New_York", "CT DE DC FL GA KY ME MD MA NH NJ NY NC OH PA RI SC VT VA WV"),
    ...spread("America/Chicago", "AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI"),
    ...spread("America/Denver", "CO MT NM UT WY"),
    ...spread("America/Los_Angeles", "CA NV OR WA"),
    AK: "America/Anchorage",
    AZ: "America/Phoenix",
    HI: "Pacific/Honolulu",
    ID: "America/Boise",
    IN: "America/Indiana/Indianapolis",
    MI: "America/Detroit",
    PR: "America/Puerto_Rico",
    VI: "America/St_Thomas",
    GU: "Pacific/Guam",
    MP: "Pacific/Saipan",
    AS: "Pacific/Pago_Pago",
  },
  CA: {
    AB: "America/Edmonton",
    BC: "America/Vancouver",
    MB: "America/Winnipeg",
    NB: "America/Moncton",
    NL: "America/St_Johns",
    NS: "America/Halifax",
    NT: "America/Edmonton",
    NU: "America/Iqaluit",
    ON: "America/Toronto",
    PE: "America/Halifax",
    QC: "America/Toronto",
    SK: "America/Regina",
    YT: "America/Whitehorse",
  },
  AU: {
    ACT: "Australia/Sydney",
    NSW: "Australia/Sydney",
    NT: "Australia/Darwin",
    QLD: "Australia/Brisbane",
    SA: "Australia/Adelaide",
    TAS: "Australia/Hobart",
    VIC: "Australia/Melbourne",
    WA: "Australia/Perth",
  },
  ES: { CN: "Atlantic/Canary", GC: "Atlantic/Canary", TF: "Atlantic/Canary" },
  PT: { 20: "Atlantic/Azores", 30: "Atlantic/Madeira" },
};

// Countries whose other zones are islands far from most people: the mainland's.
/** @type {Record<string, string>} */
export const MAINLAND_ZONES = {
  ES: "Europe/Madrid",
  PT: "Europe/Lisbon",
  NZ: "Pacific/Auckland",
  CL: "America/Santiago",
  EC: "America/Guayaquil",
};

/**
 * @param {string} zone
 * @param {string} codes space-separated
 */
function spread(zone, codes) {
  return Object.fromEntries(codes.split(" ").map((code) => [code, zone]));
}

/**
 * The IANA time zones of a country, from the JavaScript engine's own data.
 * @param {string} country ISO 3166-1 alpha-2
 * @returns {string[]}
 */
function zonesOfCountry(country) {
  try {
    const locale =
      /** @type {Intl.Locale & { getTimeZones?: () => string[], timeZones?: string[] }} */ (
        new Intl.Locale(`und-${country}`)
      );
    return locale.getTimeZones?.() ?? locale.timeZones ?? [];
  } catch {
    return [];
  }
}

/**
 * The time zone of an event's place. Action Network gives none (sandbox/README.md, "Time
 * zones"), so it comes from the country and region: the region's zone where a country
 * has several, else the country's, when its zones all keep one clock on that day.
 * @param {Place | undefined} place
 * @param {number} at a moment near the event, in ms (zones change their offsets)
 * @returns {string | null} an IANA name, or null when the place does not tell
 */
export function zoneOfPlace(place, at) {
  const country = place?.country?.trim().toUpperCase();
  if (!country || !/^[A-Z]{2}$/.test(country)) return null;
  const region = place?.region?.trim().toUpperCase() ?? "";
  const byRegion = REGION_ZONES[country]?.[region];
  if (byRegion) return byRegion;
  if (REGION_ZONES[country] && !MAINLAND_ZONES[country]) {
    // A country of several clocks, and a region we do not know: no guess.
    return null;
  }
  const mainland = MAINLAND_ZONES[country];
  if (mainland) return mainland;
  const zones = zonesOfCountry(country);
  const first = zones[0];
  if (!first) return null;
  const offset = offsetMinutes(first, at);
  return zones.every((zone) => offsetMinutes(zone, at) === offset) ? first : null;
}

/**
 * Whether the engine knows an IANA time zone name.
 * @param {string} zone
 */
export function isTimeZone(zone) {
  if (/^[+-]?\d/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * A zone's offset from UTC at a moment, in minutes (east positive).
 * @param {string} zone
 * @param {number} at ms
 */
export function offsetMinutes(zone, at) {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(new Date(at))
      .find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const m = /^GMT(?:([+-])(\d{2}):?(\d{2})(?::?(\d{2}))?)?$/.exec(name);
  if (!m?.[1]) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === "-" ? -minutes : minutes;
}

/** @param {number} minutes */
function offsetText(minutes) {
  const sign = minutes < 0 ? "-" : "+";
  const whole = Math.abs(minutes);
  return `${sign}${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}`;
}

/**
 * Action Network writes an event's date as the place's clock followed by a Z
 * ("2026-12-10T18:30:00Z" for 6:30 PM in Chicago). This is that clock with the
 * place's own offset on that day: "2026-12-10T18:30:00-06:00".
 * @param {string} date as Action Network gives it
 * @param {string} zone the place's IANA time zone
 * @returns {string | null} null when the date cannot be read
 */
export function wallTimeAt(date, zone) {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?/.exec(date.trim());
  if (!m) return null;
  const clock = `${m[1]}T${m[2] ?? "00:00"}:${m[3] ?? "00"}`;
  const asIfUtc = Date.parse(`${clock}Z`);
  if (Number.isNaN(asIfUtc)) return null;
  // The offset at the instant the clock names; twice, for a change of offset near it.
  let offset = offsetMinutes(zone, asIfUtc);
  offset = offsetMinutes(zone, asIfUtc - offset * 60_000);
  return `${clock}${offsetText(offset)}`;
}

/**
 * The ready snippet: the container with its attributes and fallback, then the script.
 * @param {object} input
 * @param {Kind} input.kind
 * @param {ActionResource} input.action
 * @param {string} input.apiUrl the action's API URL (its self link)
 * @param {string} input.scriptUrl where osdi-embed.js is
 * @param {string | null} input.zone the place's time zone, for an event with a start
 * @returns {string}
 */
export function snippet({ kind, action, apiUrl, scriptUrl, zone }) {
  // A title is text (a description is HTML): "<today>" in a title is words, not a tag.
  const title = (action.title ?? "").replace(/\s+/g, " ").trim();
  const description = textOf(action.description ?? "");
  /** @type {[string, string][]} */
  const attributes = [["data-osdi-action", apiUrl]];
  if (title) attributes.push(["data-osdi-title", title]);
  if (description) attributes.push(["data-osdi-description", description]);
  if (kind === "event") {
    const start = action.start_date && zone ? wallTimeAt(action.start_date, zone) : null;
    const end = action.end_date && zone ? wallTimeAt(action.end_date, zone) : null;
    if (start) attributes.push(["data-osdi-start", start]);
    if (start && end) attributes.push(["data-osdi-end", end]);
    if (start && zone) attributes.push(["data-osdi-timezone", zone]);
    const place = action.location ? placeText(action.location) : "";
    if (place) attributes.push(["data-osdi-location", place]);
  }
  const opening = attributes
    .map(
      ([name, value], index) => `${index === 0 ? "<div " : "     "}${name}="${escapeHtml(value)}"`,
    )
    .join("\n");
  // "RSVP: Town hall", but not "Sign the petition: Sign the petition: …"
  const words = !title
    ? FALLBACK[kind]
    : title.toLowerCase().startsWith(FALLBACK[kind].toLowerCase())
      ? title
      : `${FALLBACK[kind]}: ${title}`;
  const fallback = action.browser_url
    ? `<a href="${escapeHtml(action.browser_url)}">${escapeHtml(words)}</a>`
    : `<p>${escapeHtml(words)}</p>`;
  return [
    `${opening}>`,
    "  <!-- shown until the widget mounts, and whenever it cannot -->",
    `  ${fallback}`,
    "</div>",
    `<script src="${escapeHtml(scriptUrl)}" defer></script>`,
  ].join("\n");
}
