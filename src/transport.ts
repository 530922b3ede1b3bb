/**
 * Talking to the helper: one POST, and retries with backoff. A leaf: the submit flow
 * and the outbox both send through it, and it knows neither.
 */

/** The helper's JSON body (docs/reference.md, "What is sent"). */
export interface HelperBody {
  person: {
    given_name?: string;
    family_name?: string;
    email_addresses?: { address: string; status?: "subscribed" }[];
    phone_numbers?: { number: string; status?: "subscribed" }[];
    postal_addresses?: {
      address_lines?: string[];
      locality?: string;
      region?: string;
      postal_code?: string;
      country?: string;
    }[];
    custom_fields?: Record<string, string>;
  };
  comments?: string;
  add_tags?: string[];
  triggers: { autoresponse: { enabled: boolean } };
  "action_network:referrer_data"?: { source?: string; referrer?: string; website?: string };
}

export interface SendOptions {
  /** Per attempt, in ms. */
  timeout?: number;
  attempts?: number;
  /** Base of the exponential backoff, in ms. */
  backoff?: number;
  /** Set when the page is about to navigate away (a redirect follows success). */
  keepalive?: boolean;
  /** The answer to an attempt made before this call: back off from it first. */
  first?: { status?: number; retryAfter?: string | null };
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
 * One POST to the helper: JSON, no credentials, no cookies, a timeout. Resolves to
 * the response, its body read, or undefined when none came (offline, dropped, timed out).
 */
export function post(url: string, json: string, timeout = 10_000, keepalive = false) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: json,
    credentials: "omit",
    // Browsers refuse keepalive bodies over 64 KB.
    keepalive: keepalive && json.length < 6e4,
    signal: AbortSignal.timeout(timeout),
  }).then(
    // Read to the end ({} or an error, unused): a body left unread or cancelled shows
    // in the network panel as net::ERR_ABORTED. The timeout covers this read too.
    (res) =>
      res.text().then(
        () => res,
        () => res,
      ),
    () => undefined,
  );
}

/** Worth trying again later: no response, a rate limit, or a server error. */
export const retryable = (res?: Response) => !res || res.status === 429 || res.status >= 500;

/**
 * POSTs with retries: network errors, timeouts, 429 and 5xx back off and try again
 * (Retry-After honoured when the helper lets the page read it); other 4xx are final.
 * Safe to repeat, because the helper deduplicates by action and email or phone.
 */
export async function send(url: string, body: HelperBody, opts: SendOptions = {}): Promise<void> {
  const { timeout = 10_000, attempts = 3, backoff = 500, keepalive = false, first } = opts;
  const json = JSON.stringify(body);
  // The caller's own attempt already failed: back off from it (Retry-After, 429 >= 1 s).
  if (first) await sleep(delay(0, backoff, first.status, first.retryAfter));
  for (let n = first ? 1 : 0; ; n++) {
    const res = await post(url, json, timeout, keepalive);
    if (res?.ok) return;
    const status = res?.status;
    if (!retryable(res)) throw new SendError(`HTTP ${status}`, false);
    if (n + 1 >= attempts + (first ? 1 : 0))
      throw new SendError(status ? `HTTP ${status}` : "network", true);
    await sleep(delay(n, backoff, status, res?.headers.get("Retry-After")));
  }
}
