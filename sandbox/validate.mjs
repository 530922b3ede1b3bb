// @ts-check
/** @import { ActionKind, CustomFields, HelperPost, PostalAddress, PostPerson, Reason } from "./types.mjs" */

// Deliberately stricter than "has an @": the widget must catch these before sending,
// because Action Network answers 200 {} to a bad post and the person is silently lost.
const EMAIL_RE =
  /^[^\s@"<>(),;:\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const PHONE_CHARS_RE = /^\+?[0-9 ().-]+$/;
const SOURCE_RE = /^[A-Za-z0-9_-]+$/;
const MIN_PHONE_DIGITS = 7;

const TOP_LEVEL_KEYS = new Set([
  "person",
  "comments",
  "add_tags",
  "triggers",
  "action_network:referrer_data",
]);
const PERSON_KEYS = new Set([
  "given_name",
  "family_name",
  "email_addresses",
  "phone_numbers",
  "postal_addresses",
  "custom_fields",
  "languages_spoken",
]);
const POSTAL_KEYS = ["locality", "region", "postal_code", "country", "language"];
const REFERRER_KEYS = ["source", "referrer", "website", "url"];

/** @typedef {{ ok: true, post: HelperPost, warnings: string[] } | { ok: false, reasons: Reason[], warnings: string[] }} ValidationResult */

/**
 * @param {unknown} value
 * @returns {value is { [key: string]: unknown }}
 */
export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @param {string} address */
export function isValidEmail(address) {
  if (address.length > 254) return false;
  const at = address.lastIndexOf("@");
  return at > 0 && at <= 64 && EMAIL_RE.test(address);
}

/** @param {string} number */
export function phoneDigits(number) {
  return number.replace(/\D/g, "");
}

/**
 * Checks a helper body against what the widget contract promises to send.
 * Every problem is reported, so a failing test names all of them at once.
 * @param {ActionKind} kind
 * @param {unknown} body
 * @returns {ValidationResult}
 */
export function validateHelperPost(kind, body) {
  /** @type {Reason[]} */
  const reasons = [];
  /** @type {string[]} */
  const warnings = [];
  /** @param {string} code @param {string} message */
  const fail = (code, message) => reasons.push({ code, message });

  if (!isPlainObject(body)) {
    fail("not-object", "body is not a JSON object");
    return { ok: false, reasons, warnings };
  }
  for (const key of Object.keys(body)) {
    if (!TOP_LEVEL_KEYS.has(key)) warnings.push(`unknown key "${key}"`);
  }
  const rawPerson = body.person;
  if (!isPlainObject(rawPerson)) {
    fail("no-person", rawPerson === undefined ? "no person" : "person is not an object");
    return { ok: false, reasons, warnings };
  }
  for (const key of Object.keys(rawPerson)) {
    if (!PERSON_KEYS.has(key)) warnings.push(`unknown key "person.${key}"`);
  }

  for (const path of emptyStringPaths(body, "")) {
    fail("empty-string", `empty string at ${path} (empty fields must be left out)`);
  }

  /** @type {PostPerson} */
  const person = {
    email_addresses: [],
    phone_numbers: [],
    postal_addresses: [],
    custom_fields: {},
  };
  for (const key of /** @type {const} */ (["given_name", "family_name"])) {
    const value = rawPerson[key];
    if (value === undefined) continue;
    if (typeof value === "string") {
      if (value !== "") person[key] = value;
    } else fail("bad-shape", `person.${key} is not a string`);
  }

  let contactProblem = false;
  const emails = rawPerson.email_addresses;
  if (emails !== undefined) {
    if (!Array.isArray(emails)) {
      fail("bad-shape", "person.email_addresses is not an array");
      contactProblem = true;
    } else {
      emails.forEach((entry, i) => {
        const where = `person.email_addresses[${i}]`;
        if (!isPlainObject(entry)) {
          fail("bad-shape", `${where} is not an object`);
          contactProblem = true;
          return;
        }
        const { address, status } = entry;
        checkStatus(status, `${where}.status`, fail);
        if (typeof address !== "string") {
          fail(
            "bad-email",
            `${where}.address is ${address === undefined ? "missing" : "not a string"}`,
          );
          contactProblem = true;
        } else if (address === "") {
          contactProblem = true; // already reported as empty-string
        } else if (!isValidEmail(address)) {
          fail(
            "bad-email",
            `${where}.address is not a valid email address: ${JSON.stringify(address)}`,
          );
          contactProblem = true;
        } else {
          person.email_addresses.push(
            typeof status === "string" ? { address, status } : { address },
          );
        }
      });
    }
  }

  const phones = rawPerson.phone_numbers;
  if (phones !== undefined) {
    if (!Array.isArray(phones)) {
      fail("bad-shape", "person.phone_numbers is not an array");
      contactProblem = true;
    } else {
      phones.forEach((entry, i) => {
        const where = `person.phone_numbers[${i}]`;
        if (!isPlainObject(entry)) {
          fail("bad-shape", `${where} is not an object`);
          contactProblem = true;
          return;
        }
        const { number, status, number_type } = entry;
        checkStatus(status, `${where}.status`, fail);
        if (typeof number !== "string") {
          fail(
            "bad-phone",
            `${where}.number is ${number === undefined ? "missing" : "not a string"}`,
          );
          contactProblem = true;
        } else if (number === "") {
          contactProblem = true;
        } else if (!PHONE_CHARS_RE.test(number) || phoneDigits(number).length < MIN_PHONE_DIGITS) {
          fail(
            "bad-phone",
            `${where}.number needs at least ${MIN_PHONE_DIGITS} digits and no letters: ${JSON.stringify(number)}`,
          );
          contactProblem = true;
        } else {
          /** @type {{ number: string, status?: string, number_type?: string }} */
          const phone = { number };
          if (typeof status === "string") phone.status = status;
          if (typeof number_type === "string" && number_type !== "")
            phone.number_type = number_type;
          person.phone_numbers.push(phone);
        }
      });
    }
  }
  // A bad email or phone already says why there is no contact; "no-contact" is for posts with none.
  if (!contactProblem && person.email_addresses.length === 0 && person.phone_numbers.length === 0) {
    fail(
      "no-contact",
      `person has neither an email address nor a phone number with at least ${MIN_PHONE_DIGITS} digits`,
    );
  }

  const postal = rawPerson.postal_addresses;
  if (postal !== undefined) {
    if (!Array.isArray(postal)) fail("bad-shape", "person.postal_addresses is not an array");
    else {
      postal.forEach((entry, i) => {
        const address = readPostalAddress(entry, `person.postal_addresses[${i}]`, fail);
        if (address) person.postal_addresses.push(address);
      });
    }
  }

  if (rawPerson.custom_fields !== undefined) {
    const fields = readCustomFields(rawPerson.custom_fields, "person.custom_fields", fail);
    if (fields) person.custom_fields = fields;
  }

  const languages = rawPerson.languages_spoken;
  if (languages !== undefined) {
    if (!Array.isArray(languages) || !languages.every((l) => typeof l === "string")) {
      fail("bad-shape", "person.languages_spoken is not an array of strings");
    } else {
      person.languages_spoken = languages.filter((l) => l !== "");
    }
  }

  /** @type {HelperPost} */
  const post = { person, addTags: [], autoresponse: false };

  if (body.comments !== undefined) {
    if (kind !== "petition")
      fail("comments-not-petition", `comments are for petitions only, not a ${kind}`);
    else if (typeof body.comments !== "string") fail("bad-comments", "comments is not a string");
    else if (body.comments !== "") post.comments = body.comments;
  }

  const tags = body.add_tags;
  if (tags !== undefined) {
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) {
      fail("bad-add-tags", "add_tags is not an array of strings");
    } else {
      post.addTags = tags.filter((t) => t !== "");
    }
  }

  const triggers = body.triggers;
  if (triggers !== undefined) {
    if (!isPlainObject(triggers)) fail("bad-triggers", "triggers is not an object");
    else if (triggers.autoresponse !== undefined) {
      const auto = triggers.autoresponse;
      if (!isPlainObject(auto)) fail("bad-triggers", "triggers.autoresponse is not an object");
      else if (auto.enabled !== undefined && typeof auto.enabled !== "boolean") {
        fail("bad-triggers", "triggers.autoresponse.enabled is not a boolean");
      } else post.autoresponse = auto.enabled === true;
    }
  }

  const referrer = body["action_network:referrer_data"];
  if (referrer !== undefined) {
    if (!isPlainObject(referrer)) {
      fail("bad-referrer-data", "action_network:referrer_data is not an object");
    } else {
      /** @type {{ [key: string]: string }} */
      const data = {};
      for (const [key, value] of Object.entries(referrer)) {
        if (typeof value !== "string") {
          fail("bad-referrer-data", `action_network:referrer_data.${key} is not a string`);
        } else if (!REFERRER_KEYS.includes(key)) {
          warnings.push(`unknown key "action_network:referrer_data.${key}"`);
        } else if (value !== "") {
          if (key === "source" && !SOURCE_RE.test(value)) {
            fail(
              "bad-source",
              `action_network:referrer_data.source may hold only letters, digits, - and _: ${JSON.stringify(value)}`,
            );
          }
          data[key] = value;
        }
      }
      if (Object.keys(data).length > 0) post.referrerData = data;
    }
  }

  if (reasons.length > 0) return { ok: false, reasons, warnings };
  return { ok: true, post, warnings };
}

