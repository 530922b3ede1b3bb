/**
 * Every console message goes through here, with one prefix authors can search for.
 *
 * The long help texts (src/config/fixes.ts) are for organizers only, so the
 * script-tag bundle does not carry them: it loads osdi-embed-help.js beside
 * itself the first time it has something to say. The ESM build inlines them.
 */
export type Fixes = Record<string, (arg: string) => string>;

const tag = "[osdi-embed]";
let fixes: Fixes | undefined;
let loader: (() => Promise<Fixes>) | undefined;

export function setFixes(f: Fixes | undefined, load?: () => Promise<Fixes>) {
  fixes = f;
  loader = load;
}

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
    return fixes?.[this.code]?.(this.arg) ?? "";
  }
  override get message(): string {
    return `${tag} ${this.attr}="${this.value}" is not valid: ${this.fix || `see docs/reference.md, error "${this.code}".`} The fallback stays.`;
  }
}

/** One console message with the prefix authors search for, and the element it is about. */
export function print(level: "error" | "warn", text: string, el?: Element) {
  console[level](text.startsWith(tag) ? text : `${tag} ${text}`, ...(el ? [el] : []));
}

/** Prints once the help texts are at hand (at once when they are inlined or cannot load). */
export function say(level: "error" | "warn", text: () => string, el?: Element) {
  const out = () => print(level, text(), el);
  if (fixes || !loader) out();
  else
    loader()
      .then((f) => {
        fixes = f;
      })
      .catch(() => {})
      .finally(out);
}

const said = new Set<string>();
/** A warning about how the page is set up: said once, however many widgets share it. */
export function once(code: string, text: string, el?: Element) {
  if (said.has(code)) return;
  said.add(code);
  say(
    "warn",
    () => `${tag} ${text} ${fixes?.[code]?.("") ?? `See docs/reference.md, "${code}".`}`,
    el,
  );
}

/** An unknown data-osdi-* name: a warning that suggests the closest known one. */
export const unknown = (code: string, name: string, value?: string, el?: Element) =>
  say(
    "warn",
    () =>
      `${tag} data-osdi-${name}${value === undefined ? "" : `="${value}"`} ${fixes?.[code](name) ?? "is not known."}`,
    el,
  );
