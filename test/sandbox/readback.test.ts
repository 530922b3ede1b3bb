import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CAMPAIGN_EVENT,
  contractBody,
  control,
  EVENT,
  FORM,
  get,
  type Opened,
  openSandbox,
  PETITION,
  personBody,
  post,
} from "./support";

// Trimmed from the examples in Action Network's "REST API General Principles Version 2":
// the forms collection ("Collections") and the person resource ("Resources").
const CURIES = [
  { name: "osdi", href: "https://actionnetwork.org/docs/v2/{rel}", templated: true },
  { name: "action_network", href: "https://actionnetwork.org/docs/v2/{rel}", templated: true },
];
const SEED_COLLECTION = {
  total_pages: 10,
  per_page: 25,
  page: 1,
  total_records: 250,
  _links: {
    next: { href: "https://actionnetwork.org/api/v2/forms?page=2" },
    self: { href: "https://actionnetwork.org/api/v2/forms" },
    "osdi:forms": [
      { href: "https://actionnetwork.org/api/v2/forms/65345d7d-cd24-466a-a698-4a7686ef684f" },
    ],
    curies: CURIES,
  },
  _embedded: { "osdi:forms": [{}] },
};
const SEED_PERSON = {
  identifiers: ["action_network:d3e27e15-e5b5-4707-be96-8bc359462133", "foreign_system:1"],
  modified_date: "2014-03-25T15:26:45Z",
  created_date: "2014-03-24T12:47:29Z",
  given_name: "John",
  family_name: "Smith",
  email_addresses: [{ primary: true, address: "jdoe@mail.com", status: "subscribed" }],
  phone_numbers: [
    { primary: true, number: "12021234444", number_type: "Mobile", status: "subscribed" },
  ],
  postal_addresses: [
    {
      primary: true,
      address_lines: ["1600 Pennsylvanie Ave."],
      locality: "Washington",
      region: "DC",
      postal_code: "20009",
      country: "US",
      language: "en",
      location: { latitude: 38.919, longitude: -77.0379, accuracy: "Approximate" },
    },
  ],
  languages_spoken: ["en"],
  _links: {
    self: { href: "" },
    "osdi:attendances": { href: "" },
    "osdi:signatures": { href: "" },
    "osdi:submissions": { href: "" },
    "osdi:donations": { href: "" },
    "osdi:outreaches": { href: "" },
    "osdi:taggings": { href: "" },
    curies: CURIES,
  },
};

const UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
const IDENTIFIER = new RegExp(`^action_network:${UUID_V4}$`);
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

type Link = { href: string };
type Resource = Record<string, unknown> & {
  identifiers: string[];
  created_date: string;
  modified_date: string;
  _links: Record<string, Link | Link[] | typeof CURIES>;
};
type Collection = {
  total_pages: number;
  per_page: number;
  page: number;
  total_records: number;
  _links: Record<string, Link | Link[] | typeof CURIES> & {
    self: Link;
    next?: Link;
    previous?: Link;
  };
  _embedded: Record<string, Resource[]>;
};

const keysOf = (o: object) => Object.keys(o).sort();
const idOf = (r: Resource) => (r.identifiers[0] ?? "").replace("action_network:", "");

let opened: Opened;
let clock = 0;