/**
 * @param {unknown} status
 * @param {string} where
 * @param {(code: string, message: string) => void} fail
 */
function checkStatus(status, where, fail) {
  // The docs name "subscribed" as the only valid status; anything else is a widget bug.
  if (status !== undefined && status !== "subscribed" && status !== "") {
    fail("bad-status", `${where} must be "subscribed" or left out, not ${JSON.stringify(status)}`);
  }
}

/**
 * @param {unknown} entry
 * @param {string} where
 * @param {(code: string, message: string) => void} fail
 * @returns {PostalAddress | null}
 */
function readPostalAddress(entry, where, fail) {
  if (!isPlainObject(entry)) {
    fail("bad-shape", `${where} is not an object`);
    return null;
  }
  /** @type {PostalAddress} */
  const address = {};
  let ok = true;
  const lines = entry.address_lines;
  if (lines !== undefined) {
    if (!Array.isArray(lines) || !lines.every((l) => typeof l === "string")) {
      fail("bad-shape", `${where}.address_lines is not an array of strings`);
      ok = false;
    } else {
      const kept = lines.filter((l) => l !== "");
      if (kept.length > 0) address.address_lines = kept;
    }
  }
  for (const key of POSTAL_KEYS) {
    const value = entry[key];
    if (value === undefined) continue;
    if (typeof value !== "string") {
      fail("bad-shape", `${where}.${key} is not a string`);
      ok = false;
    } else if (value !== "") {
      address[/** @type {"locality"} */ (key)] = value;
    }
  }
  return ok ? address : null;
}

