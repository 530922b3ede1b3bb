import type { Options } from "../config/parse";
import type { Strings } from "../i18n/en";
import { CUSTOM, digits, filled, text, type Values } from "./values";

export type Errors = Record<string, keyof Strings>;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const isEmail = (s: string) => EMAIL.test(s) && s.length <= 254;
export const isPhone = (s: string) => s.length >= 7 && s.length <= 15;

/**
 * Client-side checks: the helper answers 200 {} even to data it rejects, so
 * what is not caught here is lost silently. Returns field key -> message key.
 */
export function validate(o: Options, v: Values): Errors {
  const errors: Errors = {};
  const set = (k: string, msg: keyof Strings) => {
    errors[k] ??= msg;
  };
  for (const f of o.required) if (!filled(v[f])) set(f, "error_required");
  for (const c of o.customFields) {
    const k = CUSTOM + c.name;
    const s = text(v[k]);
    if (c.required && !filled(v[k])) set(k, "error_required");
    else if (s && c.type === "email" && !isEmail(s)) set(k, "error_email");
    else if (s && c.type === "number" && !Number.isFinite(Number(s))) set(k, "error_number");
    else if (s && c.type === "date" && Number.isNaN(Date.parse(s))) set(k, "error_date");
  }
  const email = text(v.email);
  const phone = digits(v.phone);
  if (email && !isEmail(email)) set("email", "error_email");
  if (text(v.phone) && !isPhone(phone)) set("phone", "error_phone");
  if (!email && !phone) set(o.fields.includes("email") ? "email" : "phone", "error_contact");
  return errors;
}
