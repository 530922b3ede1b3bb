import { afterEach, describe, expect, it } from "vitest";
import {
  control,
  FORM,
  get,
  type Opened,
  openSandbox,
  PETITION,
  personBody,
  post,
  type SandboxRecord,
  type SandboxRequest,
} from "./support";

let opened: Opened | undefined;
afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("rate limit", () => {
  it("answers the fifth post within a second with 429, Retry-After: 1 and an error body", async () => {
    opened = await openSandbox({ rateLimit: 4 });
    const { sandbox } = opened;
    const responses = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => post(sandbox, PETITION, personBody(`p${n}@example.org`))),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const limited = responses.find((r) => r.status === 429);
    expect(limited?.headers.get("retry-after")).toBe("1");
    expect(limited?.headers.get("access-control-allow-origin")).toBe("*");
    expect(await limited?.json()).toEqual({ error: "Too many requests" });
    expect(await control<SandboxRecord[]>(sandbox, "records")).toHaveLength(4);
    const log = await control<SandboxRequest[]>(sandbox, "requests");
    expect(log.filter((r) => r.status === 429)).toHaveLength(1);
    expect(log.find((r) => r.status === 429)?.outcome).toBe("rate-limited");

    // A client that waits the second out gets through.
    await sleep(1050);
    expect((await post(sandbox, PETITION, personBody("p6@example.org"))).status).toBe(200);
  });

  it("counts neither preflights nor control calls", async () => {
    opened = await openSandbox({ rateLimit: 2 });
    const { sandbox } = opened;
    for (let i = 0; i < 5; i += 1) {
      await fetch(sandbox.url + PETITION, { method: "OPTIONS" });
      await control(sandbox, "records");
    }
    const first = await post(sandbox, PETITION, personBody("a@example.org"));
    const second = await post(sandbox, PETITION, personBody("b@example.org"));
    const third = await post(sandbox, PETITION, personBody("c@example.org"));
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
  });

  it("counts keyed GETs", async () => {
    opened = await openSandbox({ rateLimit: 2 });
    const { sandbox } = opened;
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await get(sandbox, PETITION)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("is off with rateLimit 0", async () => {
    opened = await openSandbox({ rateLimit: 0 });
    const { sandbox } = opened;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, n) => post(sandbox, FORM, personBody(`p${n}@example.org`))),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
  });
});

describe("fault injection", () => {
  it("answers the next posts with the given status and Retry-After", async () => {
    opened = await openSandbox();
    const { sandbox } = opened;
    await control(sandbox, "faults", {
      method: "POST",
      body: { count: 2, status: 503, retryAfter: 7 },
    });
    // A preflight does not use up a fault.
    expect((await fetch(sandbox.url + PETITION, { method: "OPTIONS" })).status).toBe(204);
    for (let i = 0; i < 2; i += 1) {
      const response = await post(sandbox, PETITION, personBody());
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("7");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const body = (await response.json()) as { error: unknown };
      expect(typeof body.error).toBe("string");
    }
    expect(await control<SandboxRecord[]>(sandbox, "records")).toHaveLength(0);
    expect((await post(sandbox, PETITION, personBody())).status).toBe(200);
    expect(await control<SandboxRecord[]>(sandbox, "records")).toHaveLength(1);
  });

  it("serves queued faults in order", async () => {
    opened = await openSandbox();
    const { sandbox } = opened;
    await control(sandbox, "faults", { method: "POST", body: { count: 1, status: 500 } });
    await control(sandbox, "faults", { method: "POST", body: { count: 1, status: 429 } });
    expect(await control<unknown[]>(sandbox, "faults")).toHaveLength(2);
    const first = await post(sandbox, PETITION, personBody());
    const second = await post(sandbox, PETITION, personBody());
    const third = await post(sandbox, PETITION, personBody());
    expect([first.status, second.status, third.status]).toEqual([500, 429, 200]);
    expect(await second.json()).toEqual({ error: "Too many requests" });
    expect(second.headers.get("retry-after")).toBeNull();
  });

  it("delays a post, then handles it normally", async () => {
    opened = await openSandbox();
    const { sandbox } = opened;
    await control(sandbox, "faults", { method: "POST", body: { count: 1, delayMs: 300 } });
    const started = performance.now();
    const response = await post(sandbox, PETITION, personBody());
    expect(performance.now() - started).toBeGreaterThanOrEqual(280);
    expect(await response.text()).toBe("{}");
    expect(await control<SandboxRecord[]>(sandbox, "records")).toHaveLength(1);
    // Only one post was delayed.
    const again = performance.now();
    await post(sandbox, PETITION, personBody("b@example.org"));
    expect(performance.now() - again).toBeLessThan(250);
  });

  it("drops the connection without an answer", async () => {
    opened = await openSandbox();
    const { sandbox } = opened;
    await control(sandbox, "faults", { method: "POST", body: { count: 1, drop: true } });
    await expect(post(sandbox, PETITION, personBody())).rejects.toThrow();
    expect(await control<SandboxRecord[]>(sandbox, "records")).toHaveLength(0);
    expect((await post(sandbox, PETITION, personBody())).status).toBe(200);
    const log = await control<SandboxRequest[]>(sandbox, "requests");
    expect(log.map((r) => r.status)).toEqual([0, 200]);
  });

  it("clears queued faults on DELETE", async () => {
    opened = await openSandbox();
    const { sandbox } = opened;
    await control(sandbox, "faults", { method: "POST", body: { count: 3, status: 502 } });
    await control(sandbox, "faults", { method: "DELETE" });
    expect((await post(sandbox, PETITION, personBody())).status).toBe(200);
  });

  it.each([
    [{ count: 0, status: 500 }],
    [{ count: 1 }],
    [{ count: 1, status: 200 }],
    [{ count: 1, status: 500, drop: true }],
    [{ count: 1, retryAfter: 3 }],
  ])("refuses the fault spec %j with 400", async (spec) => {
    opened = await openSandbox();
    const response = await fetch(`${opened.sandbox.url}/_sandbox/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(spec),
    });
    expect(response.status).toBe(400);
    expect(typeof ((await response.json()) as { error: unknown }).error).toBe("string");
    expect(await control<unknown[]>(opened.sandbox, "faults")).toHaveLength(0);
  });
});
