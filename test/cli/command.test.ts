// `osdi-embed actions` and `osdi-embed snippet` against a real sandbox, and each way
// they can fail: the key never shows in what they print.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionInput } from "../../sandbox/actions.mjs";
import {
  type Opened,
  openSandbox,
  personBody,
  post,
  type SandboxRequest,
} from "../sandbox/support";
import { TOWN_HALL } from "../town-hall";
import { closedPort, type Ran, runCommand, runInTerminal, stubServer } from "./support";

const KEY = `k3y-${randomUUID()}`;

// 30 petitions, one a day from 2026-01-01; two forms; two events, one in Chicago in
// winter and one in Berlin in summer.
const ACTIONS: ActionInput[] = [
  ...Array.from({ length: 30 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
    kind: "petition" as const,
    title: `Petition ${i + 1}`,
    created_date: new Date(Date.UTC(2026, 0, 1 + i, 12)).toISOString().replace(".000Z", "Z"),
  })),
  {
    id: "65345d7d-cd24-466a-a698-4a7686ef684f",
    kind: "form",
    title: 'Tell your "story" & more <today>',
    description: "<p>Let us know what you <b>think</b>!&nbsp;It&#39;s quick.</p>",
    created_date: "2026-02-10T12:00:00Z",
    slug: "tell-your-story",
  },
  {
    id: "adb951cb-51f9-420e-b7e6-de953195ec86",
    kind: "form",
    title: "End of year survey",
    created_date: "2026-02-11T12:00:00Z",
  },
  {
    id: "f60bd26d-bf1b-4141-8daa-0a59a6fec071",
    kind: "event",
    ...TOWN_HALL,
    description: "<p>Hear from tenants and Council members.</p>",
    created_date: "2026-02-12T12:00:00Z",
    slug: "millbrook-rent-town-hall",
  },
  {
    id: "8a625981-67a4-4457-8b55-2e30b267b2c2",
    kind: "event",
    title: "Sommerfest",
    start_date: "2026-07-04T15:00:00Z",
    location: { venue: "Mauerpark", locality: "Berlin", country: "DE" },
    created_date: "2026-02-13T12:00:00Z",
  },
];

let opened: Opened;
let api = "";
const withKey = { ACTION_NETWORK_API_KEY: KEY };

beforeAll(async () => {
  // The sandbox keeps Action Network's limit, 4 requests a second.
  opened = await openSandbox({ apiKey: KEY, rateLimit: 4, actions: ACTIONS });
  api = `${opened.sandbox.url}/api/v2`;
});
afterAll(() => opened.dispose());

const reset = () => fetch(`${opened.sandbox.url}/_sandbox/reset`, { method: "POST" });
const requests = async () =>
  (await (await fetch(`${opened.sandbox.url}/_sandbox/requests`)).json()) as (SandboxRequest & {
    time: string;
    durationMs: number;
  })[];

/** The key is in neither output, whatever happened. */
function expectNoKey(ran: Ran) {
  expect(ran.stdout).not.toContain(KEY);
  expect(ran.stderr).not.toContain(KEY);
}

