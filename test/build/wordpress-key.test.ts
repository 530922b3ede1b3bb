// The plugin's pure PHP for the API key's features, run by PHP beside the command's own
// JavaScript (bin/snippet.mjs): an event's place and time as `npx osdi-embed snippet`
// writes them, an action's public fields, the count's options and the API address rule.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { offsetMinutes, placeText, textOf, wallTimeAt, zoneOfPlace } from "../../bin/snippet.mjs";
import { ensureWordPress } from "../../scripts/ensure-wordpress.mjs";

const PLUGIN = "wordpress/osdi-embed";

/**
 * Calls each [function, ...arguments] in PHP, with the plugin's files that need no
 * WordPress (and wp_parse_url, WordPress's parse_url, for the API address).
 */
function php(calls: [string, ...unknown[]][]): unknown[] {
  const code = `define('ABSPATH', '/'); define('MINUTE_IN_SECONDS', 60);
    function wp_parse_url($url, $component = -1) { return parse_url($url, $component); }
    require '${PLUGIN}/includes/action-fields.php';
    require '${PLUGIN}/includes/api.php';
    require '${PLUGIN}/includes/count.php';
    $calls = json_decode(stream_get_contents(STDIN), true);
    echo json_encode(array_map(function ($call) { return call_user_func_array(array_shift($call), $call); }, $calls));`;
  return JSON.parse(execFileSync("php", ["-r", code], { input: JSON.stringify(calls) }).toString());
}

const PLACES = [
  { country: "US", region: "IL" },
  { country: "us", region: "ca" },
  { country: "US", region: "AZ" },
  { country: "US", region: "XX" },
  { country: "US" },
  { country: "CA", region: "ON" },
  { country: "CA", region: "NL" },
  { country: "AU", region: "NSW" },
  { country: "ES", region: "CN" },
  { country: "ES" },
  { country: "PT", region: "30" },
  { country: "DE" },
  { country: "FR", region: "75" },
  { country: "GB" },
  { country: "IN" },
  { country: "JP" },
  { country: "AR" },
  { country: "BR" },
  { country: "MX" },
  { country: "RU" },
  { country: "NZ" },
  { country: "ZZ" },
  { country: "USA" },
  {},
];

describe("the plugin's event times, as the command's", () => {
  ensureWordPress(); // php-cli

  it("takes the time zone the command takes from a place's country and region, or one of the same clock", () => {
    const winter = Date.parse("2026-12-10T18:30:00Z");
    const summer = Date.parse("2026-07-04T12:00:00Z");
    const rows = PLACES.flatMap((place) => [winter, summer].map((at) => ({ place, at })));
    const found = php(
      rows.map(({ place, at }): [string, ...unknown[]] => [
        "osdi_embed_zone_of_place",
        place,
        at / 1000,
      ]),
    ) as (string | null)[];
    const named = new Map<string, string>();
    for (const [i, { place, at }] of rows.entries()) {
      const command = zoneOfPlace(place, at);
      const plugin = found[i] ?? null;
      expect(plugin === null, JSON.stringify(place)).toBe(command === null);
      if (plugin === null || command === null) continue;
      // A country of one clock and several zone names: the command names the first of its
      // engine's list (ICU's, with old names: Asia/Calcutta), the plugin the first of PHP's
      // (Asia/Kolkata). The same clock, so the same time on the page.
      expect(offsetMinutes(plugin, at), `${plugin} for ${JSON.stringify(place)}`).toBe(
        offsetMinutes(command, at),
      );
      if (plugin !== command) named.set(command, plugin);
    }
    expect(Object.fromEntries(named)).toEqual({
      "Asia/Calcutta": "Asia/Kolkata",
      "America/Argentina/La_Rioja": "America/Argentina/Buenos_Aires",
    });
    // Where the command's table names the zone, the plugin names the same.
    expect(found.slice(0, 6)).toEqual([
      "America/Chicago",
      "America/Chicago",
      "America/Los_Angeles",
      "America/Los_Angeles",
      "America/Phoenix",
      "America/Phoenix",
    ]);
    expect(found.filter(Boolean).length).toBeGreaterThan(20);
  });

  it("writes Action Network's date at the place's clock with the zone's offset on that day", () => {
    const rows: [string, string][] = [
      ["2026-12-10T18:30:00Z", "America/Chicago"],
      ["2026-07-10T18:30:00Z", "America/Chicago"],
      ["2026-03-08T02:30:00Z", "America/New_York"], // in the hour that does not exist
      ["2026-11-01T01:30:00Z", "America/New_York"], // in the hour that happens twice
      ["2026-10-04T09:00:00Z", "Australia/Sydney"],
      ["2026-06-01T08:15:00Z", "Asia/Kolkata"],
      ["2026-06-01T08:15:00Z", "America/St_Johns"],
      ["2026-06-01", "Europe/Berlin"],
      ["2026-06-01T08:15Z", "Europe/Lisbon"],
      ["2026-12-10T18:30:00-05:00", "America/Chicago"],
      ["not a date", "America/Chicago"],
    ];
    const found = php(rows.map(([date, zone]) => ["osdi_embed_wall_time_at", date, zone]));
    expect(found).toEqual(rows.map(([date, zone]) => wallTimeAt(date, zone)));
    expect(found[0]).toBe("2026-12-10T18:30:00-06:00");
    expect(found[1]).toBe("2026-07-10T18:30:00-05:00");
    // Stricter than the command, whose engine reads November 31 as December 1: no such day.
    expect(php([["osdi_embed_wall_time_at", "2026-11-31T10:00:00Z", "America/Chicago"]])).toEqual([
      null,
    ]);
  });

  it("writes a place on one line and a description as text, as the command does", () => {
    const places = [
      {
        venue: "Millbrook Public Library",
        address_lines: ["Community Room", "210 Elm Street"],
        locality: "Millbrook",
        region: "IL",
        postal_code: "60536",
        country: "US",
      },
      { locality: "Berlin", country: "DE" },
      { venue: "City Hall", address_lines: ["", "  "], postal_code: "10115" },
      {},
    ];
    const descriptions = [
      "<p>Hear from <b>tenants</b> &amp; Council members.</p><p>Then plan.</p>",
      "Line one<br>line two",
      "Caf&eacute; &#233;t&#xE9; &lt;3",
      "",
    ];
    expect(
      php([
        ...places.map((place): [string, ...unknown[]] => ["osdi_embed_place_text", place]),
        ...descriptions.map((html): [string, ...unknown[]] => ["osdi_embed_text_of", html]),
      ]),
    ).toEqual([
      ...places.map((place) => placeText(place)),
      ...descriptions.map((html) => textOf(html.replace("&eacute;", "é"))),
    ]);
  });
});