/**
 * @param {unknown} value
 * @param {string} where
 * @param {(code: string, message: string) => void} fail
 * @returns {CustomFields | null}
 */
function readCustomFields(value, where, fail) {
  if (!isPlainObject(value)) {
    fail("bad-custom-fields", `${where} is not an object`);
    return null;
  }
  /** @type {CustomFields} */
  const fields = {};
  let ok = true;
  for (const [key, field] of Object.entries(value)) {
    const flat =
      typeof field === "string" ||
      typeof field === "boolean" ||
      (typeof field === "number" && Number.isFinite(field));
    if (!flat) {
      fail(
        "bad-custom-fields",
        `${where}.${key} must be a string, number or boolean, not ${Array.isArray(field) ? "an array" : field === null ? "null" : typeof field}`,
      );
      ok = false;
    } else if (field !== "") {
      fields[key] = /** @type {string | number | boolean} */ (field);
    }
  }
  return ok ? fields : null;
}

/**
 * Paths of every "" in a JSON value, e.g. "person.family_name".
 * @param {unknown} value
 * @param {string} path
 * @returns {string[]}
 */
function emptyStringPaths(value, path) {
  if (value === "") return [path || "(body)"];
  if (Array.isArray(value)) return value.flatMap((v, i) => emptyStringPaths(v, `${path}[${i}]`));
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([k, v]) =>
      emptyStringPaths(v, path ? `${path}.${k}` : k),
    );
  }
  return [];
}
