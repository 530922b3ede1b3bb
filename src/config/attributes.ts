/** Every name of the public contract lives here, under one prefix. */
export const PREFIX = "data-osdi-";
export const MOUNTED = `${PREFIX}mounted`;

export const KINDS = {
  petition: ["petitions", "signatures"],
  form: ["forms", "submissions"],
  event: ["events", "attendances"],
} as const;
export type Kind = keyof typeof KINDS;

export const FIELDS = [
  "given_name",
  "family_name",
  "email",
  "phone",
  "street",
  "locality",
  "region",
  "postal_code",
  "country",
  "comments",
] as const;
export type FieldName = (typeof FIELDS)[number];

/** The fields a widget shows when data-osdi-fields is not given. */
export const DEFAULT_FIELDS: readonly FieldName[] = [
  "given_name",
  "family_name",
  "email",
  "postal_code",
];

/**
 * Personal fields that a link or the page may fill in (data-osdi-prefill-*, URL
 * parameters). Nothing else is ever taken from a URL, and share links drop them.
 */
export const PERSONAL: readonly FieldName[] = [
  "given_name",
  "family_name",
  "email",
  "postal_code",
  "phone",
];

export const CUSTOM_TYPES = [
  "text",
  "textarea",
  "select",
  "radio",
  "checkbox",
  "email",
  "number",
  "date",
] as const;
export type CustomType = (typeof CUSTOM_TYPES)[number];

export interface CustomField {
  name: string;
  label: string;
  type: CustomType;
  options?: string[];
  required?: boolean;
}

/**
 * The widget's parts that take the host's class names (data-osdi-class-<part>, the
 * page's <meta name="osdi-embed-class-<part>">): its form, each row, label, text-like
 * input, checkbox and radio, button, status, error, hint, title and description.
 */
export const CLASS_PARTS = [
  "form",
  "field",
  "label",
  "input",
  "check",
  "button",
  "status",
  "error",
  "hint",
  "title",
  "description",
] as const;
export type ClassPart = (typeof CLASS_PARTS)[number];
/** The page-wide class names' meta: <meta name="osdi-embed-class-button" content="btn">. */
export const CLASS_META = "osdi-embed-class-";

/** Attribute names that look like a credential: refused, never read. */
export const CREDENTIAL = /api[-_]?key|token|secret|passw/i;

/** A setting's key as its attribute's name: emailOptIn -> email-opt-in. */
export const attributeName = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
