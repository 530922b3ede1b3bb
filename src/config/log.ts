/** An organizer's mistakes in the attributes: the errors that stop a widget, and warnings. */
import { fixFor, say, TAG } from "../console";

export { type Fixes, say, setFixes } from "../console";

/** An organizer's mistake in an attribute: the widget stays unmounted. */
export class AuthorError extends Error {
  constructor(
    readonly attr: string,
    readonly value: string,
    readonly code: string,
    readonly arg = "",
  ) {
    super();
  }
  /** What to do about it, in words; "" until the help texts are loaded. */
  get fix(): string {
    return fixFor(this.code, this.arg) ?? "";
  }
  override get message(): string {
    return `${TAG} ${this.attr}="${this.value}" is not valid: ${this.fix || `see docs/reference.md, error "${this.code}".`} The fallback stays.`;
  }
}

/**
 * A warning about a data-osdi-* name or value: an unknown name (the help text suggests
 * the closest known one), or a value to think twice about (consentBox).
 */
export const unknown = (code: string, name: string, value?: string, el?: Element) =>
  say(
    "warn",
    () =>
      `${TAG} data-osdi-${name}${value === undefined ? "" : `="${value}"`} ${fixFor(code, name) ?? "is not known."}`,
    el,
  );
