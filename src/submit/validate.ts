import { controls } from "../config/controls";
import type { Options } from "../config/parse";
import type { Strings } from "../i18n/en";
import { digits, filled, text, type Values } from "./values";

export type Errors = Record<string, keyof Strings>;

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const isEmail = (s: string) => EMAIL.test(s) && s.length <= 254;
export const isPhone = (s: string) => s.length >= 7 && s.length <= 15;

/**
 * Client-side checks: the helper answers 200 {} even to data it rejects, so
 * what is not caught here is lost silently. Returns value key -> message key,
 * in display order.
 */
export function validate(options: Options, values: Values): Errors {
  const errors: Errors = {};
  for (const { key, type, required } of controls(options)) {
    const s = text(values[key]);
    const bad =
      required && !filled(values[key])
        ? key === "email_opt_in"
          ? "error_consent"
          : "error_required"
        : !s
          ? 0
          : type === "email" && !isEmail(s)
            ? "error_email"
            : type === "tel" && !isPhone(digits(s))
              ? "error_phone"
              : ((type === "number" && !Number.isFinite(Number(s))) ||
                  (type === "date" && Number.isNaN(Date.parse(s)))) &&
                "error_invalid";
    if (bad) errors[key] = bad;
  }
  const shown = (k: "email" | "phone") => (options.fields.includes(k) ? values[k] : "");
  if (!text(shown("email")) && !digits(shown("phone"))) {
    const k = options.fields.includes("email") ? "email" : "phone";
    errors[k] ??= "error_contact";
  }
  return errors;
}
