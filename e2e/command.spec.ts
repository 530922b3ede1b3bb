import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { serveStatic } from "../scripts/serve.mjs";
import { TOWN_HALL } from "../test/town-hall";
import { expect, fillExact, test, widgetIn } from "./fixtures";

/**
 * The organizer's way from an action to a widget without retyping: `osdi-embed
 * snippet` reads the event from the (sandbox's) keyed API, and its output, pasted
 * into a page as it is, mounts with the built dist/osdi-embed.js. The reader is in
 * Tokyo; the event is at 6:30 PM in Millbrook, Illinois, and reads so.
 */

const run = promisify(execFile);

test.use({ timezoneId: "Asia/Tokyo", locale: "en-US" });

/** ICU's thin and narrow no-break spaces as plain ones. */
const plain = (s: string | null) => s?.replace(/\s/g, " ");

test("the command's event snippet, pasted into a page, shows the event at the place's hour", async ({
  page,
  servers,
  consoleMessages,
}) => {
  const { apiKey } = (await (await fetch(`${servers.helper}/_sandbox/info`)).json()) as {
    apiKey: string;
  };
  // The group's event, as Action Network gives it: the place's clock with a Z, no zone.
  const created = await fetch(`${servers.helper}/api/v2/events`, {
    method: "POST",
    headers: { "OSDI-API-Token": apiKey, "Content-Type": "application/json" },
    body: JSON.stringify(TOWN_HALL),
  });
  expect(created.status).toBe(200);
  const event = (await created.json()) as {
    browser_url: string;
    _links: { self: { href: string } };
  };
  const apiUrl = event._links.self.href;

  const { stdout } = await run(
    process.execPath,
    [
      "bin/osdi-embed.mjs",
      "snippet",
      apiUrl,
      "--api",
      `${servers.helper}/api/v2`,
      "--script",
      "/dist/osdi-embed.js",
    ],
    { env: { ...process.env, ACTION_NETWORK_API_KEY: apiKey } },
  );
  expect(stdout).toContain(`href="${event.browser_url}"`);
  expect(stdout).not.toContain(apiKey);

  // Pasted as it is into a page of the organizer's site (another origin than the helper),
  // served by a web server as any page is.
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Events - Millbrook Tenants Alliance</title></head>
<body><main id="pasted">
${stdout}
</main></body>
</html>`;
  const site = await serveStatic({
    mounts: { "/dist": "dist" },
    routes: { "/pasted.html": () => ({ type: "text/html; charset=utf-8", body: html }) },
  });
  try {
    await page.goto(`${site.url.replace("127.0.0.1", "localhost")}/pasted.html`);
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      "Asia/Tokyo",
    );

    const widget = widgetIn(page, "#pasted > div");
    await expect(
      widget.getByRole("heading", { name: "Town hall on rent stabilization" }),
    ).toBeVisible();
    await expect(widget.locator(".osdi-embed__description")).toHaveText(
      "Hear from tenants & Council members.",
    );
    const time = widget.locator("time.osdi-embed__when");
    // 6:30 PM in Chicago is 00:30 UTC on the 11th, 9:30 AM in Tokyo: shown at the place's hour.
    await expect(time).toHaveAttribute("datetime", "2026-12-11T00:30:00.000Z");
    expect(plain(await time.textContent())).toBe("Thursday, December 10, 2026, 6:30 – 8:00 PM CST");
    await expect(widget.locator(".osdi-embed__where")).toHaveText(
      "Millbrook Public Library, 210 Elm Street, Millbrook, IL 60536",
    );

    // The RSVP reaches the event's helper, and the event's total counts it.
    await fillExact(widget, { "First name": "Ada", Email: "ada@example.org" });
    await widget.getByRole("button", { name: "RSVP" }).click();
    await expect(widget).toHaveAttribute("data-osdi-state", "success");
    await expect
      .poll(async () => {
        const response = await fetch(apiUrl, { headers: { "OSDI-API-Token": apiKey } });
        return ((await response.json()) as { total_accepted: number }).total_accepted;
      })
      .toBe(1);
    expect(consoleMessages.filter((m) => m.type === "error" || m.type === "warning")).toEqual([]);
  } finally {
    await site.close();
  }
});
