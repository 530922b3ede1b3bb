// Pure pieces of the sandbox, without a server.
import { describe, expect, it } from "vitest";
import { slugify, wallClock } from "../../sandbox/actions.mjs";
import { FaultQueue, parseFault } from "../../sandbox/faults.mjs";
import { EVENT_FIELDS, parseFilter } from "../../sandbox/filter.mjs";
import { parseApiPath, parsePublicPath } from "../../sandbox/paths.mjs";
import { createRateLimiter } from "../../sandbox/ratelimit.mjs";
import { isoSeconds } from "../../sandbox/store.mjs";
import { isValidEmail, validateHelperPost } from "../../sandbox/validate.mjs";

describe("validateHelperPost", () => {
  it("normalises a good body", () => {
    const result = validateHelperPost("petition", {
      person: {
        given_name: "Ada",
        email_addresses: [{ address: "ada@example.org", status: "subscribed" }],
        phone_numbers: [{ number: "+1 202 555 0123" }],
        postal_addresses: [{ postal_code: "20009", address_lines: ["1 Main St"] }],
        custom_fields: { n: 3, ok: true },
      },
      comments: "hi",
      add_tags: ["a"],
      triggers: { autoresponse: { enabled: true } },
      "action_network:referrer_data": { source: "news-letter_2", referrer: "group-x" },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.post).toEqual({
      person: {
        given_name: "Ada",
        email_addresses: [{ address: "ada@example.org", status: "subscribed" }],
        phone_numbers: [{ number: "+1 202 555 0123" }],
        postal_addresses: [{ postal_code: "20009", address_lines: ["1 Main St"] }],
        custom_fields: { n: 3, ok: true },
      },
      comments: "hi",
      addTags: ["a"],
      autoresponse: true,
      referrerData: { source: "news-letter_2", referrer: "group-x" },
    });
  });

  it.each([
    ["a@b.co", true],
    ["first.last+tag@sub.example.org", true],
    ["ada@example", false],
    ["@example.org", false],
    ["ada@@example.org", false],
    ["ada@-example.org", false],
    [`${"a".repeat(65)}@example.org`, false],
  ])("isValidEmail(%s) is %s", (address, valid) => {
    expect(isValidEmail(address)).toBe(valid);
  });

  it("rejects a bad triggers shape and a non-string comment", () => {
    const result = validateHelperPost("petition", {
      person: { email_addresses: [{ address: "a@b.co" }] },
      triggers: { autoresponse: { enabled: "yes" } },
      comments: 5,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reasons.map((r) => r.code)).toEqual(["bad-comments", "bad-triggers"]);
  });
});

describe("parseFilter", () => {
  const item = {
    identifiers: ["action_network:abc"],
    created_date: "2014-03-25T00:00:00Z",
    modified_date: "2014-03-25T23:59:59Z",
  };
  it.each([
    ["created_date gt '2014-03-25'", false],
    ["created_date eq '2014-03-25'", true],
    ["created_date lt '2014-03-25T00:00:01Z'", true],
    ["modified_date eq '2014-03-25T23:59:59Z'", true],
    ["modified_date gt '2014-03-25T23:59:58+00:00'", true],
    ["modified_date lt '2014-03-25T18:00:00-06:00'", true],
    ["identifier eq 'action_network:abc'", true],
  ])("%s matches: %s", (text, expected) => {
    const filter = parseFilter(text);
    expect(filter.ok).toBe(true);
    if (filter.ok) expect(filter.test(item)).toBe(expected);
  });

  it("rejects impossible dates", () => {
    expect(parseFilter("created_date eq '2014-02-30'").ok).toBe(false);
  });
});

describe("parseApiPath", () => {
  it("names every helper, item and person route", () => {
    expect(parseApiPath("/api/v2/petitions/p1/signatures")).toEqual({
      type: "collection",
      kind: "petition",
      collection: "signatures",
      actionId: "p1",
    });
    expect(parseApiPath("/api/v2/event_campaigns/ec/events/e1/attendances/r1/")).toEqual({
      type: "item",
      kind: "event",
      collection: "attendances",
      actionId: "e1",
      eventCampaignId: "ec",
      itemId: "r1",
    });
    expect(parseApiPath("/api/v2/forms/f1")).toEqual({
      type: "action",
      kind: "form",
      actionId: "f1",
    });
    expect(parseApiPath("/api/v2/people/x/submissions")).toEqual({
      type: "person-collection",
      personId: "x",
      collection: "submissions",
    });
    expect(parseApiPath("/api/v2/petitions/p1/attendances")).toBeNull();
    expect(parseApiPath("/api/v2/petitions/p%201/signatures")).toBeNull();
  });
});

describe("rate limiter", () => {
  it("allows n per rolling second and forgets refused calls", () => {
    let now = 0;
    const limiter = createRateLimiter(2, () => now);
    expect([limiter.take(), limiter.take(), limiter.take()]).toEqual([true, true, false]);
    now = 999;
    expect(limiter.take()).toBe(false);
    now = 1000;
    expect(limiter.take()).toBe(true);
  });
});

describe("faults", () => {
  it("serves entries in order and counts them down", () => {
    const queue = new FaultQueue();
    const a = parseFault({ count: 2, status: 503 });
    const b = parseFault({ delayMs: 10 });
    if (!a.ok || !b.ok) throw new Error("fault specs should parse");
    queue.add(a.entry);
    queue.add(b.entry);
    expect(queue.take()).toEqual({ status: 503 });
    expect(queue.take()).toEqual({ status: 503 });
    expect(queue.take()).toEqual({ delayMs: 10 });
    expect(queue.take()).toBeUndefined();
  });
});

describe("isoSeconds", () => {
  it("drops milliseconds the way Action Network dates look", () => {
    expect(isoSeconds(Date.parse("2014-03-25T15:26:45.999Z"))).toBe("2014-03-25T15:26:45Z");
  });
});

describe("the group's actions", () => {
  it.each([
    ["2026-12-10T18:30:00Z", "2026-12-10T18:30:00Z"],
    ["2026-12-10T18:30", "2026-12-10T18:30:00Z"],
    ["2026-12-10T18:30:00-06:00", "2026-12-10T18:30:00Z"],
    ["2026-12-10 18:30:00.250", "2026-12-10T18:30:00Z"],
    ["2026-12-10", "2026-12-10T00:00:00Z"],
    ["2026-02-30T10:00:00Z", null],
    ["2026-12-10T25:00:00Z", null],
    ["December 10", null],
  ])("wallClock(%s) is %s: the place's clock as written, with a Z", (value, expected) => {
    expect(wallClock(value)).toBe(expected);
  });

  it.each([
    ["Stop doing the bad thing!", "stop-doing-the-bad-thing"],
    ["  Café  & Crème — 2026 ", "cafe-creme-2026"],
    ["!!!", "action"],
  ])("slugify(%j) is %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("filters an event's start_date and title, and refuses fields the collection lacks", () => {
    const event = {
      identifiers: ["action_network:e"],
      title: "Town hall",
      start_date: "2026-12-10T18:30:00Z",
    };
    const test = (text: string) => {
      const filter = parseFilter(text, EVENT_FIELDS);
      if (!filter.ok) throw new Error(filter.error);
      return filter.test(event);
    };
    expect(test("start_date eq '2026-12-10'")).toBe(true);
    expect(test("start_date gt '2026-12-11'")).toBe(false);
    expect(test("end_date lt '2030-01-01'")).toBe(false);
    expect(test("title eq 'Town hall'")).toBe(true);
    expect(parseFilter("title eq 'Town hall'").ok).toBe(false);
    expect(parseFilter("title gt 'T'", EVENT_FIELDS).ok).toBe(false);
  });

  it("names the collections of actions and Action Network's web pages", () => {
    expect(parseApiPath("/api/v2/events/")).toEqual({ type: "actions", kind: "event" });
    expect(parseApiPath("/api/v2/people")).toBeNull();
    expect(parsePublicPath("/petitions/save-the-park")).toEqual({
      kind: "petition",
      slug: "save-the-park",
      page: true,
    });
    expect(parsePublicPath("/forms/tell-us/submissions")).toEqual({
      kind: "form",
      slug: "tell-us",
      page: false,
    });
    expect(parsePublicPath("/event_campaigns/day/events/1")?.kind).toBeNull();
    expect(parsePublicPath("/api/v2/petitions/x")).toBeNull();
    expect(parsePublicPath("/petitions")).toBeNull();
  });
});