describe("an action's public fields", () => {
  it("keeps the fields the block may take, and nothing else of the resource", () => {
    const event = {
      identifiers: ["action_network:f60bd26d-bf1b-4141-8daa-0a59a6fec071", "crm:42"],
      created_date: "2026-10-20T10:00:00Z",
      modified_date: "2026-10-21T10:00:00Z",
      origin_system: "Action Network",
      title: "  Town hall\non rent ",
      description: "<p>Hear from tenants.</p>",
      instructions: "<p>Bring a friend.</p>",
      start_date: "2026-12-10T18:30:00Z",
      end_date: "2026-12-10T20:00:00Z",
      location: {
        venue: "Millbrook Public Library",
        locality: "Millbrook",
        region: "IL",
        country: "US",
        location: { latitude: 41.6, longitude: -88.5 },
      },
      browser_url: "https://actionnetwork.org/events/town-hall",
      total_accepted: 12,
      "action_network:hidden": false,
      _links: {
        self: {
          href: "https://actionnetwork.org/api/v2/events/f60bd26d-bf1b-4141-8daa-0a59a6fec071",
        },
        "osdi:attendances": {
          href: "https://actionnetwork.org/api/v2/events/f60bd26d/attendances",
        },
        "osdi:creator": { href: "https://actionnetwork.org/api/v2/people/1" },
      },
    };
    const petition = {
      title: "Save the park",
      browser_url: "javascript:alert(1)",
      total_signatures: 1234,
      _links: { self: { href: "https://actionnetwork.org/api/v2/petitions/abc-123" } },
    };
    const [fromEvent, fromPetition, wrongKind, noSelf] = php([
      ["osdi_embed_public_action", event, "event"],
      ["osdi_embed_public_action", petition, "petition"],
      ["osdi_embed_public_action", petition, "form"],
      ["osdi_embed_public_action", { title: "No link" }, "petition"],
    ]);
    expect(fromEvent).toEqual({
      id: "f60bd26d-bf1b-4141-8daa-0a59a6fec071",
      kind: "event",
      title: "Town hall on rent",
      description: "Hear from tenants.",
      browser_url: "https://actionnetwork.org/events/town-hall",
      api_url: "https://actionnetwork.org/api/v2/events/f60bd26d-bf1b-4141-8daa-0a59a6fec071",
      total: 12,
      start_date: "2026-12-10T18:30:00Z",
      end_date: "2026-12-10T20:00:00Z",
      start: "2026-12-10T18:30:00-06:00",
      end: "2026-12-10T20:00:00-06:00",
      timezone: "America/Chicago",
      location: "Millbrook Public Library, Millbrook, IL",
    });
    expect(fromPetition).toEqual({
      id: "abc-123",
      kind: "petition",
      title: "Save the park",
      description: "",
      browser_url: "",
      api_url: "https://actionnetwork.org/api/v2/petitions/abc-123",
      total: 1234,
    });
    expect(wrongKind).toBeNull();
    expect(noSelf).toBeNull();
  });

  it("leaves an event's time empty where its place does not tell the time zone", () => {
    const [found] = php([
      [
        "osdi_embed_public_action",
        {
          title: "Somewhere in the US",
          start_date: "2026-12-10T18:30:00Z",
          location: { country: "US" },
          _links: { self: { href: "https://actionnetwork.org/api/v2/events/e-1" } },
        },
        "event",
      ],
    ]) as Record<string, unknown>[];
    expect(found).toMatchObject({
      start_date: "2026-12-10T18:30:00Z",
      start: "",
      end: "",
      timezone: "",
    });
  });
});

