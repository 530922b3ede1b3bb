import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, fillExact, test, widgetIn } from "./fixtures";

/**
 * After success (dist/osdi-embed-after.js): share links that carry
 * source=share_<network>, copy link, the Web Share API where the browser has
 * it, and add-to-calendar for events, on a page with a strict CSP.
 */

/** Records osdi:share details into window.__shares, from page load on. */
async function recordShares(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __shares: unknown[] };
    w.__shares = [];
    document.addEventListener("osdi:share", (e) =>
      w.__shares.push({ target: (e.target as Element).id, ...(e as CustomEvent).detail }),
    );
  });
}
const shares = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shares: unknown[] }).__shares);

/** Chromium on Linux has no navigator.share; other platforms do: make it sure either way. */
const withoutNativeShare = (page: Page) =>
  page.addInitScript(() => {
    delete (Navigator.prototype as { share?: unknown }).share;
  });

/** Fills and sends the widget, and waits for its thanks. */
async function succeed(page: Page, host: string, button: string) {
  const widget = widgetIn(page, host);
  await fillExact(widget, { "First name": "Ada", Email: "ada@example.org" });
  await widget.getByRole("button", { name: button }).click();
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  await expect(widget.getByRole("status")).toHaveText("Thank you!");
  return widget;
}

const PETITION = "/after-petition.html?source=newsletter&email=ada%40example.org&ref=1#sign";
const EVENT_TITLE = "Tenant rights clinic; leases, repairs, deposits";

