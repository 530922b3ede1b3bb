import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CAMPAIGN_EVENT,
  contractBody,
  control,
  EVENT,
  FORM,
  type Opened,
  openSandbox,
  PETITION,
  personBody,
  post,
  type SandboxEmail,
  type SandboxRecord,
  type SandboxRejection,
  type SandboxRequest,
  waitFor,
} from "./support";

let opened: Opened;
let clock = Date.parse("2024-05-01T10:00:00Z");

beforeEach(async () => {
  clock = Date.parse("2024-05-01T10:00:00Z");
  opened = await openSandbox({ now: () => clock });
});
afterEach(async () => {
  await opened.dispose();
});

const records = () => control<SandboxRecord[]>(opened.sandbox, "records");
const rejections = () => control<SandboxRejection[]>(opened.sandbox, "rejections");
const outbox = () => control<SandboxEmail[]>(opened.sandbox, "outbox");

describe("CORS", () => {
  it("answers a preflight with 204 and the allow headers", async () => {
    const response = await fetch(opened.sandbox.url + PETITION, {
      method: "OPTIONS",
      headers: {
        Origin: "http://host.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("POST, GET, OPTIONS");
    expect(response.headers.get("access-control-allow-headers")).toBe(
      "Content-Type, OSDI-API-Token",
    );
    expect(Number(response.headers.get("access-control-max-age"))).toBeGreaterThan(0);
    // A preflight is not a post: nothing recorded or rejected.
    expect(await records()).toHaveLength(0);
    expect(await rejections()).toHaveLength(0);
  });

  it("puts Allow-Origin on every API response and exposes nothing by default", async () => {
    const ok = await post(opened.sandbox, PETITION, personBody());
    const missing = await post(opened.sandbox, "/api/v2/nothing/here", personBody());
    for (const response of [ok, missing]) {
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-expose-headers")).toBeNull();
    }
  });

  it("exposes Retry-After only when asked to", async () => {
    const other = await openSandbox({ exposeRetryAfter: true });
    try {
      const response = await post(other.sandbox, PETITION, personBody());
      expect(response.headers.get("access-control-expose-headers")).toBe("Retry-After");
    } finally {
      await other.dispose();
    }
  });
});

describe("accepted posts", () => {
  it("answers 200 {} as JSON and records the exact body", async () => {
    const body = contractBody();
    const response = await post(opened.sandbox, PETITION, body);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe("{}");

    const [record, ...rest] = await records();
    expect(rest).toHaveLength(0);
    expect(record).toMatchObject({
      kind: "petition",
      actionId: "7580a324-9a72-11e3-a2e9-12313d316c29",
      path: PETITION,
      background: false,
      updates: 0,
      created_date: "2024-05-01T10:00:00Z",
      modified_date: "2024-05-01T10:00:00Z",
      tags: ["climate", "volunteer"],
      warnings: [],
    });
    expect(record?.body).toEqual(body);
    expect(record?.personId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await rejections()).toHaveLength(0);
  });

  it.each([
    ["petition", PETITION, undefined],
    ["form", FORM, undefined],
    ["event", EVENT, undefined],
    ["event", CAMPAIGN_EVENT, "ec-1"],
  ])("accepts a %s at %s", async (kind, path, campaign) => {
    const response = await post(opened.sandbox, path, personBody());
    expect(await response.text()).toBe("{}");
    const [record] = await records();
    expect(record?.kind).toBe(kind);
    expect(record?.path).toBe(path);
    expect(record?.eventCampaignId).toBe(campaign);
  });

  it("accepts a phone-only person with 7 digits", async () => {
    await post(opened.sandbox, FORM, { person: { phone_numbers: [{ number: "555-0123" }] } });
    expect(await records()).toHaveLength(1);
    expect(await rejections()).toHaveLength(0);
  });

  it("notes unknown keys as warnings without rejecting", async () => {
    await post(opened.sandbox, PETITION, { ...personBody(), tags: ["oops"] });
    const [record] = await records();
    expect(record?.warnings).toEqual(['unknown key "tags"']);
  });

  it("logs the request with origin, content type and no credentials", async () => {
    await post(opened.sandbox, `${PETITION}?x=1`, personBody());
    const log = await control<SandboxRequest[]>(opened.sandbox, "requests");
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: "POST",
      path: PETITION,
      query: { x: "1" },
      status: 200,
      origin: "http://host.example",
      contentType: "application/json",
      credentials: false,
      outcome: "accepted",
    });
  });
});

describe("unknown paths and transport errors", () => {
  it.each([
    "/api/v2/people",
    "/api/v2/petitions/bad_id!/signatures",
    "/api/v2/petitions/abc/submissions",
    "/api/v3/petitions/abc/signatures",
    "/elsewhere",
  ])("answers 404 with an error body for %s", async (path) => {
    const response = await post(opened.sandbox, path, personBody());
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = (await response.json()) as { error: unknown };
    expect(typeof body.error).toBe("string");
    expect(await records()).toHaveLength(0);
  });

  it("answers 405 to a post on the action URL itself", async () => {
    const response = await post(opened.sandbox, "/api/v2/petitions/abc", personBody());
    expect(response.status).toBe(405);
    expect(((await response.json()) as { error: string }).error).toContain("/signatures");
  });

  it("answers 413 to a body over 64 KB", async () => {
    const big = personBody("ada@example.org", { comments: "x".repeat(70 * 1024) });
    const response = await post(opened.sandbox, PETITION, big);
    expect(response.status).toBe(413);
    expect(typeof ((await response.json()) as { error: unknown }).error).toBe("string");
    const [rejection] = await rejections();
    expect(rejection).toMatchObject({ status: 413, code: "too-large" });
    expect(await records()).toHaveLength(0);
  });

  it("answers 415 to a body that is not declared as JSON", async () => {
    const response = await post(opened.sandbox, PETITION, JSON.stringify(personBody()), {
      "Content-Type": "text/plain",
    });
    expect(response.status).toBe(415);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(typeof ((await response.json()) as { error: unknown }).error).toBe("string");
    const [rejection] = await rejections();
    expect(rejection).toMatchObject({ status: 415, code: "bad-content-type" });
  });

  it("accepts application/json with a charset", async () => {
    const response = await post(opened.sandbox, PETITION, personBody(), {
      "Content-Type": "application/json; charset=utf-8",
    });
    expect(response.status).toBe(200);
    expect(await records()).toHaveLength(1);
  });
});

describe("rejected posts still answer 200 {}", () => {
  const person = (p: Record<string, unknown>) => ({ person: p });
  const email = [{ address: "ada@example.org" }];
  const cases: [string, string, unknown, string][] = [
    ["body not JSON", PETITION, "{not json", "invalid-json"],
    ["body an array", PETITION, [personBody()], "not-object"],
    ["body a string", PETITION, '"hello"', "not-object"],
    ["no person", PETITION, { add_tags: ["a"] }, "no-person"],
    ["person not an object", PETITION, { person: "Ada" }, "no-person"],
    ["neither email nor phone", PETITION, person({ given_name: "Ada" }), "no-contact"],
    ["empty email list", PETITION, person({ email_addresses: [] }), "no-contact"],
    [
      "phone with 6 digits and no email",
      PETITION,
      person({ phone_numbers: [{ number: "555-012" }] }),
      "bad-phone",
    ],
    [
      "malformed email",
      PETITION,
      person({ email_addresses: [{ address: "ada@example" }] }),
      "bad-email",
    ],
    [
      "email with a space",
      PETITION,
      person({ email_addresses: [{ address: "ada @example.org" }] }),
      "bad-email",
    ],
    [
      "malformed email beside a good phone",
      PETITION,
      person({
        email_addresses: [{ address: "not-an-email" }],
        phone_numbers: [{ number: "12025550123" }],
      }),
      "bad-email",
    ],
    ["comments on a form", FORM, { ...personBody(), comments: "hi" }, "comments-not-petition"],
    ["comments on an event", EVENT, { ...personBody(), comments: "hi" }, "comments-not-petition"],
    [
      "nested custom field",
      FORM,
      person({ email_addresses: email, custom_fields: { a: { b: "c" } } }),
      "bad-custom-fields",
    ],
    [
      "custom field array",
      FORM,
      person({ email_addresses: email, custom_fields: { a: ["x"] } }),
      "bad-custom-fields",
    ],
    [
      "custom fields not an object",
      FORM,
      person({ email_addresses: email, custom_fields: ["x"] }),
      "bad-custom-fields",
    ],
    ["add_tags a string", PETITION, { ...personBody(), add_tags: "climate" }, "bad-add-tags"],
    ["add_tags with a number", PETITION, { ...personBody(), add_tags: ["a", 1] }, "bad-add-tags"],
    [
      "empty family_name",
      PETITION,
      person({ email_addresses: email, family_name: "" }),
      "empty-string",
    ],
    [
      "empty postal_code deep inside",
      PETITION,
      person({ email_addresses: email, postal_addresses: [{ postal_code: "" }] }),
      "empty-string",
    ],
    [
      "email status unsubscribed",
      PETITION,
      person({ email_addresses: [{ address: "ada@example.org", status: "unsubscribed" }] }),
      "bad-status",
    ],
    [
      "phone status bouncing",
      PETITION,
      person({
        email_addresses: email,
        phone_numbers: [{ number: "12025550123", status: "bouncing" }],
      }),
      "bad-status",
    ],
    [
      "source with a space",
      PETITION,
      { ...personBody(), "action_network:referrer_data": { source: "news letter" } },
      "bad-source",
    ],
    [
      "source with a dot",
      PETITION,
      { ...personBody(), "action_network:referrer_data": { source: "email.2024" } },
      "bad-source",
    ],
  ];

  it.each(cases)("%s", async (_name, path, body, code) => {
    const response = await post(opened.sandbox, path, body);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe("{}");
    expect(await records()).toHaveLength(0);
    const list = await rejections();
    expect(list).toHaveLength(1);
    expect(list[0]?.code).toBe(code);
    expect(list[0]?.status).toBe(200);
    expect(list[0]?.reasons.map((r) => r.code)).toContain(code);
    expect(list[0]?.reason.length).toBeGreaterThan(0);
  });

  it("flags a post that carries an OSDI-API-Token, however good its body", async () => {
    const response = await post(opened.sandbox, PETITION, contractBody(), {
      "OSDI-API-Token": "leaked",
    });
    expect(await response.text()).toBe("{}");
    expect(await records()).toHaveLength(0);
    const [rejection] = await rejections();
    expect(rejection?.reason).toBe("credential header present");
    expect(rejection?.code).toBe("credential-header");
    const [entry] = await control<SandboxRequest[]>(opened.sandbox, "requests");
    expect(entry?.credentials).toBe(true);
  });

  it("reports every problem of a body at once", async () => {
    await post(opened.sandbox, FORM, {
      person: { email_addresses: [{ address: "x" }], family_name: "" },
      comments: "no",
      add_tags: "a",
    });
    const [rejection] = await rejections();
    expect(rejection?.reasons.map((r) => r.code).sort()).toEqual([
      "bad-add-tags",
      "bad-email",
      "comments-not-petition",
      "empty-string",
    ]);
  });

  it("keeps the raw text of a body that did not parse", async () => {
    await post(opened.sandbox, PETITION, "{not json");
    const [rejection] = await rejections();
    expect(rejection?.body).toBe("{not json");
  });
});

describe("background_request", () => {
  it("answers at once and records the post a moment later", async () => {
    const response = await post(
      opened.sandbox,
      `${PETITION}?background_request=true`,
      personBody(),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("{}");
    const [entry] = await control<SandboxRequest[]>(opened.sandbox, "requests");
    expect(entry?.outcome).toBe("queued");
    const [record] = await waitFor(async () => {
      const list = await records();
      return list.length > 0 && list;
    });
    expect(record?.background).toBe(true);
  });

  it("rejects a bad background post later, marked background", async () => {
    await post(opened.sandbox, `${PETITION}?background_request=true`, { person: {} });
    const [rejection] = await waitFor(async () => {
      const list = await rejections();
      return list.length > 0 && list;
    });
    expect(rejection?.background).toBe(true);
    expect(rejection?.code).toBe("no-contact");
  });
});

describe("deduplication", () => {
  it("merges a repeat by the same email into the first record", async () => {
    await post(opened.sandbox, PETITION, {
      person: { given_name: "Ada", email_addresses: [{ address: "Ada@Example.org" }] },
      add_tags: ["a"],
    });
    const [first] = await records();
    clock += 60_000;
    await post(opened.sandbox, PETITION, {
      person: {
        given_name: "Ada",
        family_name: "Lovelace",
        email_addresses: [{ address: "ada@example.org" }],
      },
      add_tags: ["b", "a"],
    });
    const list = await records();
    expect(list).toHaveLength(1);
    const [record] = list;
    expect(record?.id).toBe(first?.id);
    expect(record?.updates).toBe(1);
    expect(record?.created_date).toBe("2024-05-01T10:00:00Z");
    expect(record?.modified_date).toBe("2024-05-01T10:01:00Z");
    expect(record?.tags).toEqual(["a", "b"]);
    const people = await control<{ family_name?: string; tags: string[] }[]>(
      opened.sandbox,
      "people",
    );
    expect(people).toHaveLength(1);
    expect(people[0]?.family_name).toBe("Lovelace");
  });

  it("matches phone-only people by digits, however formatted", async () => {
    await post(opened.sandbox, EVENT, {
      person: { phone_numbers: [{ number: "+1 (202) 555-0123" }] },
    });
    await post(opened.sandbox, EVENT, { person: { phone_numbers: [{ number: "12025550123" }] } });
    const list = await records();
    expect(list).toHaveLength(1);
    expect(list[0]?.updates).toBe(1);
  });

  it("links one person to records on different actions", async () => {
    await post(opened.sandbox, PETITION, personBody());
    await post(opened.sandbox, FORM, personBody("ADA@example.org"));
    const list = await records();
    expect(list).toHaveLength(2);
    expect(list[0]?.personId).toBe(list[1]?.personId);
  });

  it("treats an event reached through its campaign as the same event", async () => {
    await post(opened.sandbox, EVENT, personBody());
    await post(opened.sandbox, CAMPAIGN_EVENT, personBody());
    expect(await records()).toHaveLength(1);
  });

  it("keeps different people apart", async () => {
    await post(opened.sandbox, PETITION, personBody("ada@example.org"));
    await post(opened.sandbox, PETITION, personBody("grace@example.org"));
    expect(await records()).toHaveLength(2);
  });
});

describe("autoresponse outbox", () => {
  const autoresponse = { triggers: { autoresponse: { enabled: true } } };

  it.each([
    [PETITION, "petition", "Thanks for signing"],
    [FORM, "form", "Thanks for your submission"],
    [EVENT, "event", "You're registered"],
  ])("sends one thank-you for a new record at %s", async (path, kind, subject) => {
    await post(opened.sandbox, path, personBody("ada@example.org", autoresponse));
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "ada@example.org", subject, action: { kind } });
    expect(mails[0]?.text).toContain("Hi Ada,");
  });

  it("does not send a second one for a repeat", async () => {
    await post(opened.sandbox, PETITION, personBody("ada@example.org", autoresponse));
    await post(opened.sandbox, PETITION, personBody("ada@example.org", autoresponse));
    expect(await outbox()).toHaveLength(1);
  });

  it("sends none when not asked or with no email", async () => {
    await post(opened.sandbox, PETITION, personBody("ada@example.org"));
    await post(opened.sandbox, PETITION, {
      person: { phone_numbers: [{ number: "12025550123" }] },
      ...autoresponse,
    });
    await post(opened.sandbox, FORM, {
      ...personBody("grace@example.org"),
      triggers: { autoresponse: { enabled: false } },
    });
    expect(await records()).toHaveLength(3);
    expect(await outbox()).toHaveLength(0);
  });

  it("sends none for a rejected post", async () => {
    await post(opened.sandbox, FORM, { ...personBody(), ...autoresponse, comments: "no" });
    expect(await outbox()).toHaveLength(0);
  });
});
