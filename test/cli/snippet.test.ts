// The command's pure parts: places, time zones, offsets, text, Retry-After, arguments.
import { describe, expect, it } from "vitest";
import { retryAfterSeconds } from "../../bin/action-network.mjs";
import { checkApi, locateAction, parseArgs, UsageError } from "../../bin/osdi-embed.mjs";
import { placeText, textOf, wallTimeAt, zoneOfPlace } from "../../bin/snippet.mjs";

const DECEMBER = Date.parse("2026-12-10T18:30:00Z");

describe("the time zone of a place", () => {
  it.each([
    [{ country: "US", region: "IL" }, "America/Chicago"],
    [{ country: "us", region: "ny" }, "America/New_York"],
    [{ country: "US", region: "AZ" }, "America/Phoenix"],
    [{ country: "CA", region: "BC" }, "America/Vancouver"],
    [{ country: "AU", region: "QLD" }, "Australia/Brisbane"],
    [{ country: "DE", region: "BE" }, "Europe/Berlin"],
    [{ country: "FR" }, "Europe/Paris"],
    [{ country: "GB" }, "Europe/London"],
    [{ country: "ES" }, "Europe/Madrid"],
    [{ country: "ES", region: "CN" }, "Atlantic/Canary"],
    [{ country: "JP" }, "Asia/Tokyo"],
  ])("%j is in %s", (place, zone) => {
    expect(zoneOfPlace(place, DECEMBER)).toBe(zone);
  });

  it.each([
    [{ country: "US" }],
    [{ country: "US", region: "XX" }],
    [{ country: "BR", region: "SP" }],
    [{ country: "RU" }],
    [{ locality: "Millbrook" }],
    [undefined],
  ])("does not guess for %j", (place) => {
    expect(zoneOfPlace(place, DECEMBER)).toBeNull();
  });
});

describe("an Action Network date at the place's clock", () => {
  it.each([
    ["2026-12-10T18:30:00Z", "America/Chicago", "2026-12-10T18:30:00-06:00"],
    ["2026-07-04T15:00:00Z", "America/Chicago", "2026-07-04T15:00:00-05:00"],
    ["2026-07-04T15:00:00Z", "Europe/Berlin", "2026-07-04T15:00:00+02:00"],
    ["2026-12-10T09:00:00Z", "Asia/Kolkata", "2026-12-10T09:00:00+05:30"],
    ["2026-12-10T09:00:00Z", "Europe/London", "2026-12-10T09:00:00+00:00"],
    // The night the clocks go back in Chicago: 1:30 happens twice; 3:00 only once, after.
    ["2026-11-01T03:00:00Z", "America/Chicago", "2026-11-01T03:00:00-06:00"],
    ["2026-03-08T12:00:00Z", "America/Chicago", "2026-03-08T12:00:00-05:00"],
    ["2026-12-10", "America/Chicago", "2026-12-10T00:00:00-06:00"],
    ["not a date", "America/Chicago", null],
  ])("%s in %s is %s", (date, zone, expected) => {
    expect(wallTimeAt(date, zone)).toBe(expected);
  });

  it("is the same instant the widget reads: the place's hour, whatever the reader's zone", () => {
    const start = wallTimeAt("2026-12-10T18:30:00Z", "America/Chicago") ?? "";
    const hour = new Intl.DateTimeFormat("en-US", {
      timeZone: "America/Chicago",
      hour: "numeric",
      minute: "2-digit",
    }).format(new Date(start));
    expect(hour).toBe("6:30 PM");
  });
});

describe("text for the snippet", () => {
  it("reads an HTML description as one line of text", () => {
    expect(
      textOf(
        "<p>Join us &amp; bring a friend.</p>\n<p>Free&nbsp;entry &#8211; all welcome&#x21;</p>",
      ),
    ).toBe("Join us & bring a friend. Free entry – all welcome!");
    expect(textOf("Line<br>break")).toBe("Line break");
    expect(textOf("&bogus; &#0;")).toBe("&bogus; &#0;");
  });

  it("puts a place on one line", () => {
    expect(
      placeText({
        venue: "Millbrook Public Library",
        address_lines: ["210 Elm Street", ""],
        locality: "Millbrook",
        region: "IL",
        postal_code: "60536",
        country: "US",
      }),
    ).toBe("Millbrook Public Library, 210 Elm Street, Millbrook, IL 60536");
    expect(placeText({ locality: "Berlin" })).toBe("Berlin");
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    [null, 1],
    ["", 1],
    ["0", 1],
    ["3", 3],
    ["Thu, 01 Jan 2026 00:00:10 GMT", 10],
    ["soon", 1],
  ])("%j waits %i s", (header, seconds) => {
    expect(retryAfterSeconds(header, now)).toBe(seconds);
  });
});

describe("arguments", () => {
  it("reads commands and options, both --name value and --name=value", () => {
    expect(
      parseArgs(["snippet", "abc", "--kind=events", "--api", "http://127.0.0.1:1/api/v2"]),
    ).toEqual({
      command: "snippet",
      operands: ["abc"],
      api: "http://127.0.0.1:1/api/v2",
      kind: "event",
      help: false,
    });
  });

  it.each([["--key"], ["--KEY=x"], ["--api-key"], ["--api_token=x"], ["--secret"], ["-k"]])(
    "refuses %s",
    (arg) => {
      expect(() => parseArgs(["actions", arg])).toThrow(UsageError);
    },
  );

  it.each([
    ["https://actionnetwork.org/api/v2/", "https://actionnetwork.org/api/v2"],
    ["http://localhost:4010/api/v2", "http://localhost:4010/api/v2"],
  ])("takes --api %s", (api, expected) => {
    expect(checkApi(api)).toBe(expected);
  });

  it.each(["http://example.org/api/v2", "https://user:pw@example.org/api", "nonsense"])(
    "refuses --api %s",
    (api) => {
      expect(() => checkApi(api)).toThrow(UsageError);
    },
  );

  it("finds an action from its API URL, its helper URL, or its id", () => {
    const api = "https://actionnetwork.org/api/v2";
    expect(locateAction(`${api}/events/abc/attendances`, api, undefined)).toEqual({
      id: "abc",
      candidates: [{ kind: "event", url: `${api}/events/abc` }],
    });
    expect(locateAction(`${api}/event_campaigns/ec/events/abc`, api, undefined).candidates).toEqual(
      [{ kind: "event", url: `${api}/events/abc` }],
    );
    expect(
      locateAction("action_network:abc", api, undefined).candidates.map((c) => c.kind),
    ).toEqual(["petition", "form", "event"]);
    expect(locateAction("abc", api, "form").candidates).toEqual([
      { kind: "form", url: `${api}/forms/abc` },
    ]);
    expect(() =>
      locateAction("https://actionnetwork.org/petitions/save-the-park", api, undefined),
    ).toThrow(/public page/);
    expect(() => locateAction("https://evil.example/api/v2/petitions/abc", api, undefined)).toThrow(
      /not under/,
    );
  });
});