describe("the count's options and the API address", () => {
  it("reads count and goal as the block and the shortcode give them", () => {
    const counts = [true, false, "true", "TRUE", "1", "yes", "", "false", "0", "no", "on"];
    const goals = ["1000", "1,000", "1.000", " 2 500 ", "0", "-5", "12abc", "", "1e3", 250];
    expect(
      php([
        ...counts.map((value): [string, ...unknown[]] => ["osdi_embed_wants_count", value]),
        ...goals.map((value): [string, ...unknown[]] => ["osdi_embed_goal", value]),
      ]),
    ).toEqual([
      ...[true, false, true, true, true, true, false, false, false, false, false],
      ...[1000, 1000, 1000, 2500, 0, 0, 0, 0, 0, 250],
    ]);
  });

  it("sends the key only to https, or plain http on this machine, with no user, query or fragment", () => {
    const urls = [
      "https://actionnetwork.org/api/v2",
      "https://actionnetwork.org/api/v2/",
      " http://127.0.0.1:4010/api/v2 ",
      "http://localhost:4010/api/v2",
      "http://example.org/api/v2",
      "http://127.0.0.1.example.org/api/v2",
      "ftp://actionnetwork.org/api/v2",
      "https://user:pass@actionnetwork.org/api/v2",
      "https://actionnetwork.org/api/v2?key=1",
      "https://actionnetwork.org/api/v2#top",
      "actionnetwork.org/api/v2",
      "",
    ];
    expect(php(urls.map((url) => ["osdi_embed_valid_api_base", url]))).toEqual([
      "https://actionnetwork.org/api/v2",
      "https://actionnetwork.org/api/v2",
      "http://127.0.0.1:4010/api/v2",
      "http://localhost:4010/api/v2",
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("finds an action's resource on the key's API, and on no other host", () => {
    const code = (
      url: string,
    ) => `function get_option($name, $default = false) { return $name === 'osdi_embed_api_base' ? 'https://actionnetwork.org/api/v2' : $default; }
      function __($text) { return $text; }
      class WP_Error { public $code; function __construct($code) { $this->code = $code; } }
      function is_wp_error($thing) { return $thing instanceof WP_Error; }
      $r = osdi_embed_action_resource(${JSON.stringify(url)}); echo json_encode(is_wp_error($r) ? $r->code : $r);`;
    const run = (url: string) =>
      JSON.parse(
        execFileSync("php", [
          "-r",
          `define('ABSPATH', '/'); function wp_parse_url($u, $c = -1) { return parse_url($u, $c); } require '${PLUGIN}/includes/api.php'; ${code(url)}`,
        ]).toString(),
      );
    expect(run("https://actionnetwork.org/api/v2/petitions/abc-1")).toEqual([
      "petition",
      "https://actionnetwork.org/api/v2/petitions/abc-1",
    ]);
    expect(run("https://actionnetwork.org/api/v2/forms/f-2/submissions")).toEqual([
      "form",
      "https://actionnetwork.org/api/v2/forms/f-2",
    ]);
    expect(run("https://actionnetwork.org/api/v2/event_campaigns/c-1/events/e-3")).toEqual([
      "event",
      "https://actionnetwork.org/api/v2/events/e-3",
    ]);
    expect(run("https://evil.example/api/v2/petitions/abc-1")).toBe("osdi_embed_elsewhere");
    expect(run("http://actionnetwork.org/api/v2/petitions/abc-1")).toBe("osdi_embed_elsewhere");
    expect(run("https://actionnetwork.org/petitions/save-the-park")).toBe("osdi_embed_elsewhere");
    expect(run("https://actionnetwork.org/api/v2/people/p-1")).toBe("osdi_embed_no_id");
  });
});