describe("osdi-embed actions", () => {
  it("lists every action of every page, newest first, paced to the API's limit", async () => {
    await reset();
    const ran = await runCommand(["actions", "--api", api], withKey);
    expect(ran.stderr).toBe("osdi-embed: 34 actions; a snippet: osdi-embed snippet <id>\n");
    expect(ran.code).toBe(0);
    expectNoKey(ran);
    const lines = ran.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(34);
    expect(lines[0]).toMatch(
      /^2026-02-13 {2}event {5}8a625981-67a4-4457-8b55-2e30b267b2c2 +0 RSVPs {2}Sommerfest$/,
    );
    expect(lines[3]).toMatch(
      /^2026-02-10 {2}form {6}65345d7d-\S+ +0 submissions {2}Tell your "story" & more <today>$/,
    );
    expect(lines[4]).toMatch(
      /^2026-01-30 {2}petition {2}00000000-0000-4000-8000-000000000030 +0 signatures {2}Petition 30$/,
    );
    expect(lines[33]).toMatch(/^2026-01-01 {2}petition .* {2}Petition 1$/);

    const log = await requests();
    // Both pages of the petitions, following next; then forms and events.
    expect(
      log.map((r) => `${r.path}${r.query.page ? `?page=${r.query.page}` : ""} ${r.status}`),
    ).toEqual([
      "/api/v2/petitions 200",
      "/api/v2/petitions?page=2 200",
      "/api/v2/forms 200",
      "/api/v2/events 200",
    ]);
  });

  it("shows each action's total as the helpers' posts grow it", async () => {
    await reset();
    const helper = "/api/v2/events/f60bd26d-bf1b-4141-8daa-0a59a6fec071/attendances";
    await post(opened.sandbox, helper, personBody("ada@example.org"));
    await post(opened.sandbox, helper, personBody("grace@example.org"));
    const ran = await runCommand(["actions", "--kind", "event", "--api", api], withKey);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/f60bd26d-bf1b-4141-8daa-0a59a6fec071 {2}2 RSVPs {2}Town hall/);
  });

  it("asks the API for --since through its filter, and --kind for one collection", async () => {
    await reset();
    const ran = await runCommand(
      ["actions", "--kind", "petition", "--since", "2026-01-28", "--api", api],
      withKey,
    );
    expect(ran.code).toBe(0);
    expect(
      ran.stdout
        .trimEnd()
        .split("\n")
        .map((line) => line.split("  ").at(-1)),
    ).toEqual(["Petition 30", "Petition 29", "Petition 28"]);
    const log = await requests();
    expect(log.map((r) => [r.path, r.query])).toEqual([
      ["/api/v2/petitions", { filter: "created_date gt '2026-01-28'" }],
    ]);
  });

  it("keeps to 4 requests a second, and waits out a 429 as its Retry-After says", async () => {
    // A sandbox allowing one request a second: the command's second request gets a 429.
    const strict = await openSandbox({ apiKey: KEY, rateLimit: 1, actions: ACTIONS });
    try {
      const ran = await runCommand(["actions", "--api", `${strict.sandbox.url}/api/v2`], withKey);
      expect(ran.code).toBe(0);
      expectNoKey(ran);
      expect(ran.stdout.trimEnd().split("\n")).toHaveLength(34);
      const log = (await (await fetch(`${strict.sandbox.url}/_sandbox/requests`)).json()) as {
        status: number;
        time: string;
        durationMs: number;
      }[];
      const limited = log.findIndex((r) => r.status === 429);
      expect(limited).toBeGreaterThan(0);
      const refused = log[limited];
      const retry = log[limited + 1];
      if (!refused || !retry) throw new Error("no retry after the 429");
      expect(retry.status).toBe(200);
      // Retry-After: 1, so the retry arrives a second after the 429 was sent, at least.
      const sent = Date.parse(refused.time);
      const arrived = Date.parse(retry.time) - retry.durationMs;
      expect(arrived - sent).toBeGreaterThanOrEqual(950);
      expect(log.filter((r) => r.status === 200)).toHaveLength(4);
    } finally {
      await strict.dispose();
    }
    // Each of its 4 requests may wait a second for a 429 to lift.
  }, 15_000);

  it("starts no more than 4 requests in any second, so the API's limit never refuses one", async () => {
    // 110 petitions: five pages of them, then the forms and the events, 7 requests.
    const petitions: ActionInput[] = Array.from({ length: 110 }, (_, i) => ({
      id: `10000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`,
      kind: "petition",
      title: `Petition ${i + 1}`,
    }));
    const busy = await openSandbox({ apiKey: KEY, rateLimit: 4, actions: petitions });
    try {
      const ran = await runCommand(["actions", "--api", `${busy.sandbox.url}/api/v2`], withKey);
      expect(ran.code).toBe(0);
      expect(ran.stdout.trimEnd().split("\n")).toHaveLength(110);
      const log = (await (await fetch(`${busy.sandbox.url}/_sandbox/requests`)).json()) as {
        status: number;
        time: string;
        durationMs: number;
      }[];
      expect(log.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
      const arrivals = log.map((r) => Date.parse(r.time) - r.durationMs).sort((a, b) => a - b);
      for (let i = 4; i < arrivals.length; i += 1) {
        expect(
          arrivals[i]! - arrivals[i - 4]!,
          `requests ${i - 3} to ${i + 1}`,
        ).toBeGreaterThanOrEqual(1000);
      }
    } finally {
      await busy.dispose();
    }
  });
});