describe("authentication", () => {
  beforeAll(async () => {
    opened = await openSandbox();
    await post(opened.sandbox, PETITION, personBody());
  });
  afterAll(() => opened.dispose());

  it.each([
    PETITION,
    FORM,
    EVENT,
    CAMPAIGN_EVENT,
    `${PETITION}/00000000-0000-4000-8000-000000000000`,
    "/api/v2/people/00000000-0000-4000-8000-000000000000",
  ])("refuses GET %s without a key (401) and with a wrong one (403)", async (path) => {
    const missing = await get(opened.sandbox, path, null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("content-type")).toBe("application/json");
    expect(typeof ((await missing.json()) as { error: unknown }).error).toBe("string");
    const wrong = await get(opened.sandbox, path, `${opened.sandbox.apiKey}x`);
    expect(wrong.status).toBe(403);
    expect(typeof ((await wrong.json()) as { error: unknown }).error).toBe("string");
  });

  it("answers the right key with HAL+JSON", async () => {
    const response = await get(opened.sandbox, PETITION);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/hal+json");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers 404 with an error body for an unknown item or person", async () => {
    for (const path of [
      `${PETITION}/00000000-0000-4000-8000-000000000000`,
      "/api/v2/people/00000000-0000-4000-8000-000000000000",
    ]) {
      const response = await get(opened.sandbox, path);
      expect(response.status).toBe(404);
      expect(typeof ((await response.json()) as { error: unknown }).error).toBe("string");
    }
  });
});

describe("HAL shapes", () => {
  beforeAll(async () => {
    opened = await openSandbox({ now: () => Date.parse("2014-03-26T18:04:00.250Z") });
    await post(opened.sandbox, PETITION, contractBody());
    await post(opened.sandbox, FORM, personBody());
    await post(opened.sandbox, CAMPAIGN_EVENT, personBody());
  });
  afterAll(() => opened.dispose());

  async function collection(path: string) {
    const response = await get(opened.sandbox, path);
    return (await response.json()) as Collection;
  }

  it("gives a collection the keys, curies and link shapes of the seeds' example", async () => {
    const doc = await collection(PETITION);
    expect(keysOf(doc)).toEqual(keysOf(SEED_COLLECTION));
    expect(doc._links.curies).toEqual(SEED_COLLECTION._links.curies);
    // The seed's link keys with our rel for its "osdi:forms"; one page, so no next.
    const seedLinkKeys = keysOf(SEED_COLLECTION._links)
      .filter((k) => k !== "next")
      .map((k) => (k === "osdi:forms" ? "osdi:signatures" : k));
    expect(keysOf(doc._links)).toEqual(seedLinkKeys.sort());
    expect(keysOf(doc._embedded)).toEqual(["osdi:signatures"]);
    expect(doc).toMatchObject({ total_pages: 1, per_page: 25, page: 1, total_records: 1 });
    expect(doc._links.self).toEqual({ href: opened.sandbox.url + PETITION });
    const [signature] = doc._embedded["osdi:signatures"] ?? [];
    expect(doc._links["osdi:signatures"]).toEqual([
      { href: `${opened.sandbox.url}${PETITION}/${signature ? idOf(signature) : "?"}` },
    ]);
  });

  it("shapes a signature like Action Network shows one", async () => {
    const doc = await collection(PETITION);
    const signature = doc._embedded["osdi:signatures"]?.[0] as Resource;
    expect(signature.identifiers).toHaveLength(1);
    expect(signature.identifiers[0]).toMatch(IDENTIFIER);
    expect(signature.created_date).toMatch(DATE);
    expect(signature.created_date).toBe("2014-03-26T18:04:00Z");
    expect(signature.modified_date).toMatch(DATE);
    expect(signature.comments).toBe("petitions only, when given");
    expect(signature["action_network:petition_id"]).toBe("7580a324-9a72-11e3-a2e9-12313d316c29");
    expect(signature["action_network:person_id"]).toMatch(new RegExp(`^${UUID_V4}$`));
    expect(signature["action_network:referrer_data"]).toEqual({
      source: "newsletter",
      website: "example.org",
    });
    expect(signature).not.toHaveProperty("add_tags");
    expect(signature).not.toHaveProperty("person");
    // Embedded items leave curies to the collection, as in the seeds' example.
    expect(keysOf(signature._links)).toEqual(["osdi:person", "osdi:petition", "self"]);
    expect(signature._links["osdi:petition"]).toEqual({
      href: `${opened.sandbox.url}/api/v2/petitions/7580a324-9a72-11e3-a2e9-12313d316c29`,
    });

    const self = (signature._links.self as Link).href;
    const item = (await (await get(opened.sandbox, self)).json()) as Resource;
    const { _links: itemLinks, ...itemFields } = item;
    const { _links: embeddedLinks, ...embeddedFields } = signature;
    expect(itemFields).toEqual(embeddedFields);
    expect(itemLinks).toEqual({ ...embeddedLinks, curies: CURIES });
  });

  it("shapes a submission and an attendance", async () => {
    const form = await collection(FORM);
    const submission = form._embedded["osdi:submissions"]?.[0] as Resource;
    expect(submission["action_network:form_id"]).toBe("65345d7d-cd24-466a-a698-4a7686ef684f");
    expect(submission).not.toHaveProperty("comments");
    expect(submission._links).toHaveProperty("osdi:form");

    // The campaign URL and the event's own URL list the same attendances.
    const viaCampaign = await collection(CAMPAIGN_EVENT);
    const direct = await collection(EVENT);
    expect(viaCampaign._embedded).toEqual(direct._embedded);
    const attendance = direct._embedded["osdi:attendances"]?.[0] as Resource;
    expect(attendance.status).toBe("accepted");
    expect(attendance["action_network:event_id"]).toBe("8a625981-67a4-4457-8b55-2e30b267b2c2");
    expect(attendance._links).toHaveProperty("osdi:event");
    expect(viaCampaign._links.self.href).toBe(opened.sandbox.url + CAMPAIGN_EVENT);
  });

  it("shapes a person like the seeds' person", async () => {
    const doc = await collection(PETITION);
    const signature = doc._embedded["osdi:signatures"]?.[0] as Resource;
    const href = (signature._links["osdi:person"] as Link).href;
    const response = await get(opened.sandbox, href);
    expect(response.headers.get("content-type")).toBe("application/hal+json");
    const person = (await response.json()) as Resource & {
      email_addresses: object[];
      phone_numbers: { status: string }[];
      postal_addresses: object[];
    };
    const allowed = [...keysOf(SEED_PERSON), "custom_fields"];
    expect(keysOf(person).every((k) => allowed.includes(k))).toBe(true);
    expect(person.identifiers[0]).toMatch(IDENTIFIER);
    expect(person.created_date).toMatch(DATE);
    expect(person.given_name).toBe("Ada");
    expect(person.family_name).toBe("Lovelace");
    expect(person.email_addresses).toEqual([
      { primary: true, address: "ada@example.org", status: "subscribed" },
    ]);
    expect(keysOf(person.email_addresses[0] ?? {})).toEqual(
      keysOf(SEED_PERSON.email_addresses[0] ?? {}),
    );
    const seedPhoneKeys = keysOf(SEED_PERSON.phone_numbers[0] ?? {});
    expect(keysOf(person.phone_numbers[0] ?? {}).every((k) => seedPhoneKeys.includes(k))).toBe(
      true,
    );
    // No SMS consent was sent, so the phone is not subscribed.
    expect(person.phone_numbers[0]?.status).toBe("unsubscribed");
    const seedPostalKeys = keysOf(SEED_PERSON.postal_addresses[0] ?? {});
    expect(keysOf(person.postal_addresses[0] ?? {}).every((k) => seedPostalKeys.includes(k))).toBe(
      true,
    );
    expect(person.custom_fields).toEqual({ issue: "Housing" });
    expect(person._links.curies).toEqual(CURIES);
    expect(person._links.self).toEqual({ href });
    const seedLinkKeys = keysOf(SEED_PERSON._links);
    expect(keysOf(person._links).every((k) => seedLinkKeys.includes(k))).toBe(true);

    const signatures = (await (
      await get(opened.sandbox, (person._links["osdi:signatures"] as Link).href)
    ).json()) as Collection;
    expect(signatures.total_records).toBe(1);
    expect(signatures._embedded["osdi:signatures"]?.[0]?.identifiers).toEqual(
      signature.identifiers,
    );
  });

  it("serves the action linked from a signature", async () => {
    const response = await get(
      opened.sandbox,
      "/api/v2/petitions/7580a324-9a72-11e3-a2e9-12313d316c29",
    );
    const action = (await response.json()) as Resource;
    expect(action.total_signatures).toBe(1);
    expect(action._links["osdi:record_signature_helper"]).toEqual({
      href: opened.sandbox.url + PETITION,
    });
    expect(action._links.curies).toEqual(CURIES);
  });
});

describe("paging", () => {
  beforeAll(async () => {
    opened = await openSandbox();
    for (let i = 0; i < 30; i += 1) {
      await post(opened.sandbox, PETITION, personBody(`person${i}@example.org`));
    }
  });
  afterAll(() => opened.dispose());

  it("splits 30 records into pages of 25 with next and previous links", async () => {
    const first = (await (await get(opened.sandbox, PETITION)).json()) as Collection;
    expect(first).toMatchObject({ total_pages: 2, per_page: 25, page: 1, total_records: 30 });
    expect(first._embedded["osdi:signatures"]).toHaveLength(25);
    expect(first._links["osdi:signatures"]).toHaveLength(25);
    expect(first._links.previous).toBeUndefined();
    expect(first._links.next?.href).toBe(`${opened.sandbox.url}${PETITION}?page=2`);

    const second = (await (
      await get(opened.sandbox, first._links.next?.href ?? "")
    ).json()) as Collection;
    expect(second).toMatchObject({ total_pages: 2, page: 2, total_records: 30 });
    expect(second._embedded["osdi:signatures"]).toHaveLength(5);
    expect(second._links.next).toBeUndefined();
    expect(second._links.previous?.href).toBe(`${opened.sandbox.url}${PETITION}?page=1`);
    expect(second._links.self.href).toBe(`${opened.sandbox.url}${PETITION}?page=2`);

    const all = [
      ...(first._embedded["osdi:signatures"] ?? []),
      ...(second._embedded["osdi:signatures"] ?? []),
    ].map(idOf);
    expect(new Set(all).size).toBe(30);
  });

  it("clamps per_page=100 to 25", async () => {
    const doc = (await (
      await get(opened.sandbox, `${PETITION}?per_page=100`)
    ).json()) as Collection;
    expect(doc.per_page).toBe(25);
    expect(doc.total_pages).toBe(2);
    expect(doc._embedded["osdi:signatures"]).toHaveLength(25);
  });

  it("keeps a smaller per_page in its links", async () => {
    const doc = (await (
      await get(opened.sandbox, `${PETITION}?per_page=10&page=2`)
    ).json()) as Collection;
    expect(doc).toMatchObject({ per_page: 10, page: 2, total_pages: 3 });
    expect(doc._embedded["osdi:signatures"]).toHaveLength(10);
    expect(doc._links.next?.href).toBe(`${opened.sandbox.url}${PETITION}?per_page=10&page=3`);
    expect(doc._links.previous?.href).toBe(`${opened.sandbox.url}${PETITION}?per_page=10&page=1`);
  });

  it("answers a page past the end with no items", async () => {
    const doc = (await (await get(opened.sandbox, `${PETITION}?page=9`)).json()) as Collection;
    expect(doc._embedded["osdi:signatures"]).toEqual([]);
    expect(doc._links.next).toBeUndefined();
    expect(doc._links.previous?.href).toBe(`${opened.sandbox.url}${PETITION}?page=2`);
  });
});

describe("OData filter", () => {
  const ids: Record<"a" | "b" | "c", string> = { a: "", b: "", c: "" };

  beforeAll(async () => {
    opened = await openSandbox({ now: () => clock });
    clock = Date.parse("2014-03-24T12:00:00Z");
    await post(opened.sandbox, PETITION, personBody("a@example.org"));
    clock = Date.parse("2014-03-25T12:00:00Z");
    await post(opened.sandbox, PETITION, personBody("b@example.org"));
    clock = Date.parse("2014-03-26T12:00:00Z");
    await post(opened.sandbox, PETITION, personBody("c@example.org"));
    clock = Date.parse("2014-03-27T09:30:00Z");
    await post(opened.sandbox, PETITION, personBody("a@example.org")); // a repeat: modifies a
    const records = await control<{ id: string }[]>(opened.sandbox, "records");
    ids.a = records[0]?.id ?? "";
    ids.b = records[1]?.id ?? "";
    ids.c = records[2]?.id ?? "";
  });
  afterAll(() => opened.dispose());

  async function filtered(filter: string) {
    const response = await get(opened.sandbox, `${PETITION}?filter=${encodeURIComponent(filter)}`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Collection;
    const found = (doc._embedded["osdi:signatures"] ?? []).map(idOf);
    return found.map((id) => Object.entries(ids).find(([, v]) => v === id)?.[0]).join("");
  }

  beforeEach(() => {
    expect(ids.a).not.toBe("");
  });

  it("finds one by identifier eq", async () => {
    expect(await filtered(`identifier eq 'action_network:${ids.b}'`)).toBe("b");
    expect(await filtered("identifier eq 'action_network:nope'")).toBe("");
  });

  it.each([
    ["created_date gt '2014-03-25'", "bc"],
    ["created_date lt '2014-03-25'", "a"],
    ["created_date eq '2014-03-25'", "b"],
    ["created_date eq '2014-03-25T12:00:00Z'", "b"],
    ["created_date gt '2014-03-25T12:00:00Z'", "c"],
    ["created_date lt '2014-03-26T12:00:00'", "ab"],
    ["modified_date gt '2014-03-26T13:00:00Z'", "a"],
    ["modified_date lt '2014-03-27'", "bc"],
    ["modified_date eq '2014-03-27'", "a"],
    ["created_date   GT   '2014-03-25'", "bc"],
  ])("%s -> %s", async (filter, expected) => {
    expect(await filtered(filter)).toBe(expected);
  });

  it("counts only the matches and keeps the filter in its links", async () => {
    const filter = "created_date gt '2014-03-25'";
    const response = await get(
      opened.sandbox,
      `${PETITION}?per_page=1&filter=${encodeURIComponent(filter)}`,
    );
    const doc = (await response.json()) as Collection;
    expect(doc.total_records).toBe(2);
    const next = new URL(doc._links.next?.href ?? "");
    expect(next.searchParams.get("filter")).toBe(filter);
    expect(next.searchParams.get("page")).toBe("2");
  });

  it.each([
    "title eq 'x'",
    "origin_system eq 'x'",
    "identifier gt 'action_network:x'",
    "created_date ge '2014-03-25'",
    "created_date gt '2014-13-45'",
    "created_date gt 2014-03-25",
    "created_date gt '2014-03-25' and modified_date lt '2014-03-27'",
    "nonsense",
  ])("answers 400 with an error body for %s", async (filter) => {
    const response = await get(opened.sandbox, `${PETITION}?filter=${encodeURIComponent(filter)}`);
    expect(response.status).toBe(400);
    expect(typeof ((await response.json()) as { error: unknown }).error).toBe("string");
  });
});
