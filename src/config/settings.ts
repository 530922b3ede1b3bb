/**
 * mount()'s settings: the attributes as a JavaScript object. The type comes from
 * the parsers (src/config/parse.ts), so a parser added there is a setting too; the
 * values become attribute strings for the same parseOptions, so a bad setting gets
 * the same author error as a bad attribute.
 */
import { attributeName, type ClassPart, type Kind } from "./attributes";
import type { INSIDE, Parsed, Raw } from "./parse";

/** Settings whose natural value is not what their parser returns. */
interface Natural {
  action: string | URL;
  kind: Kind;
  background: boolean;
  emailOptIn: boolean | "required" | "checked" | "unchecked";
  classes: Partial<Record<ClassPart, string | readonly string[]>>;
}
type Name = keyof Parsed | (typeof INSIDE)[number];
type Value<K> = K extends keyof Natural ? Natural[K] : K extends keyof Parsed ? Parsed[K] : string;
/**
 * A fixed set of values as it is; a flag as a boolean, a list (readonly too), a
 * date or a URL as it is, each or the attribute's string; a family (text,
 * prefill, classes) as an object of its keys.
 */
type Setting<T> = T extends string
  ? T
  : T extends boolean
    ? boolean | string
    : T extends (infer Item)[]
      ? readonly Item[] | string
      : T extends Date | URL
        ? T | string
        : T;

/** One optional key per attribute: its name without data-osdi-, in camelCase. */
export type Settings = { [K in Name]?: Setting<NonNullable<Value<K>>> };

/** A callback's key: onReady, onSuccess… */
export const CALLBACK = /^on[A-Z]/;

/**
 * Settings -> attribute values without the prefix, as readAttributes gives them.
 * Callbacks (on…) and undefined are left out.
 */
export function toAttributes(settings: object): Raw {
  const raw: Raw = {};
  for (const [key, v] of Object.entries(settings)) {
    const name = attributeName(key);
    if (v == null || CALLBACK.test(key)) continue;
    // A family (text, prefill, classes): one attribute per key; classes: { button: "btn" }
    // is data-osdi-class-button, its class names a string or an array.
    if (v.constructor === Object)
      for (const [k, s] of Object.entries(v))
        raw[`${key === "classes" ? "class" : name}-${k}`] = [s].flat().join(" ");
    // Custom fields as JSON; a date in ISO 8601 and a URL as its href (their toJSON);
    // a list joined by commas; a flag as true or false.
    else raw[name] = typeof v[0] === "object" ? JSON.stringify(v) : String(v.toJSON?.() ?? v);
  }
  return raw;
}
