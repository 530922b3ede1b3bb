// @vitest-environment happy-dom
/**
 * src/parts/event.tsx: an event's when and where. An event at a place reads at
 * the place's clock (data-osdi-timezone, else the offset data-osdi-start was
 * written with), named; one online or without a place, at the reader's, named.
 * <time datetime> is always the exact instant. The reader's zone is the
 * process's (TZ, which Node applies when it changes).
 */
import { h, render } from "preact";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Settings, toAttributes } from "../../src/config/settings";
import EventDetails, { when as format } from "../../src/parts/event";
import { authorError, EVENT, parse } from "./helpers";

const CHICAGO = {
  action: EVENT,
  start: "2026-12-10T18:30:00-06:00",
  end: "2026-12-10T20:00:00-06:00",
  location: "Millbrook Public Library",
};
/** 6:30 PM in Chicago. */
const INSTANT = "2026-12-11T00:30:00.000Z";

let host: HTMLElement;
const zone = process.env.TZ;
beforeEach(() => {
  host = document.createElement("div");
  document.body.append(host);
});
afterEach(() => {
  render(null, host);
  host.remove();
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

/** The details line of an event with these attributes, read in the reader's zone `tz`. */
function show(attrs: Record<string, string>, tz: string, lang = "en") {
  process.env.TZ = tz;
  render(h(EventDetails, { options: parse(attrs), lang }), host);
  const time = host.querySelector("time");
  return { text: plain(time?.textContent), datetime: time?.getAttribute("datetime") };
}

/** ICU's thin and narrow no-break spaces as plain ones, for readable expectations. */
const plain = (s?: string | null) => s?.replace(/\s/g, " ");

const READERS = ["America/Chicago", "Asia/Tokyo", "Europe/Berlin"];

describe("an event at a place", () => {
  it.each(READERS)("reads at the place's clock, named by the offset, for a reader in %s", (tz) => {
    expect(show(CHICAGO, tz)).toEqual({
      text: "Thursday, December 10, 2026, 6:30 – 8:00 PM GMT-6",
      datetime: INSTANT,
    });
  });

  it.each(READERS)("reads at the place's clock, named by data-osdi-timezone, in %s", (tz) => {
    expect(show({ ...CHICAGO, timezone: "America/Chicago" }, tz)).toEqual({
      text: "Thursday, December 10, 2026, 6:30 – 8:00 PM CST",
      datetime: INSTANT,
    });
  });

  it("formats the start alone without an end", () => {
    const { start, location } = CHICAGO;
    expect(show({ action: EVENT, start, location }, "Asia/Tokyo").text).toBe(
      "Thursday, December 10, 2026 at 6:30 PM GMT-6",
    );
  });

  it("takes the instant as written when data-osdi-timezone disagrees with the offset", () => {
    // 18:30 at -05:00 is 17:30 in Chicago in December: the zone names and formats it.
    const { text, datetime } = show(
      { ...CHICAGO, start: "2026-12-10T18:30:00-05:00", timezone: "America/Chicago" },
      "Asia/Tokyo",
    );
    expect(text).toBe("Thursday, December 10, 2026, 5:30 – 8:00 PM CST");
    expect(datetime).toBe("2026-12-10T23:30:00.000Z");
  });

  it("names the place's zone in the widget's language", () => {
    expect(show(CHICAGO, "Asia/Tokyo", "fr").text).toBe(
      "jeudi 10 décembre 2026, 18:30 – 20:00 UTC−6",
    );
    expect(show({ ...CHICAGO, timezone: "America/Chicago" }, "Asia/Tokyo", "de").text).toBe(
      "Donnerstag, 10. Dezember 2026, 18:30–20:00 Uhr GMT-6",
    );
  });

  it('reads in the reader\'s zone when the start names no place ("Z", no offset)', () => {
    const { location } = CHICAGO;
    const at = { action: EVENT, start: INSTANT, end: "2026-12-11T02:00:00Z", location };
    expect(show(at, "Asia/Tokyo").text).toBe("Friday, December 11, 2026, 9:30 – 11:00 AM GMT+9");
  });
});

describe("an online event, or one without a place", () => {
  const zones = [
    ["America/Chicago", "Thursday, December 10, 2026, 6:30 – 8:00 PM CST"],
    ["Asia/Tokyo", "Friday, December 11, 2026, 9:30 – 11:00 AM GMT+9"],
    ["Europe/Berlin", "Friday, December 11, 2026, 1:30 – 3:00 AM GMT+1"],
  ];
  it.each(zones)("reads in the reader's zone, named, in %s", (tz, text) => {
    const online = { ...CHICAGO, online: "", timezone: "America/Chicago" };
    expect(show(online, tz)).toEqual({ text, datetime: INSTANT });
    const { location: _, ...nowhere } = CHICAGO;
    expect(show(nowhere, tz)).toEqual({ text, datetime: INSTANT });
    expect(show({ ...nowhere, timezone: "Europe/Lisbon" }, tz)).toEqual({
      text,
      datetime: INSTANT,
    });
  });

  it('data-osdi-online="false" is at a place', () => {
    expect(show({ ...CHICAGO, online: "false" }, "Asia/Tokyo").text).toContain(
      "6:30 – 8:00 PM GMT-6",
    );
  });

  it("shows the place alone without a start", () => {
    render(
      h(EventDetails, { options: parse({ action: EVENT, location: "Online" }), lang: "en" }),
      host,
    );
    expect(host.querySelector("time")).toBeNull();
    expect(host.querySelector(".osdi-embed__where")?.textContent).toBe("Online");
  });
});

describe("when()", () => {
  const when = (...args: Parameters<typeof format>) => plain(format(...args));
  const start = new Date(INSTANT);
  const end = new Date("2026-12-11T02:00:00Z");

  it("shows an offset of whole hours as that zone, named in the language", () => {
    expect(when("en", start, end, "-06:00")).toBe(
      "Thursday, December 10, 2026, 6:30 – 8:00 PM GMT-6",
    );
    expect(when("en", start, end, "+09:00")).toBe(
      "Friday, December 11, 2026, 9:30 – 11:00 AM GMT+9",
    );
    expect(when("en", start, end, "-0600")).toBe(
      "Thursday, December 10, 2026, 6:30 – 8:00 PM GMT-6",
    );
    expect(when("en", start, end, "+00:00")).toBe("Friday, December 11, 2026, 12:30 – 2:00 AM GMT");
    expect(when("en", start, end, "+14:00")).toBe(
      "Friday, December 11, 2026, 2:30 – 4:00 PM GMT+14",
    );
  });

  it("shows an offset with minutes at its clock, the minutes in its name", () => {
    expect(when("en", start, end, "+05:30")).toBe(
      "Friday, December 11, 2026, 6:00 – 7:30 AM GMT+5:30",
    );
    expect(when("en", start, end, "+05:45")).toBe(
      "Friday, December 11, 2026, 6:15 – 7:45 AM GMT+5:45",
    );
    expect(when("en", start, end, "-03:30")).toBe(
      "Thursday, December 10, 2026, 9:00 – 10:30 PM GMT-3:30",
    );
    expect(when("fr", start, start, "-03:30")).toBe("jeudi 10 décembre 2026 à 21:00 UTC−3:30");
  });

  it("shows an offset no zone has in the reader's zone", () => {
    process.env.TZ = "Asia/Tokyo";
    expect(when("en", start, end, "+23:00")).toBe(
      "Friday, December 11, 2026, 9:30 – 11:00 AM GMT+9",
    );
  });

  it("shows an IANA zone by its name, across a change of offset", () => {
    const summer = new Date("2026-07-09T23:30:00Z");
    expect(when("en", summer, summer, "America/Chicago")).toBe(
      "Thursday, July 9, 2026 at 6:30 PM CDT",
    );
    expect(when("en", start, start, "America/Chicago")).toBe(
      "Thursday, December 10, 2026 at 6:30 PM CST",
    );
  });
});

describe("mount()'s settings", () => {
  const settings = (s: Settings) => parse(toAttributes(s));

  it("take timezone as a name and online as a boolean", () => {
    const o = settings({ action: EVENT, start: new Date(INSTANT), timezone: "America/Chicago" });
    expect(o.timezone).toBe("America/Chicago");
    expect(o.online).toBe(false);
    expect(settings({ action: EVENT, online: true }).online).toBe(true);
    expect(settings({ action: EVENT, online: "false" }).online).toBe(false);
    expect(authorError(() => settings({ timezone: "Chicago" })).attr).toBe("data-osdi-timezone");
  });

  it("read a Date start, which has no offset, as naming no place", () => {
    const o = settings({ action: EVENT, start: new Date(INSTANT), location: "Millbrook Library" });
    expect(o.timezone).toBeUndefined();
    expect(settings({ action: EVENT, start: CHICAGO.start }).timezone).toBe("-06:00");
  });
});
