/** One voice for every console message, so authors can grep for it. */
const tag = "[osdi-embed]";

/** An organizer's mistake in an attribute: the widget stays unmounted. */
export class AuthorError extends Error {
  constructor(
    readonly attr: string,
    readonly value: string,
    readonly fix: string,
  ) {
    super(`${tag} ${attr}="${value}" is not valid. Fix: ${fix} The fallback content stays.`);
  }
}

export const warn = (msg: string, el?: Element) => console.warn(`${tag} ${msg}`, el);
export const error = (msg: string, el?: Element) => console.error(msg, el);

/** The known name closest to a misspelt one (edit distance), for "did you mean". */
export function closest(word: string, known: readonly string[]): string {
  let best = known[0];
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
