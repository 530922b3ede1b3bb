/**
 * What a visitor typed, keyed by the contract's field names; custom fields as
 * `custom_fields.<name>`, consent boxes as `email_opt_in` / `sms_opt_in`.
 */
export type Value = string | boolean | string[];
export type Values = Record<string, Value>;
export const CUSTOM = "custom_fields.";

/** Trimmed text, or "" for anything that is not text. */
export const text = (v: Value | undefined): string => (typeof v === "string" ? v.trim() : "");
export const digits = (v: Value | undefined): string => text(v).replace(/\D/g, "");
export const filled = (v: Value | undefined): boolean =>
  Array.isArray(v) ? v.length > 0 : typeof v === "boolean" ? v : text(v) !== "";
