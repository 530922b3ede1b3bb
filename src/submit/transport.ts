import type { HelperBody } from "./body";

export interface SendOptions {
  /** Per attempt, in ms. */
  timeout?: number;
  attempts?: number;
  /** Base of the exponential backoff, in ms. */
  backoff?: number;
  /** Set when the page is about to navigate away (a redirect follows success). */
  keepalive?: boolean;
}

/** A failure that says whether trying again later could succeed. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait before attempt n+1: Retry-After when readable, else backoff with jitter; a 429 waits at least 1 s. */
export function delay(
  n: number,
  base: number,
  status?: number,
  retryAfter?: string | null,
): number {
  const after = Number(retryAfter);
  if (retryAfter && after >= 0) return Math.min(after * 1000, 60_000);
  const ms = base * 2 ** n * (0.5 + Math.random());
  return status === 429 ? Math.max(1000, ms) : ms;
}

/**
 * POSTs the body to the helper: JSON, no credentials, no cookies. Retries network
 * errors, timeouts, 429 and 5xx with backoff; other 4xx are final. Safe to retry,
 * because the helper deduplicates by action and email or phone.
 */
export async function send(url: string, body: HelperBody, opts: SendOptions = {}): Promise<void> {
  const { timeout = 15_000, attempts = 3, backoff = 500, keepalive = false } = opts;
  const json = JSON.stringify(body);
  for (let n = 0; ; n++) {
    let status: number | undefined;
    let retryAfter: string | null = null;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: json,
        credentials: "omit",
        keepalive: keepalive && json.length < 60_000,
        signal: AbortSignal.timeout(timeout),
      });
      if (res.ok) return;
      status = res.status;
      retryAfter = res.headers.get("Retry-After");
      if (status !== 429 && status < 500) throw new SendError(`HTTP ${status}`, false);
    } catch (e) {
      if (e instanceof SendError) throw e;
    }
    if (n + 1 >= attempts) throw new SendError(status ? `HTTP ${status}` : "network", true);
    await sleep(delay(n, backoff, status, retryAfter));
  }
}
