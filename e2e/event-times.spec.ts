import type { Page } from "@playwright/test";
import { expect, fillExact, test, widgetIn } from "./fixtures";

/**
 * Event times (dist/osdi-embed-event.js, dist/osdi-embed-after.js): the same
 * widgets read with the browser in three time zones. An event at a place, 6:30
 * PM in Chicago, reads at Chicago's clock everywhere, named by the start's
 * offset or by data-osdi-timezone (also as mount()'s setting); the same event
 * online reads at each reader's clock, named. <time datetime> and the
 * add-to-calendar links hold the same instant in every zone.
 */

/** 6:30 to 8:00 PM in Chicago on Thursday, December 10, 2026. */
const INSTANT = "2026-12-11T00:30:00.000Z";
const DATES = "20261211T003000Z/20261211T020000Z";
const AT_PLACE = {
  offset: "Thursday, December 10, 2026, 6:30 – 8:00 PM GMT-6",
  zoned: "Thursday, December 10, 2026, 6:30 – 8:00 PM CST",
  mounted: "Thursday, December 10, 2026, 6:30 – 8:00 PM CST",
};
const ONLINE: Record<string, string> = {
  "America/Chicago": "Thursday, December 10, 2026, 6:30 – 8:00 PM CST",
  "Asia/Tokyo": "Friday, December 11, 2026, 9:30 – 11:00 AM GMT+9",
  "Europe/Berlin": "Friday, December 11, 2026, 1:30 – 3:00 AM GMT+1",
};
const WIDGETS = [...Object.keys(AT_PLACE), "online"];

/** ICU's thin and narrow no-break spaces as plain ones. */
const plain = (s: string | null) => s?.replace(/\s/g, " ");

/** The text of a widget's <time>, once the event part has drawn it. */
async function when(page: Page, id: string) {
  const time = widgetIn(page, `#${id}`).locator("time.osdi-embed__when");
  await expect(time).toHaveAttribute("datetime", INSTANT);
  return plain(await time.textContent());
}

for (const timezoneId of Object.keys(ONLINE))
  test.describe(`read in ${timezoneId}`, () => {
    test.use({ timezoneId, locale: "en-US" });

    test("an event at a place reads at Chicago's clock; online, at the reader's, named", async ({
      page,
      servers,
      consoleMessages,
    }) => {
      await page.goto(`${servers.site}/event-times.html`);
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
        timezoneId,
      );
      for (const [id, text] of Object.entries(AT_PLACE))
        expect(await when(page, id), id).toBe(text);
      expect(await when(page, "online")).toBe(ONLINE[timezoneId]);
      await expect(widgetIn(page, "#online").locator(".osdi-embed__where")).toHaveText(
        "Video call (the link comes by email)",
      );
      expect(consoleMessages.filter((m) => m.type === "error" || m.type === "warning")).toEqual([]);
    });

    test("the calendar links hold the same instant, at a place and online", async ({
      page,
      servers,
    }) => {
      await page.goto(`${servers.site}/event-times.html`);
      for (const id of WIDGETS) {
        const widget = widgetIn(page, `#${id}`);
        await fillExact(widget, { "First name": "Ada", Email: `ada+${id}@example.org` });
        await widget.getByRole("button", { name: "RSVP" }).click();
        await expect(widget).toHaveAttribute("data-osdi-state", "success");
        const calendar = widget.getByRole("group", { name: "Add to calendar" });
        const google = calendar.getByRole("link", { name: "Google Calendar" });
        const href = new URL((await google.getAttribute("href"))!);
        expect(href.searchParams.get("dates"), id).toBe(DATES);
        const file = calendar.getByRole("link", { name: "Calendar file (.ics)" });
        await expect(file).toHaveAttribute("href", /^blob:/);
        // The blob's own text, as the download would save it, unfolded.
        const ics = await file.evaluate(async (a: HTMLAnchorElement) =>
          (await fetch(a.href)).text(),
        );
        const lines = ics.replace(/\r\n /g, "").split("\r\n");
        expect(lines, id).toContain("DTSTART:20261211T003000Z");
        expect(lines, id).toContain("DTEND:20261211T020000Z");
        expect(
          lines.filter((l) => /^DT(START|END)[;:]/.test(l)),
          id,
        ).toHaveLength(2);
      }
    });
  });
