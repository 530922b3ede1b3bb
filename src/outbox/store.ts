import type { HelperBody } from "../transport";

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

/** Each item is kept under `osdi-embed:outbox:<id>`. */
export const KEY = "osdi-embed:outbox";

/** One key per item (`osdi-embed:outbox:<id>`): no read-modify-write, so tabs never clobber each other. */
export function read(): Item[] {
  try {
    const out: Item[] = [];
    for (let n = 0; n < localStorage.length; n++) {
      const k = localStorage.key(n);
      if (!k?.startsWith(`${KEY}:`)) continue;
      try {
        const i = JSON.parse(localStorage.getItem(k)!);
        if (i?.id && i.at && i.url) out.push(i);
      } catch {}
    }
    return out.sort((a, b) => a.at - b.at);
  } catch {
    return [];
  }
}

/** Takes an item out: delivered, rejected or expired. */
export function remove(id: string) {
  try {
    localStorage.removeItem(`${KEY}:${id}`);
  } catch {}
}

/** False when storage is full or disabled. */
export function enqueue(item: Item): boolean {
  try {
    localStorage.setItem(`${KEY}:${item.id}`, JSON.stringify(item));
    return true;
  } catch {
    return false;
  }
}
