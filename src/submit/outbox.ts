import type { HelperBody } from "./body";

/**
 * Submissions that could not be delivered yet, kept in localStorage until they
 * are (or expire): the only thing osdi-embed ever stores.
 */
export interface Item {
  id: string;
  url: string;
  body: HelperBody;
  /** When it was queued, in ms since the epoch. */
  at: number;
}

export const KEY = "osdi-embed:outbox";

export function read(): Item[] {
  try {
    const items = JSON.parse(localStorage.getItem(KEY) || "[]");
    // Anything else under our key (another script's, a half-written value) is not ours to send.
    return Array.isArray(items) ? items.filter((i) => i?.id && i.at && i.url) : [];
  } catch {
    return [];
  }
}

/** False when storage is full, disabled or blocked: the caller must tell the visitor. */
export function write(items: Item[]): boolean {
  try {
    if (items.length) localStorage.setItem(KEY, JSON.stringify(items));
    else localStorage.removeItem(KEY);
    return true;
  } catch {
    return false;
  }
}

/** False when storage is full or disabled. */
export function enqueue(item: Item): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify([...read(), item]));
    return true;
  } catch {
    return false;
  }
}
