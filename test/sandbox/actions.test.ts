// The sandbox as the organizer's Action Network: the keyed API's petitions, forms and
// events, created and changed with the key, paged, filtered, with totals that grow.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_ACTIONS } from "../../scripts/demo-actions.mjs";
import { TOWN_HALL } from "../town-hall";
import { type Opened, openSandbox, personBody, post } from "./support";

type Link = { href: string };
type Action = Record<string, unknown> & {
  identifiers: string[];
  title: string;
  created_date: string;
  modified_date: string;
  browser_url: string;
  _links: Record<string, Link | Link[] | unknown>;
};
type Collection = {
  total_pages: number;
  per_page: number;
  page: number;
  total_records: number;
  _links: Record<string, unknown> & { self: Link; next?: Link; previous?: Link };
  _embedded: Record<string, Action[]>;
};

const CURIES = [
  { name: "osdi", href: "https://actionnetwork.org/docs/v2/{rel}", templated: true },
  { name: "action_network", href: "https://actionnetwork.org/docs/v2/{rel}", templated: true },
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const idOf = (a: Action) => (a.identifiers[0] ?? "").replace("action_network:", "");
const selfOf = (a: Action) => (a._links.self as Link).href;

let opened: Opened;
let clock = 0;

function keyed(method: string, path: string, body?: unknown, key: string | null = null) {
  const url = path.startsWith("http") ? path : opened.sandbox.url + path;
  return fetch(url, {
    method,
    headers: {
      ...(key === null
        ? { "OSDI-API-Token": opened.sandbox.apiKey }
        : key
          ? { "OSDI-API-Token": key }
          : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function create(path: string, body: unknown): Promise<Action> {
  const response = await keyed("POST", path, body);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/hal+json");
  return (await response.json()) as Action;
}

async function read<T>(path: string): Promise<T> {
  const response = await keyed("GET", path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const EVENT = {
  ...TOWN_HALL,
  location: {
    ...TOWN_HALL.location,
    location: { latitude: 41.6, longitude: -88.551, accuracy: "Rooftop" },
  },
};

describe("without the key", () => {
  beforeAll(async () => {
    opened = await openSandbox();
  });
  afterAll(() => opened.dispose());

  it.each([
    ["GET", "/api/v2/petitions"],
    ["GET", "/api/v2/forms"],
    ["GET", "/api/v2/events"],
    ["POST", "/api/v2/petitions"],
    ["PUT", "/api/v2/events/8a625981-67a4-4457-8b55-2e30b267b2c2"],
  ])("%s %s is 401, and 403 with a wrong key", async (method, path) => {
    const body = method === "GET" ? undefined : { title: "x" };
    const missing = await keyed(method, path, body, "");
    expect(missing.status).toBe(401);
    expect(typeof ((await missing.json()) as { error: unknown }).error).toBe("string");
    const wrong = await keyed(method, path, body, `${opened.sandbox.apiKey}x`);
    expect(wrong.status).toBe(403);
    expect(await read<Collection>("/api/v2/petitions")).toMatchObject({ total_records: 0 });
  });
});

describe("creating and changing actions", () => {
  beforeEach(async () => {
    clock = Date.parse("2026-11-01T09:00:00Z");
    opened = await openSandbox({ now: () => clock });
  });
  afterEach(() => opened.dispose());

  it("creates a petition, a form and an event that read back as Action Network shows them", async () => {
    const petition = await create("/api/v2/petitions", {
      title: "Stop doing the bad thing",
      description: "<p>Please stop doing this really bad thing.</p>",
      petition_text: "Mayor Doe, stop doing the bad thing.",
      identifiers: ["my_crm:42"],
    });
    const form = await create("/api/v2/forms", { title: "Tell your story" });
    const event = await create("/api/v2/events", EVENT);

    for (const [action, segment, total, helper] of [
      [petition, "petitions", "total_signatures", "osdi:record_signature_helper"],
      [form, "forms", "total_submissions", "osdi:record_submission_helper"],
      [event, "events", "total_accepted", "osdi:record_attendance_helper"],
    ] as const) {
      expect(idOf(action)).toMatch(UUID);
      expect(action.created_date).toBe("2026-11-01T09:00:00Z");
      expect(action[total]).toBe(0);
      const self = `${opened.sandbox.url}/api/v2/${segment}/${idOf(action)}`;
      expect(selfOf(action)).toBe(self);
      expect(action._links[helper]).toEqual({
        href: `${self}/${{ petitions: "signatures", forms: "submissions", events: "attendances" }[segment]}`,
      });
      expect(action._links.curies).toEqual(CURIES);
      expect(action.browser_url).toMatch(
        new RegExp(`^${opened.sandbox.url}/${segment}/[a-z0-9-]+$`),
      );
      // The resource read back is the one the POST answered.
      expect(await read<Action>(self)).toEqual(action);
    }
    expect(petition.identifiers).toEqual([`action_network:${idOf(petition)}`, "my_crm:42"]);
    expect(petition).toMatchObject({
      title: "Stop doing the bad thing",
      petition_text: "Mayor Doe, stop doing the bad thing.",
      browser_url: `${opened.sandbox.url}/petitions/stop-doing-the-bad-thing`,
    });
    expect(event).toMatchObject({
      start_date: "2026-12-10T18:30:00Z",
      end_date: "2026-12-10T20:00:00Z",
      location: EVENT.location,
      status: "confirmed",
    });
    expect(Object.keys(event.location as object)).toEqual([
      "venue",
      "address_lines",
      "locality",
      "region",
      "postal_code",
      "country",
      "location",
    ]);
  });

  it("changes an action with PUT: given fields set, null removes, modified_date moves", async () => {
    const event = await create("/api/v2/events", EVENT);
    clock += 60_000;
    const response = await keyed("PUT", selfOf(event), {
      title: "Town hall (moved)",
      start_date: "2026-12-11T18:30:00-06:00",
      end_date: null,
      location: { ...EVENT.location, venue: "City Hall" },
    });
    expect(response.status).toBe(200);
    const changed = (await response.json()) as Action;
    const again = await read<Action>(selfOf(event));
    expect(again).toEqual(changed);
    expect(again).toMatchObject({
      title: "Town hall (moved)",
      // An offset is dropped: Action Network's dates are the place's clock.
      start_date: "2026-12-11T18:30:00Z",
      created_date: "2026-11-01T09:00:00Z",
      modified_date: "2026-11-01T09:01:00Z",
      location: { venue: "City Hall", locality: "Millbrook" },
      // The public page keeps its address when the title changes.
      browser_url: event.browser_url,
    });
    expect(again).not.toHaveProperty("end_date");
  });

  it.each([
    ["/api/v2/petitions", {}, /title/],
    ["/api/v2/petitions", { title: "  " }, /title/],
    ["/api/v2/petitions", { title: "x", start_date: "2026-12-10T18:30:00Z" }, /events/],
    ["/api/v2/events", { title: "x", start_date: "next Tuesday" }, /start_date/],
    ["/api/v2/events", { title: "x", start_date: "2026-02-30T10:00:00Z" }, /start_date/],
    [
      "/api/v2/events",
      { title: "x", start_date: "2026-12-10T18:00:00Z", end_date: "2026-12-10T17:00:00Z" },
      /before/,
    ],
    [
      "/api/v2/events",
      { title: "x", location: { location: { latitude: 95, longitude: 0 } } },
      /latitude/,
    ],
    ["/api/v2/forms", { title: "x", identifiers: "crm:1" }, /identifiers/],
    ["/api/v2/forms", "not json", /JSON object/],
  ])("refuses POST %s %j with 400", async (path, body, message) => {
    const response = await keyed("POST", path, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect((await read<Collection>(path)).total_records).toBe(0);
  });

  it("answers 404 to a GET or PUT of an action nobody made or posted to", async () => {
    const missing = "/api/v2/forms/00000000-0000-4000-8000-000000000000";
    expect((await keyed("GET", missing)).status).toBe(404);
    const put = await keyed("PUT", missing, { title: "x" });
    expect(put.status).toBe(404);
    expect(typeof ((await put.json()) as { error: unknown }).error).toBe("string");
  });

  it("gives each action its own public page address, however alike the titles", async () => {
    const first = await create("/api/v2/petitions", { title: "Save the park!" });
    const second = await create("/api/v2/petitions", { title: "Save the park" });
    expect(first.browser_url).toBe(`${opened.sandbox.url}/petitions/save-the-park`);
    expect(second.browser_url).toBe(`${opened.sandbox.url}/petitions/save-the-park-2`);
  });
});

describe("totals", () => {
  beforeEach(async () => {
    opened = await openSandbox();
  });
  afterEach(() => opened.dispose());

  it("grow with every person the helpers accept, and not with rejections or repeats", async () => {
    const petition = await create("/api/v2/petitions", { title: "Count me" });
    const event = await create("/api/v2/events", EVENT);
    const signatures = (petition._links["osdi:record_signature_helper"] as Link).href;
    const attendances = (event._links["osdi:record_attendance_helper"] as Link).href;
    const path = (href: string) => new URL(href).pathname;

    const totalOf = async () => {
      const [p, e] = await Promise.all([
        read<Action>(selfOf(petition)),
        read<Action>(selfOf(event)),
      ]);
      return [p.total_signatures, e.total_accepted];
    };
    expect(await totalOf()).toEqual([0, 0]);
    await post(opened.sandbox, path(signatures), personBody("ada@example.org"));
    expect(await totalOf()).toEqual([1, 0]);
    await post(opened.sandbox, path(signatures), personBody("grace@example.org"));
    await post(opened.sandbox, path(attendances), personBody("grace@example.org"));
    expect(await totalOf()).toEqual([2, 1]);
    // A repeat by the same person is the same signature; a rejected post is none.
    await post(opened.sandbox, path(signatures), personBody("ADA@example.org"));
    await post(opened.sandbox, path(signatures), { person: {} });
    expect(await totalOf()).toEqual([2, 1]);

    const listed = await read<Collection>("/api/v2/petitions");
    expect(listed._embedded["osdi:petitions"]?.[0]?.total_signatures).toBe(2);
  });

  it("lists an id that only has helper posts, with a made-up title", async () => {
    await post(
      opened.sandbox,
      "/api/v2/forms/65345d7d-cd24-466a-a698-4a7686ef684f/submissions",
      personBody(),
    );
    const forms = await read<Collection>("/api/v2/forms");
    expect(forms.total_records).toBe(1);
    expect(forms._embedded["osdi:forms"]?.[0]).toMatchObject({
      identifiers: ["action_network:65345d7d-cd24-466a-a698-4a7686ef684f"],
      title: "Sandbox form 65345d7d-cd24-466a-a698-4a7686ef684f",
      total_submissions: 1,
    });
  });
});

describe("paging and filtering the group's actions", () => {
  const created: Record<string, string> = {};

  beforeAll(async () => {
    opened = await openSandbox({ now: () => clock });
    // 30 petitions a day apart from 2026-01-01, and two events.
    for (let i = 0; i < 30; i += 1) {
      clock = Date.UTC(2026, 0, 1 + i, 12);
      const petition = await create("/api/v2/petitions", { title: `Petition ${i + 1}` });
      created[petition.title] = idOf(petition);
    }
    clock = Date.UTC(2026, 1, 1, 12);
    await create("/api/v2/events", { ...EVENT, title: "December event" });
    await create("/api/v2/events", {
      ...EVENT,
      title: "January event",
      start_date: "2027-01-14T18:00:00Z",
      end_date: "2027-01-14T19:00:00Z",
    });
  });
  afterAll(() => opened.dispose());

  it("pages 30 petitions 25 at a time; following next until there is none gives each once", async () => {
    const first = await read<Collection>("/api/v2/petitions");
    expect(first).toMatchObject({ total_pages: 2, per_page: 25, page: 1, total_records: 30 });
    expect(first._links.self.href).toBe(`${opened.sandbox.url}/api/v2/petitions`);
    expect(first._links.curies).toEqual(CURIES);
    expect(first._links["osdi:petitions"]).toHaveLength(25);
    expect(first._links.previous).toBeUndefined();

    const titles: string[] = [];
    let href: string | undefined = first._links.self.href;
    let pages = 0;
    while (href) {
      const page: Collection = await read<Collection>(href);
      pages += 1;
      const items = page._embedded["osdi:petitions"] ?? [];
      titles.push(...items.map((a) => a.title));
      expect((page._links["osdi:petitions"] as Link[]).map((l) => l.href)).toEqual(
        items.map(selfOf),
      );
      // Embedded items leave the curies to the collection.
      for (const item of items) expect(item._links).not.toHaveProperty("curies");
      href = page._links.next?.href;
    }
    expect(pages).toBe(2);
    expect(titles).toHaveLength(30);
    expect(new Set(titles)).toEqual(new Set(Object.keys(created)));
    // Oldest first, as the sandbox made them.
    expect(titles[0]).toBe("Petition 1");
    expect(titles[29]).toBe("Petition 30");
  });

  it("keeps per_page (at most 25) and the page in next and previous", async () => {
    const page = await read<Collection>("/api/v2/petitions?per_page=10&page=2");
    expect(page).toMatchObject({ per_page: 10, page: 2, total_pages: 3 });
    expect(page._links.next?.href).toBe(
      `${opened.sandbox.url}/api/v2/petitions?per_page=10&page=3`,
    );
    expect(page._links.previous?.href).toBe(
      `${opened.sandbox.url}/api/v2/petitions?per_page=10&page=1`,
    );
    expect((await read<Collection>("/api/v2/petitions?per_page=100")).per_page).toBe(25);
  });

  async function titles(query: string, kind = "petitions") {
    const doc = await read<Collection>(`/api/v2/${kind}?${query}`);
    return (doc._embedded[`osdi:${kind}`] ?? []).map((a) => a.title);
  }

  it.each([
    // A bare date is its midnight (UTC) for gt and lt, so the 28th is in.
    ["filter", "created_date gt '2026-01-28'", ["Petition 28", "Petition 29", "Petition 30"]],
    ["$filter", "created_date gt '2026-01-28T12:00:00Z'", ["Petition 29", "Petition 30"]],
    ["$filter", "created_date lt '2026-01-03'", ["Petition 1", "Petition 2"]],
    ["filter", "created_date eq '2026-01-15'", ["Petition 15"]],
    ["filter", "modified_date lt '2026-01-02T00:00:00Z'", ["Petition 1"]],
    ["$filter", "title eq 'Petition 7'", ["Petition 7"]],
  ])("%s=%s", async (name, filter, expected) => {
    expect(await titles(`${name}=${encodeURIComponent(filter)}`)).toEqual(expected);
  });

  it("filters events on their start_date, and carries the filter into next", async () => {
    expect(
      await titles(`filter=${encodeURIComponent("start_date gt '2027-01-01'")}`, "events"),
    ).toEqual(["January event"]);
    const filter = "created_date gt '2026-01-05'";
    const doc = await read<Collection>(
      `/api/v2/petitions?$filter=${encodeURIComponent(filter)}&per_page=5`,
    );
    expect(doc.total_records).toBe(26);
    const next = new URL(doc._links.next?.href ?? "");
    expect(next.searchParams.get("$filter")).toBe(filter);
    expect(next.searchParams.get("page")).toBe("2");
  });

  it.each(["start_date gt '2026-01-01'", "title gt 'a'", "created_date ge '2026-01-01'"])(
    "answers 400 to petitions filtered by %s",
    async (filter) => {
      const response = await keyed("GET", `/api/v2/petitions?filter=${encodeURIComponent(filter)}`);
      expect(response.status).toBe(400);
      expect(typeof ((await response.json()) as { error: unknown }).error).toBe("string");
    },
  );
});

describe("the actions a sandbox starts with", () => {
  beforeEach(async () => {
    opened = await openSandbox({ actions: DEMO_ACTIONS });
  });
  afterEach(() => opened.dispose());

  it("lists the demo's actions with their ids, and has them again after a reset", async () => {
    const count = async (kind: string) => (await read<Collection>(`/api/v2/${kind}`)).total_records;
    const expected = (kind: string) => DEMO_ACTIONS.filter((a) => a.kind === kind).length;
    expect(await count("petitions")).toBe(expected("petition"));
    expect(await count("forms")).toBe(expected("form"));
    expect(await count("events")).toBe(expected("event"));
    const townHall = await read<Action>("/api/v2/events/f60bd26d-bf1b-4141-8daa-0a59a6fec071");
    expect(townHall).toMatchObject({
      title: "Town hall on rent stabilization",
      start_date: "2026-12-10T18:30:00Z",
      browser_url: `${opened.sandbox.url}/events/millbrook-rent-town-hall`,
    });

    await create("/api/v2/petitions", { title: "Made in a test" });
    await fetch(`${opened.sandbox.url}/_sandbox/reset`, { method: "POST" });
    expect(await count("petitions")).toBe(expected("petition"));
  });
});