test.describe("after a petition succeeds", () => {
  test("share links carry the page URL with source=share_<network>", async ({
    page,
    servers,
    consoleErrors,
  }) => {
    await withoutNativeShare(page);
    await page.goto(servers.site + PETITION);
    const widget = await succeed(page, "#library", "Sign");
    const url = (network: string) =>
      `${servers.site}/after-petition.html?source=share_${network}&ref=1`;
    const list = widget.getByRole("list", { name: "Share" });
    await expect(list.locator("> li")).toHaveCount(5);
    const link = (name: string) => list.getByRole("link", { name, exact: true });
    const text = encodeURIComponent("Keep the Elm Street library open");
    const expected: Record<string, string> = {
      Facebook: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url("facebook"))}`,
      X: `https://x.com/intent/tweet?text=${text}&url=${encodeURIComponent(url("x"))}`,
      WhatsApp: `https://wa.me/?text=${text}${encodeURIComponent(` ${url("whatsapp")}`)}`,
      Email: `mailto:?subject=${text}&body=${encodeURIComponent(url("email"))}`,
    };
    for (const [name, href] of Object.entries(expected)) {
      await expect(link(name)).toHaveAttribute("href", href);
      await expect(link(name)).toHaveAttribute("target", "_blank");
      await expect(link(name)).toHaveAttribute("rel", "noopener");
      await expect(link(name)).toHaveClass("osdi-embed__share-link");
    }
    await expect(list.getByRole("button", { name: "Copy link" })).toBeVisible();
    // Below the one status region, and no second one.
    await expect(widget.locator(".osdi-embed__status + .osdi-embed__after")).toHaveCount(1);
    await expect(widget.locator("[role=status]")).toHaveCount(1);
    // A petition has no calendar.
    await expect(widget.locator(".osdi-embed__calendar")).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test("a share link opens the network apart from the page, and says so with osdi:share", async ({
    page,
    context,
    servers,
  }) => {
    await context.route(/^https:\/\/wa\.me\//, (r) =>
      r.fulfill({ contentType: "text/html", body: "<title>WhatsApp</title>" }),
    );
    await withoutNativeShare(page);
    await recordShares(page);
    await page.goto(servers.site + PETITION);
    const widget = await succeed(page, "#library", "Sign");
    const [popup] = await Promise.all([
      page.waitForEvent("popup"),
      widget.getByRole("link", { name: "WhatsApp" }).click(),
    ]);
    expect(popup.url()).toContain(encodeURIComponent("source=share_whatsapp"));
    expect(await popup.evaluate(() => window.opener)).toBeNull();
    const detail = {
      kind: "petition",
      action: `${servers.helper}/api/v2/petitions/3f1e2d4c-5b6a-4789-8a1b-2c3d4e5f6a7b`,
      network: "whatsapp",
    };
    expect(await shares(page)).toEqual([{ target: "library", ...detail }]);
    // data-osdi-datalayer: pushed for Google Tag Manager like the other events.
    const layer = await page.evaluate(
      () => (window as unknown as { dataLayer: { event: string }[] }).dataLayer,
    );
    expect(layer.filter((e) => e.event === "osdi_share")).toEqual([
      { event: "osdi_share", ...detail },
    ]);
  });

  test("copy link puts the URL on the clipboard and the button says so", async ({
    page,
    context,
    servers,
  }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: servers.site,
    });
    await withoutNativeShare(page);
    await recordShares(page);
    await page.goto(servers.site + PETITION);
    const widget = await succeed(page, "#library", "Sign");
    // The last item; its name changes once it has copied.
    const button = widget.locator(".osdi-embed__share > li:last-child > button");
    await expect(button).toHaveAccessibleName("Copy link");
    await button.click();
    await expect(button).toHaveText("Link copied");
    await expect(button).toBeFocused();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${servers.site}/after-petition.html?source=share_copy&ref=1`,
    );
    expect(await shares(page)).toMatchObject([{ network: "copy" }]);
    // The thanks stays in the status region, still the widget's one live region.
    await expect(widget.locator("[role=status], [role=alert], [aria-live]")).toHaveCount(1);
    await expect(widget.getByRole("status")).toHaveText("Thank you!");
  });

  test("without a clipboard, copy link selects the URL for the visitor to copy", async ({
    page,
    servers,
  }) => {
    await withoutNativeShare(page);
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, "clipboard", {
        get: () => ({ writeText: () => Promise.reject(new DOMException("no", "NotAllowedError")) }),
      });
    });
    await page.goto(servers.site + PETITION);
    const widget = await succeed(page, "#library", "Sign");
    await widget.getByRole("button", { name: "Copy link" }).click();
    const box = widget.getByRole("textbox", { name: "Copy link" });
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute("readonly", "");
    const url = `${servers.site}/after-petition.html?source=share_copy&ref=1`;
    await expect(box).toHaveValue(url);
    expect(
      await box.evaluate((i: HTMLInputElement) =>
        i.value.slice(i.selectionStart!, i.selectionEnd!),
      ),
    ).toBe(url);
  });

  test("where the browser can share, a Share button comes first and shares the URL", async ({
    page,
    servers,
  }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __native: unknown[] };
      w.__native = [];
      Object.defineProperty(Navigator.prototype, "share", {
        configurable: true,
        value: (data: unknown) => {
          w.__native.push(data);
          return Promise.resolve();
        },
      });
    });
    await recordShares(page);
    await page.goto(servers.site + PETITION);
    const widget = await succeed(page, "#library", "Sign");
    const items = widget.locator(".osdi-embed__share > li > .osdi-embed__share-link");
    await expect(items).toHaveText(["Share", "Facebook", "X", "WhatsApp", "Email", "Copy link"]);
    await widget.getByRole("button", { name: "Share", exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __native: unknown[] }).__native))
      .toEqual([
        {
          title: "Keep the Elm Street library open",
          text: "Keep the Elm Street library open",
          url: `${servers.site}/after-petition.html?source=share_native&ref=1`,
        },
      ]);
    await expect.poll(() => shares(page)).toMatchObject([{ network: "native" }]);
  });
});

test.describe("after an event RSVP, under a strict CSP", () => {
  test("shares the canonical URL and adds to the calendar", async ({
    page,
    servers,
    consoleMessages,
  }) => {
    await withoutNativeShare(page);
    await page.goto(`${servers.site}/after-event.html`);
    const widget = await succeed(page, "#clinic", "RSVP");
    await expect(widget.getByRole("link", { name: "Facebook" })).toHaveAttribute(
      "href",
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent("https://tenants.example.org/events/clinic?source=share_facebook")}`,
    );

    const calendar = widget.getByRole("group", { name: "Add to calendar" });
    const google = new URL(
      (await calendar.getByRole("link", { name: "Google Calendar" }).getAttribute("href"))!,
    );
    expect(`${google.origin}${google.pathname}`).toBe(
      "https://calendar.google.com/calendar/render",
    );
    expect(Object.fromEntries(google.searchParams)).toEqual({
      action: "TEMPLATE",
      text: EVENT_TITLE,
      dates: "20260709T223000Z/20260709T233000Z",
      location: "Millbrook Public Library, Room 2, 210 Elm Street",
    });

    const file = calendar.getByRole("link", { name: "Calendar file (.ics)" });
    await expect(file).toHaveAttribute("href", /^blob:/);
    const [download] = await Promise.all([page.waitForEvent("download"), file.click()]);
    expect(download.url()).toMatch(/^blob:/);
    expect(download.suggestedFilename()).toBe("Tenant-rights-clinic-leases-repairs-deposits.ics");
    const ics = await readFile((await download.path())!, "utf8");
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.replace(/\r\n /g, "").split("\r\n");
    expect(lines).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//osdi-embed//osdi-embed//EN",
      "BEGIN:VEVENT",
      `UID:${servers.helper}/api/v2/events/5d8c1f2a-7e3b-4c9d-a0f1-6b2e3c4d5e6f`,
      expect.stringMatching(/^DTSTAMP:\d{8}T\d{6}Z$/),
      "DTSTART:20260709T223000Z",
      "DTEND:20260709T233000Z",
      "SUMMARY:Tenant rights clinic\\; leases\\, repairs\\, deposits",
      "LOCATION:Millbrook Public Library\\, Room 2\\, 210 Elm Street",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ]);
    // Nothing the CSP refused: no data: URL, no inline style, no fetch.
    expect(consoleMessages.filter((m) => m.type === "error" || m.type === "pageerror")).toEqual([]);
    // And the CSP was in force: a fetch of the page's own origin is refused.
    expect(
      await page.evaluate(() =>
        fetch("/after-event.html").then(
          () => "allowed",
          () => "refused",
        ),
      ),
    ).toBe("refused");
  });
});
