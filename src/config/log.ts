/** One voice for every console message, so authors can grep for it. */
const tag = "[osdi-embed]";

/** An organizer's mistake in an attribute: the widget stays unmounted. */
export class AuthorError extends Error {
  constructor(
    readonly attr: string,
    readonly value: string,
    readonly fix: string,
  ) {
    super(`${tag} ${attr}="${value}" is not valid: ${fix} The fallback stays.`);
  }
}

export const warn = (msg: string, el?: Element) => console.warn(`${tag} ${msg}`, el);
export const error = (msg: string, el?: Element) => console.error(msg, el);

/** The known name closest to a misspelt one (edit distance), for "did you mean". */
export const closest = (word: string, known: readonly string[]): string =>
  known.reduce((best, k) => (distance(word, k) < distance(word, best) ? k : best));

function distance(a: string, b: string): number {
  let prev = [...Array(b.length + 1).keys()];
  for (const x of a) {
    const row = [prev[0] + 1];
    for (let j = 0; j < b.length; j++)
      row.push(Math.min(prev[j + 1] + 1, row[j] + 1, prev[j] + (x === b[j] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length];
}
