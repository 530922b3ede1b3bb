import { en, type TextKey } from "../i18n/en";
import { actionNetworkProblem, actionPath, isEmbedTarget, kindNamed } from "./action";
import {
  attributeName,
  CLASS_META,
  CLASS_PARTS,
  type ClassPart,
  CREDENTIAL,
  CUSTOM_TYPES,
  type CustomField,
  DEFAULT_FIELDS,
  FIELDS,
  type FieldName,
  KINDS,
  type Kind,
  PERSONAL,
  PREFIX,
} from "./attributes";
import { AuthorError, unknown } from "./log";

export type Raw = Record<string, string>;
/**
 * What the parsers know of the page: its address, and (read once per page by
 * src/element/page.ts) its URL parameters and class metas. Parsing reads nothing else.
 */
export interface Page {
  href: string;
  /** The address's parameters; read from href when not given. */
  params?: URLSearchParams;
  /** The page's <meta name="osdi-embed-class-<part>"> contents, by name. */
  metas?: Raw;
}

const SOURCE_CODE = /^[\w-]{1,100}$/;
const LANG_TAG = /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i;

/** Throws the error whose help text (src/config/fixes.ts) is keyed by code. */
const fail = (attr: string, value: string, code: string, arg?: string): never => {
  throw new AuthorError(PREFIX + attr, value, code, arg);
};
const list = (v: string, sep = /[\s,]+/) =>
  v
    .split(sep)
    .map((s) => s.trim())
    .filter(Boolean);
const str = (v?: string) => v?.trim() || undefined;
const oneOf = <T extends string>(attr: string, v: string, allowed: readonly T[]): T =>
  allowed.includes(v as T) ? (v as T) : fail(attr, v, "oneOf", allowed.join(", "));
/**
 * An on/off attribute, as HTML writes them: present without a value means on
 * (`data-osdi-background`), and so does "true"; "false" means off.
 */
const flag = (attr: string, v: string | undefined, otherwise: boolean): boolean =>
  v === undefined ? otherwise : oneOf(attr, v || "true", ["true", "false"]) === "true";

function httpsUrl(attr: string, v: string, base?: string): URL {
  let u: URL | undefined;
  try {
    u = new URL(v, base);
  } catch {}
  const local = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(u?.hostname ?? "");
  // A redirect back into the page's own site is fine whatever the page's scheme.
  const home = base && u?.origin === new URL(base).origin;
  if (!u || !(u.protocol === "https:" || (u.protocol === "http:" && (local || home))))
    fail(attr, v, "https");
  // The value holds the secret itself: never echo it.
  if (u!.username || u!.password || [...u!.searchParams.keys()].some((k) => CREDENTIAL.test(k)))
    fail(attr, "…", "userinfo");
  return u!;
}

/** The action URL gives the helper to post to and, mostly, the kind. */
function action(v: string, raw: Raw) {
  if (isEmbedTarget(v)) fail("action", v, "embedTarget");
  const u = httpsUrl("action", v);
  // On Action Network only an API URL reaches a helper: a page posts nowhere.
  const problem = actionNetworkProblem(u);
  if (problem) fail("action", v, problem);
  const m = actionPath(u.pathname);
  let kind = kindNamed(m?.[1]);
  const given = raw.kind;
  if (given !== undefined) {
    const k = oneOf("kind", given, Object.keys(KINDS) as Kind[]);
    if (kind && k !== kind) fail("kind", given, "kind", kind);
    kind = k;
  }
  if (!kind) return fail("action", v, "noKind");
  // The service queues the post and answers at once: the fastest thanks.
  if (flag("background", raw.background, false)) u.searchParams.set("background_request", "true");
  if (m) {
    if (m[3] && m[3].toLowerCase() !== KINDS[kind][1]) fail("action", v, "collection", kind);
    if (!m[3]) u.pathname = `${u.pathname.replace(/\/$/, "")}/${KINDS[kind][1]}`;
  }
  return { kind, helper: u.href, action: v };
}

function customFields(v: string): CustomField[] {
  let arr: unknown;
  try {
    arr = JSON.parse(v);
  } catch {}
  const names = new Set<string>();
  const ok = (f: Partial<CustomField>) => {
    const { name, label, type, options: opts } = f ?? {};
    return (
      typeof name === "string" &&
      /^[\w .-]{1,100}$/.test(name) &&
      name !== "__proto__" &&
      !names.has(name) &&
      names.add(name) &&
      typeof label === "string" &&
      label.trim() &&
      CUSTOM_TYPES.includes(type!) &&
      (opts === undefined
        ? type !== "select" && type !== "radio"
        : Array.isArray(opts) && opts.length && opts.every((o) => typeof o === "string")) &&
      (f.required ?? false) === !!f.required
    );
  };
  if (!Array.isArray(arr) || !arr.every(ok)) fail("custom-fields", v, "custom");
  return (arr as CustomField[]).map(({ name, label, type, options, required }) => ({
    name,
    label,
    type,
    options,
    required: !!required,
  }));
}

