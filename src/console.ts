/**
 * Every console message goes through here, with one prefix authors can search for.
 * A leaf: any folder may use it, and it uses none.
 *
 * The long help texts (src/config/fixes.ts) are for organizers only, so the
 * script-tag bundle does not carry them: it loads osdi-embed-help.js beside
 * itself the first time it has something to say. The ESM build inlines them.
 */
export type Fixes = Record<string, (arg: string) => string>;

export const TAG = "[osdi-embed]";
let fixes: Fixes | undefined;
let loader: (() => Promise<Fixes>) | undefined;

export function setFixes(f: Fixes | undefined, load?: () => Promise<Fixes>) {
  fixes = f;
  loader = load;
}

/** The help text for an error code, or undefined until the help texts are at hand. */
export const fixFor = (code: string, arg: string) => fixes?.[code]?.(arg);

/** One console message with the prefix authors search for, and the element it is about. */
export function print(level: "error" | "warn", text: string, el?: Element) {
  console[level](text.startsWith(TAG) ? text : `${TAG} ${text}`, ...(el ? [el] : []));
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
