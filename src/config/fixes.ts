/**
 * What an organizer should do about each configuration error, keyed by the code
 * the parser throws. Shipped in the ESM build and as dist/osdi-embed-help.js,
 * never in dist/osdi-embed.js: visitors of a well-configured page never pay for it.
 */

import { TEXT_KEYS } from "../i18n/en";
import { CLASS_PARTS, CUSTOM_TYPES, FIELDS, KINDS } from "./attributes";
import type { Fixes } from "./log";
import { KNOWN } from "./parse";

const ATTRIBUTES = KNOWN;

/** The known name closest to a misspelt one (edit distance), for "did you mean". */
export function closest(word: string, known: readonly string[]): string {
  return known.reduce((best, k) => (distance(word, k) < distance(word, best) ? k : best));
}

function distance(a: string, b: string): number {
  let prev = [...Array(b.length + 1).keys()];
  for (const x of a) {
    const row = [prev[0] + 1];
    for (let j = 0; j < b.length; j++)
      row.push(Math.min(prev[j + 1] + 1, row[j] + 1, prev[j] + (x === b[j] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}

/** Said after every Action Network address that is not an API URL. */
const API_URL =
  "Give the action's API URL instead (https://actionnetwork.org/api/v2/petitions/{id}, /forms/{id} or /events/{id}): Action Network shows it in the sidebar of the action's manage page, to accounts with API access. Keep the public page as the fallback link inside the container. docs/sending.md says what to do without API access.";

export const FIXES: Fixes = {
  missing: () => "give the action's API URL, e.g. https://actionnetwork.org/api/v2/petitions/{id}.",
  oneOf: (allowed) => `use one of: ${allowed}.`,
  https: () => "use an https:// URL (http:// only for localhost, 127.0.0.1 and [::1]).",
  userinfo: () =>
    "remove the credentials from the URL: osdi-embed never sends a key, user or password.",
  kind: (kind) => `the action URL is a ${kind}: remove data-osdi-kind or set it to "${kind}".`,
  noKind: () =>
    "use an Action Network action's API URL (/petitions/{id}, /forms/{id} or /events/{id}), or add data-osdi-kind.",
  publicPage: () =>
    `this is the action's public page: nothing posted there reaches Action Network. ${API_URL}`,
  embedScript: () =>
    `this is the address of Action Network's own embed script, which cannot take a post. ${API_URL}`,
  embedTarget: () => `this is the element id of Action Network's own embed, not a URL. ${API_URL}`,
  apiSlug: () =>
    `the API names an action by its id (a UUID like 7580a324-9a72-11e3-a2e9-12313d316c29), not by the slug of its page. ${API_URL}`,
  apiV1: () => `API v1 has no helpers to post to. ${API_URL}`,
  adminPage: () => `this is a page of Action Network's admin, which cannot take a post. ${API_URL}`,
  notApi: () => `this Action Network address is not an action's API URL. ${API_URL}`,
  files: () => 'keep the files together, osdi-embed.js out of script joining and "delay JS", or ',
  rendered: () =>
    "the markup inside was rendered for other attributes, another version or language, or was changed since (a CMS may do that), so the widget is drawn afresh. Render it again with the settings on the page (osdi-embed/server), or leave the container's fallback alone.",
  consentBox: () =>
    'Action Network adds a new signer to its email list whether or not this box is ticked, so the box only re-subscribes people who had unsubscribed. Where you need consent, use data-osdi-email-opt-in="required": nothing is sent until it is ticked (docs/privacy.md, "Consent and the law").',
  collection: (kind) =>
    `a ${kind} posts to /${KINDS[kind as keyof typeof KINDS][1]}; end the URL there or at the ${kind}'s id.`,
  custom: () =>
    `give a JSON array like [{"name":"issue","label":"Issue","type":"select","options":["Housing","Transit"]}]: each entry with a unique "name" (letters, digits, _ - . and space), a "label", a "type" (${CUSTOM_TYPES.join(" ")}), "options" for select and radio, and "required" true or false.`,
  date: () => "use an ISO 8601 date and time, like 2026-03-14T18:00:00-05:00.",
  timezone: () =>
    'use an IANA time zone name, like "America/Chicago" or "Europe/Berlin"; an offset such as -06:00 goes in data-osdi-start.',
  code: () => "use letters, digits, - and _ only (Action Network's source codes).",
  field: (f) =>
    `"${f}" is not a field; did you mean "${closest(f, FIELDS)}"? Fields: ${FIELDS.join(" ")}.`,
  comments: () => "comments are for petitions only; remove it from the fields.",
  contact: () => "show email or phone (or both): Action Network needs one to record a person.",
  required: (f) => `"${f}" is not a shown field; required fields must also be in data-osdi-fields.`,
  smsChecked: () =>
    'consent to text messages must be given by the visitor, so the box cannot be pre-ticked; use "unchecked".',
  emailField: () => "add email to data-osdi-fields, or remove data-osdi-email-opt-in.",
  smsPhone: () => "add phone to data-osdi-fields, or remove data-osdi-sms-opt-in.",
  lang: () => 'use a language tag like "en", "es" or "pt-BR".',
  end: () => "the end must not come before data-osdi-start.",
  credential: () =>
    "remove it: osdi-embed posts without any credential, and a key in a page is readable by every visitor.",
  attribute: (name) =>
    `is not a known attribute; did you mean data-osdi-${closest(name, ATTRIBUTES)}?`,
  text: (name) =>
    `is not a text key; did you mean data-osdi-text-${closest(name.slice(5), TEXT_KEYS)}? See the text keys in docs/reference.md.`,
  className: (name) =>
    name.startsWith(".")
      ? `write class names without the dot, as in the class attribute: "${name.split(".").join(" ").trim()}", not "${name}".`
      : `"${name}" is not a class name: give your site's class names separated by spaces, like "btn btn-primary", without CSS or HTML (no < > " ' { } ; = or commas).`,
  class: (name) =>
    `is not a part; did you mean data-osdi-class-${closest(name.slice(6), CLASS_PARTS)}? Parts: ${CLASS_PARTS.join(" ")}.`,
};