describe("osdi-embed snippet", () => {
  it("writes an event's snippet at the place's clock, with its offset, zone and place", async () => {
    const ran = await runCommand(
      [
        "snippet",
        "f60bd26d-bf1b-4141-8daa-0a59a6fec071",
        "--api",
        api,
        "--script",
        "/dist/osdi-embed.js",
      ],
      withKey,
    );
    expect(ran.code).toBe(0);
    expectNoKey(ran);
    expect(ran.stdout).toBe(
      `<div data-osdi-action="${api}/events/f60bd26d-bf1b-4141-8daa-0a59a6fec071"
     data-osdi-title="Town hall on rent stabilization"
     data-osdi-description="Hear from tenants and Council members."
     data-osdi-start="2026-12-10T18:30:00-06:00"
     data-osdi-end="2026-12-10T20:00:00-06:00"
     data-osdi-timezone="America/Chicago"
     data-osdi-location="Millbrook Public Library, 210 Elm Street, Millbrook, IL 60536">
  <!-- shown until the widget mounts, and whenever it cannot -->
  <a href="${opened.sandbox.url}/events/millbrook-rent-town-hall">RSVP: Town hall on rent stabilization</a>
</div>
<script src="/dist/osdi-embed.js" defer></script>
`,
    );
    expect(ran.stderr).toContain("time zone, from its place: America/Chicago");
  });

  it("gives a summer event the summer offset of its place's zone", async () => {
    const ran = await runCommand(
      ["snippet", "8a625981-67a4-4457-8b55-2e30b267b2c2", "--api", api],
      withKey,
    );
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('data-osdi-start="2026-07-04T15:00:00+02:00"');
    expect(ran.stdout).toContain('data-osdi-timezone="Europe/Berlin"');
    expect(ran.stdout).not.toContain("data-osdi-end");
    expect(ran.stdout).toContain('data-osdi-location="Mauerpark, Berlin"');
  });

  it("writes a petition's snippet from its API URL, the script from jsDelivr by default", async () => {
    const url = `${api}/petitions/00000000-0000-4000-8000-000000000007`;
    const ran = await runCommand(["snippet", `${url}/signatures`, "--api", api], withKey);
    expect(ran.code).toBe(0);
    expectNoKey(ran);
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(ran.stdout).toBe(
      `<div data-osdi-action="${url}"
     data-osdi-title="Petition 7">
  <!-- shown until the widget mounts, and whenever it cannot -->
  <a href="${opened.sandbox.url}/petitions/petition-7">Sign the petition: Petition 7</a>
</div>
<script src="https://cdn.jsdelivr.net/npm/osdi-embed@${version}/dist/osdi-embed.js" defer></script>
`,
    );
  });

  it("writes a form's snippet with its attributes escaped and its HTML description as text", async () => {
    const ran = await runCommand(
      ["snippet", "action_network:65345d7d-cd24-466a-a698-4a7686ef684f", "--api", api],
      withKey,
    );
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(
      'data-osdi-title="Tell your &quot;story&quot; &amp; more &lt;today&gt;"',
    );
    expect(ran.stdout).toContain(
      `data-osdi-description="Let us know what you think! It&#39;s quick."`,
    );
    expect(ran.stdout).toContain(
      `<a href="${opened.sandbox.url}/forms/tell-your-story">Fill in the form: Tell your &quot;story&quot; &amp; more &lt;today&gt;</a>`,
    );
  });

  it("takes the time zone from --timezone where the place does not tell it", async () => {
    const response = await fetch(`${api}/events`, {
      method: "POST",
      headers: { "OSDI-API-Token": KEY, "Content-Type": "application/json" },
      body: JSON.stringify({
        title: "Somewhere in the US",
        start_date: "2026-12-01T09:00:00Z",
        location: { locality: "Springfield", country: "US" },
      }),
    });
    const id = ((await response.json()) as { identifiers: string[] }).identifiers[0] ?? "";
    const without = await runCommand(["snippet", id, "--api", api], withKey);
    expect(without.code).toBe(1);
    expect(without.stdout).toBe("");
    expect(without.stderr).toMatch(
      /^osdi-embed: cannot tell the time zone .*--timezone America\/Chicago\n$/,
    );
    const given = await runCommand(
      ["snippet", id, "--timezone", "America/Denver", "--api", api],
      withKey,
    );
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('data-osdi-start="2026-12-01T09:00:00-07:00"');
    expect(given.stdout).toContain('data-osdi-timezone="America/Denver"');
  });
});