function date(attr: string, v: string): Date {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? fail(attr, v, "date") : d;
}

const params = (page: Page) => page.params ?? new URL(page.href).searchParams;

/** A source or referrer code from the page URL is the visitor's: a bad one is dropped, not an error. */
function fromPage(raw: Raw, attr: "source" | "referrer", page: Page): string | undefined {
  if (raw[attr] !== undefined)
    return SOURCE_CODE.test(raw[attr]) ? raw[attr] : fail(attr, raw[attr], "code");
  const q = params(page).get(attr);
  return q && SOURCE_CODE.test(q) ? q : undefined;
}

/**
 * Class names as the class attribute takes them, one space apart. A name that starts
 * with "." (a selector) or holds < > " ' { } ; = or a comma (CSS or HTML) is refused;
 * Tailwind's hover:bg-sky-700, w-1/2, bg-[#0a0] and !p-2 are class names. The error
 * names the attribute or the meta in full, so it is thrown here rather than by fail.
 */
function classNames(name: string, v: string): string {
  const names = list(v, /\s+/);
  const bad = names.find((c) => /^\.|[<>"'{};=,]/.test(c));
  if (bad) throw new AuthorError(name, v, "className", bad);
  return names.join(" ");
}

/**
 * One parser per attribute; the options type is what they return, so the two cannot drift.
 * Each reads its own attribute (and, where the contract links them, another's raw value)
 * and the page. They run in the order written here, and a parser may read the options
 * of those before it (its second argument's type names them): action's kind, then
 * fields, required, start. test/unit/parse-order.test.ts holds every parser to this.
 */
export const PARSERS = {
  action: (raw: Raw) =>
    raw.action ? action(raw.action.trim(), raw) : fail("action", "", "missing"),
  fields: (raw: Raw, o: { kind: Kind }) => {
    const v = raw.fields ?? DEFAULT_FIELDS.join(" ");
    const fields = [...new Set(list(v))];
    for (const f of fields) {
      if (!FIELDS.includes(f as FieldName)) fail("fields", v, "field", f);
      if (f === "comments" && o.kind !== "petition") fail("fields", v, "comments");
    }
    if (!fields.includes("email") && !fields.includes("phone")) fail("fields", v, "contact");
    return fields as FieldName[];
  },
  required: (raw: Raw, o: { fields: FieldName[] }) => {
    const v = raw.required;
    if (v === undefined) return [o.fields.includes("email") ? "email" : "phone"] as FieldName[];
    const req = list(v);
    for (const f of req) if (!o.fields.includes(f as FieldName)) fail("required", v, "required", f);
    return req as FieldName[];
  },
  customFields: (raw: Raw) => (raw["custom-fields"] ? customFields(raw["custom-fields"]) : []),
  tags: (raw: Raw) => list(raw.tags ?? "", /,/),
  source: (raw: Raw, _o: unknown, page: Page) => fromPage(raw, "source", page),
  referrer: (raw: Raw, _o: unknown, page: Page) => fromPage(raw, "referrer", page),
  autoresponse: (raw: Raw) => flag("autoresponse", raw.autoresponse, true),
  // A consent box: "required" (unticked, must be ticked to send), "checked"
  // (pre-ticked), "unchecked"; valueless or "true" is an unticked box, "false" none.
  emailOptIn: (raw: Raw, o: { fields: FieldName[] }) => {
    const v = raw["email-opt-in"];
    if (v === undefined || v === "false") return undefined;
    if (!o.fields.includes("email")) fail("email-opt-in", v, "emailField");
    return v === "" || v === "true"
      ? "unchecked"
      : oneOf("email-opt-in", v, ["required", "checked", "unchecked"]);
  },
  smsOptIn: (raw: Raw, o: { fields: FieldName[] }) => {
    const v = raw["sms-opt-in"];
    if (v === undefined || v === "false") return false;
    // Consent to texts must be given by the visitor, so the box is never pre-ticked.
    if (v === "checked") fail("sms-opt-in", v, "smsChecked");
    if (v) oneOf("sms-opt-in", v, ["unchecked", "true"]);
    if (!o.fields.includes("phone")) fail("sms-opt-in", v, "smsPhone");
    return true;
  },
  redirect: (raw: Raw, _o: unknown, page: Page) => {
    const v = raw.redirect;
    if (v === undefined) return undefined;
    const u = httpsUrl("redirect", v, page.href);
    return u.href;
  },
  lang: (raw: Raw) => {
    const v = raw.lang;
    if (v !== undefined && !LANG_TAG.test(v)) fail("lang", v, "lang");
    return v;
  },
  text: (raw: Raw) => {
    const text: Partial<Record<TextKey, string>> = {};
    for (const [k, v] of Object.entries(raw)) {
      if (!k.startsWith("text-")) continue;
      const key = k.slice(5);
      if (key === "submit" || Object.hasOwn(en, key)) text[key as TextKey] = v;
      else unknown("text", k);
    }
    return text;
  },
  // Shown as text; a blank one is left out (an empty heading helps nobody).
  title: (raw: Raw) => str(raw.title),
  description: (raw: Raw) => str(raw.description),
  start: (raw: Raw) => (raw.start ? date("start", raw.start) : undefined),
  end: (raw: Raw, o: { start?: Date }) => {
    const end = raw.end ? date("end", raw.end) : undefined;
    if (end && o.start && end < o.start) fail("end", raw.end, "end");
    return end;
  },
  location: (raw: Raw) => str(raw.location),
  /**
   * The place's time zone: data-osdi-timezone (an IANA name), else the offset
   * data-osdi-start was written with ("-06:00"). "Z" and no offset name no place
   * (RFC 9557: Z is the instant, its local offset unknown). It names and formats
   * the start; the instant is the start as written.
   */
  timezone: (raw: Raw) => {
    const v = raw.timezone;
    if (v === undefined) return /[+-]\d\d:?\d\d$/.exec(raw.start)?.[0];
    try {
      // A name the browser knows; an offset belongs in data-osdi-start.
      return new Intl.DateTimeFormat("en", { timeZone: /^[a-z]/i.test(v) ? v : "-" }) && v;
    } catch {
      return fail("timezone", v, "timezone");
    }
  },
  online: (raw: Raw) => flag("online", raw.online, false),
  styles: (raw: Raw) => oneOf("styles", raw.styles ?? "base", ["base", "none"]),
  datalayer: (raw: Raw) => raw.datalayer !== undefined && raw.datalayer !== "false",
  /**
   * Values to start with: data-osdi-prefill-<field>, then the page URL's own
   * parameters for the same fields (a link in an email opens the form filled).
   */
  prefill: (raw: Raw, _o: unknown, page: Page) => {
    const q = params(page);
    const values: Record<string, string> = {};
    for (const f of PERSONAL) {
      const v = q.get(f) || raw[`prefill-${f}`];
      if (v) values[f] = v;
    }
    return values;
  },
  /**
   * The host's class names per part: the page's <meta name="osdi-embed-class-<part>">,
   * each replaced by the container's data-osdi-class-<part> (an empty one takes it away).
   */
  classes: (raw: Raw, _o: unknown, page: Page) => {
    const classes: Partial<Record<ClassPart, string>> = {};
    for (const [name, v] of Object.entries(page.metas ?? {})) {
      const part = name.slice(CLASS_META.length) as ClassPart;
      if (CLASS_PARTS.includes(part))
        classes[part] = classNames(`<meta name="${name}"> content`, v);
    }
    for (const [k, v] of Object.entries(raw)) {
      const part = k.slice(6) as ClassPart;
      if (!k.startsWith("class-")) continue;
      if (CLASS_PARTS.includes(part)) classes[part] = classNames(PREFIX + k, v);
      else unknown("class", k);
    }
    return classes;
  },
};

type Parsers = typeof PARSERS;
export type Parsed = { [K in keyof Parsers]: ReturnType<Parsers[K]> };
export type Options = Omit<Parsed, "action"> & Parsed["action"];

/** Attributes read inside another's parser (kind and background inside action's). */
export const INSIDE = ["kind", "background"] as const;
const ATTRS = Object.keys(PARSERS).map(attributeName);
/** Attribute names without the prefix, as an author writes them. */
export const KNOWN = [
  ...ATTRS.filter((a) => !["text", "prefill", "classes"].includes(a)),
  ...INSIDE,
];
/** The widget's own marks: "mounted", and "rendered" on markup rendered ahead (osdi-embed/server). */
export const MARKS = ["mounted", "rendered"];

/** Attributes -> typed options, or an AuthorError naming the attribute and the fix. */
export function parseOptions(raw: Raw, page: Page): Options {
  for (const [k, v] of Object.entries(raw)) {
    if (CREDENTIAL.test(k)) fail(k, "…", "credential");
    if (!KNOWN.includes(k) && !MARKS.includes(k) && !/^(text|prefill|class)-/.test(k))
      unknown("attribute", k, v);
  }
  const o = {} as Record<string, unknown>;
  for (const [k, parse] of Object.entries(PARSERS)) {
    const v = (parse as (r: Raw, o: unknown, p: Page) => unknown)(raw, o, page);
    if (k === "action") Object.assign(o, v);
    else o[k] = v;
  }
  return o as Options;
}
