// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { delay, type HelperBody, post, SendError, send } from "../../src/transport";

const URL_ = "https://actionnetwork.org/api/v2/petitions/abc/signatures";
const BODY: HelperBody = {
  person: { email_addresses: [{ address: "ada@example.org" }] },
  triggers: { autoresponse: { enabled: true } },
};

const fetchMock = vi.fn<typeof fetch>();
const reply = (status: number, headers: Record<string, string> = {}) =>
  new Response(status === 204 ? null : "{}", { status, headers });

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The error send() rejects with. */
async function rejection(p: Promise<unknown>): Promise<SendError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SendError);
    return e as SendError;
  }
  throw new Error("expected send() to reject");
}

describe("the request", () => {
  it("POSTs the JSON body without credentials or any header but Content-Type", async () => {
    fetchMock.mockResolvedValue(reply(200));
    await send(URL_, BODY);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(URL_);
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("omit");
    expect(init?.headers).toEqual({ "Content-Type": "application/json" });
    expect(new Headers(init?.headers).has("OSDI-API-Token")).toBe(false);
    expect(init?.body).toBe(JSON.stringify(BODY));
    expect(JSON.parse(init?.body as string)).toEqual(BODY);
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(init?.keepalive).toBe(false);
  });

  it("asks for keepalive before a redirect, for a small body", async () => {
    fetchMock.mockResolvedValue(reply(200));
    await send(URL_, BODY, { keepalive: true });
    expect(fetchMock.mock.calls[0][1]?.keepalive).toBe(true);
  });

  it("does not ask for keepalive for a body over the browser's 64 kB limit", async () => {
    fetchMock.mockResolvedValue(reply(200));
    const big = { ...BODY, comments: "x".repeat(70_000) };
    await send(URL_, big, { keepalive: true });
    expect(fetchMock.mock.calls[0][1]?.keepalive).toBe(false);
  });

  it.each([200, 201, 204])("resolves on %i", async (status) => {
    fetchMock.mockResolvedValue(reply(status));
    await expect(send(URL_, BODY)).resolves.toBeUndefined();
  });
});