describe("failures: one line on stderr, a non-zero exit, never the key", () => {
  it.each([
    [
      "a missing action id",
      ["snippet", "00000000-0000-4000-8000-999999999999"],
      1,
      /^osdi-embed: no petition, form or event has the id 00000000-0000-4000-8000-999999999999 \(404\)\n$/,
    ],
    [
      "a missing action URL",
      ["snippet", "{api}/forms/00000000-0000-4000-8000-999999999999"],
      1,
      /^osdi-embed: no form has the id 00000000-0000-4000-8000-999999999999 \(404\)\n$/,
    ],
    [
      "a public page URL",
      ["snippet", "{origin}/petitions/petition-7"],
      2,
      /is a public page, not an API URL/,
    ],
    [
      "an action URL of another API",
      ["snippet", "https://actionnetwork.org/api/v2/petitions/x"],
      2,
      /is not under/,
    ],
    ["an unknown command", ["list"], 2, /unknown command list/],
  ])("%s", async (_name, args, code, message) => {
    const ran = await runCommand(
      [
        ...args.map((a) => a.replace("{api}", api).replace("{origin}", opened.sandbox.url)),
        "--api",
        api,
      ],
      withKey,
    );
    expect(ran.code).toBe(code);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(message);
    expectNoKey(ran);
  });

  it("a refused key: 403 from the sandbox, 401 from an API that says so", async () => {
    const wrong = await runCommand(["actions", "--api", api], {
      ACTION_NETWORK_API_KEY: `${KEY}-old`,
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      "osdi-embed: the API key was refused (403): check ACTION_NETWORK_API_KEY; a group's key is on Action Network's \"API & Sync\" page\n",
    );
    expect(wrong.stdout).toBe("");
    expect(`${wrong.stdout}${wrong.stderr}`).not.toContain(`${KEY}-old`);

    const stub = await stubServer(
      401,
      {},
      JSON.stringify({ error: `API Key invalid or not present: ${KEY}` }),
    );
    try {
      const ran = await runCommand(["actions", "--api", `${stub.url}/api/v2`], withKey);
      expect(ran.code).toBe(1);
      expect(ran.stderr).toMatch(/^osdi-embed: the API key was refused \(401\)/);
      expectNoKey(ran);
    } finally {
      await stub.close();
    }
  });

  it("a rate limit that will not lift: says so at once", async () => {
    const stub = await stubServer(
      429,
      { "Retry-After": "3600" },
      JSON.stringify({ error: "Too many requests" }),
    );
    try {
      const ran = await runCommand(["actions", "--api", `${stub.url}/api/v2`], withKey);
      expect(ran.code).toBe(1);
      expect(ran.stderr).toBe(
        "osdi-embed: rate limited (429): the API asks to wait 3600 s; try again later\n",
      );
      expect(stub.requests).toEqual(["GET /api/v2/petitions"]);
      expectNoKey(ran);
    } finally {
      await stub.close();
    }
  });

  it("an error body that carries the key: the key is taken out", async () => {
    const stub = await stubServer(
      500,
      {},
      JSON.stringify({ error: `internal error for token ${KEY}` }),
    );
    try {
      const ran = await runCommand(["actions", "--api", `${stub.url}/api/v2`], withKey);
      expect(ran.code).toBe(1);
      expect(ran.stderr).toMatch(
        /^osdi-embed: 500 from .*: internal error for token \[the key\]\n$/,
      );
      expectNoKey(ran);
    } finally {
      await stub.close();
    }
  });

  it("no network: nothing listens at --api", async () => {
    const port = await closedPort();
    const ran = await runCommand(["actions", "--api", `http://127.0.0.1:${port}/api/v2`], withKey);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe(
      `osdi-embed: cannot reach http://127.0.0.1:${port} (ECONNREFUSED): check the network, or --api\n`,
    );
    expectNoKey(ran);
  });

  it("no key: says where to put it, and asks nobody when stdin is not a terminal", async () => {
    await reset();
    const ran = await runCommand(["actions", "--api", api]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe(
      "osdi-embed: no API key: set ACTION_NETWORK_API_KEY (or run osdi-embed in a terminal to be asked for it)\n",
    );
    expect(await requests()).toEqual([]);
  });

  it.each([
    ["--key", "s3cret-value"],
    ["--api-key=s3cret-value"],
    ["--token", "s3cret-value"],
    ["-k", "s3cret-value"],
    ["--apikey", "s3cret-value"],
  ])("refuses a key as an argument: %s", async (...args) => {
    await reset();
    const ran = await runCommand(["actions", ...args, "--api", api], withKey);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toMatch(
      /takes no key on the command line, where other users of this machine can read it; set ACTION_NETWORK_API_KEY/,
    );
    expect(ran.stderr).not.toContain("s3cret-value");
    // Nothing was sent anywhere.
    expect(await requests()).toEqual([]);
  });

  it("refuses to send the key over plain http to another machine", async () => {
    const ran = await runCommand(["actions", "--api", "http://actionnetwork.org/api/v2"], withKey);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/--api must be https/);
  });

  it("--help needs no key", async () => {
    const ran = await runCommand(["--help"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^usage: osdi-embed <command> \[options\]/);
    expect(ran.stdout).toContain("ACTION_NETWORK_API_KEY");
  });
});

describe("the key from a prompt", () => {
  it("asks in a terminal without showing what is typed, and uses it", async () => {
    await reset();
    const { code, shown } = await runInTerminal(
      ["actions", "--kind", "form", "--api", api],
      `${KEY}\r`,
    );
    expect(code).toBe(0);
    expect(shown).toContain("Action Network API key (not shown): ");
    expect(shown).toMatch(/65345d7d-cd24-466a-a698-4a7686ef684f/);
    expect(shown).not.toContain(KEY);
  });
});