describe("the response", () => {
  /** A response whose body comes in two chunks and records how it was used. */
  function recorded(signal?: AbortSignal | null, ends = true, status = 200) {
    const seen = { chunks: 0, ended: false, cancelled: false };
    const chunks = ["{", "}"];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        // As a browser does: the fetch's signal also ends the body's stream.
        signal?.addEventListener("abort", () => controller.error(signal.reason));
      },
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) {
          seen.chunks++;
          controller.enqueue(new TextEncoder().encode(chunk));
        } else if (ends) {
          seen.ended = true;
          controller.close();
        }
      },
      cancel() {
        seen.cancelled = true;
      },
    });
    return { seen, response: new Response(body, { status }) };
  }

  it("reads a success's body to the end, and cancels nothing (no net::ERR_ABORTED)", async () => {
    const { seen, response } = recorded();
    fetchMock.mockResolvedValue(response);
    const res = await post(URL_, "{}");
    expect(res?.ok).toBe(true);
    expect(seen).toEqual({ chunks: 2, ended: true, cancelled: false });
    expect(res?.bodyUsed).toBe(true);
  });

  it("reads it to the end within send() too", async () => {
    const { seen, response } = recorded();
    fetchMock.mockResolvedValue(response);
    await send(URL_, BODY);
    expect(seen.ended).toBe(true);
    expect(seen.cancelled).toBe(false);
  });

  it("reads an error's body as well, and the status still decides", async () => {
    const { seen, response } = recorded(undefined, true, 400);
    fetchMock.mockResolvedValue(response);
    const e = await rejection(send(URL_, BODY));
    expect(e.retryable).toBe(false);
    expect(seen).toEqual({ chunks: 2, ended: true, cancelled: false });
  });

  it("keeps the timeout for a body that never ends: the answer counts, the wait ends", async () => {
    let seen: { ended: boolean } | undefined;
    fetchMock.mockImplementation(async (_url, init) => {
      const r = recorded(init?.signal, false);
      seen = r.seen;
      return r.response;
    });
    const started = Date.now();
    const res = await post(URL_, "{}", 30);
    expect(res?.status).toBe(200);
    expect(seen?.ended).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("retries", () => {
  it("retries a network error", async () => {
    fetchMock
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce(reply(200));
    await send(URL_, BODY, { backoff: 1 });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it.each([500, 502, 503, 504, 429])("retries HTTP %i", async (status) => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    vi.useFakeTimers();
    fetchMock.mockResolvedValueOnce(reply(status)).mockResolvedValueOnce(reply(200));
    const p = send(URL_, BODY, { backoff: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    await p;
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it.each([400, 401, 403, 404, 409, 422])("does not retry HTTP %i", async (status) => {
    fetchMock.mockResolvedValue(reply(status));
    const e = await rejection(send(URL_, BODY, { backoff: 1 }));
    expect(e.retryable).toBe(false);
    expect(e.message).toContain(String(status));
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("gives up after `attempts` on 5xx, as retryable", async () => {
    fetchMock.mockImplementation(async () => reply(503));
    const e = await rejection(send(URL_, BODY, { attempts: 4, backoff: 1 }));
    expect(e.retryable).toBe(true);
    expect(e.message).toContain("503");
    expect(fetchMock).toHaveBeenCalledTimes(4);
  });

  it("gives up after `attempts` on network errors, as retryable", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    const e = await rejection(send(URL_, BODY, { attempts: 2, backoff: 1 }));
    expect(e.retryable).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("tries once with attempts: 1", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    const e = await rejection(send(URL_, BODY, { attempts: 1 }));
    expect(e.retryable).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("times out an attempt that hangs, then retries", async () => {
    fetchMock.mockImplementation(
      (_url, init) =>
        new Promise((_resolve, reject) => {
          init?.signal?.addEventListener("abort", () => reject(init.signal?.reason));
        }),
    );
    const e = await rejection(send(URL_, BODY, { timeout: 5, attempts: 2, backoff: 1 }));
    expect(e.retryable).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("sends the same body on every attempt", async () => {
    fetchMock.mockRejectedValueOnce(new TypeError("x")).mockResolvedValueOnce(reply(200));
    await send(URL_, BODY, { backoff: 1 });
    expect(fetchMock.mock.calls[1][1]?.body).toBe(fetchMock.mock.calls[0][1]?.body);
  });
});

describe("waiting between attempts", () => {
  it("honours Retry-After on a 429", async () => {
    vi.useFakeTimers();
    fetchMock.mockResolvedValueOnce(reply(429, { "Retry-After": "3" }));
    fetchMock.mockResolvedValueOnce(reply(200));
    const p = send(URL_, BODY, { backoff: 1 });
    await vi.advanceTimersByTimeAsync(2_999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("honours Retry-After on a 503", async () => {
    vi.useFakeTimers();
    fetchMock.mockResolvedValueOnce(reply(503, { "Retry-After": "2" }));
    fetchMock.mockResolvedValueOnce(reply(200));
    const p = send(URL_, BODY, { backoff: 1 });
    await vi.advanceTimersByTimeAsync(1_999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it("waits at least a second after a 429 without Retry-After", async () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    vi.useFakeTimers();
    fetchMock.mockResolvedValueOnce(reply(429)).mockResolvedValueOnce(reply(200));
    const p = send(URL_, BODY, { backoff: 1 });
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it.each([
    ["2", 2_000],
    ["0", 0],
    ["1.5", 1_500],
    ["120", 60_000],
  ])("delay() takes Retry-After %j as %i ms", (after, ms) => {
    expect(delay(0, 500, 429, after)).toBe(ms);
    expect(delay(3, 500, 503, after)).toBe(ms);
  });

  it.each([
    [null, 0, 250],
    [null, 0.5, 500],
    ["Wed, 21 Oct 2026 07:28:00 GMT", 0, 250],
    ["soon", 0, 250],
    ["-5", 0, 250],
  ])("delay() falls back to backoff for Retry-After %j", (after, random, ms) => {
    vi.spyOn(Math, "random").mockReturnValue(random);
    expect(delay(0, 500, 503, after)).toBe(ms);
  });

  it("backs off exponentially, with jitter between 0.5 and 1.5 times", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect([0, 1, 2, 3].map((n) => delay(n, 100))).toEqual([50, 100, 200, 400]);
    vi.spyOn(Math, "random").mockReturnValue(0.999);
    for (const n of [0, 1, 2, 3]) {
      expect(delay(n, 100)).toBeLessThan(150 * 2 ** n);
      expect(delay(n, 100)).toBeGreaterThan(149 * 2 ** n);
    }
  });

  it("waits at least a second for a 429 when backoff is shorter", () => {
    vi.spyOn(Math, "random").mockReturnValue(0);
    expect(delay(0, 10, 429, null)).toBe(1_000);
    expect(delay(6, 100, 429, null)).toBe(3_200);
    expect(delay(0, 10, 503, null)).toBe(5);
  });
});
