import type { Locator, Page } from "@playwright/test";
import { expect, field, fillExact, type Servers, test, widgetIn } from "./fixtures";

/** Submits and waits for the thanks, then returns the one body the sandbox accepted. */
async function submitAndRead(widget: Locator, servers: Servers) {
  await widget.getByRole("button").click();
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  const records = await servers.records();
  expect(records).toHaveLength(1);
  expect(await servers.rejections()).toEqual([]);
  return records[0].body;
}

/** Label text (without the "(required)" mark), tag and input attributes of every control, in DOM order. */
function controlsOf(widget: Locator) {
  return widget.locator("form").evaluate((form) =>
    // Visible controls only: the hidden honeypot is for bots.
    Array.from(form.querySelectorAll<HTMLInputElement>("input, select, textarea"))
      .filter((el) => !el.closest("[hidden]"))
      .map((el) => {
        const label = el.labels?.[0];
        const required = label?.querySelector(".osdi-embed__required")?.textContent ?? "";
        return {
          label: (label?.textContent ?? "").replace(required, "").trim(),
          tag: el.tagName.toLowerCase(),
          type: el.getAttribute("type"),
          // A free-text box has no autofill token: none and "off" say the same.
          autocomplete:
            el.getAttribute("autocomplete") === "off" ? null : el.getAttribute("autocomplete"),
          inputmode: el.getAttribute("inputmode"),
        };
      }),
  );
}

test.describe("data-osdi-action with data-osdi-kind", () => {
  test("a relay URL whose path does not name the kind mounts as the given kind and posts to that URL as is", async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/proxy.html`);
    const widget = widgetIn(page, "#supper");
    await expect(widget).toHaveClass(/osdi-embed--event/);
    await expect(widget.getByRole("button")).toHaveText("RSVP");
    await fillExact(widget, { "First name": "Wendell", Email: "wendell@example.org" });
    const posted = page.waitForRequest((r) => r.method() === "POST");
    await widget.getByRole("button").click();
    const request = await posted;
    expect(request.url()).toBe(`${servers.helper}/relay/harvest-supper`);
    expect(request.postDataJSON()).toEqual({
      person: { given_name: "Wendell", email_addresses: [{ address: "wendell@example.org" }] },
      triggers: { autoresponse: { enabled: true } },
      "action_network:referrer_data": { website: "localhost" },
    });
  });
});

test.describe("data-osdi-fields", () => {
  test("every field, in the given order, with its English label, type, autocomplete and inputmode; all land in the body", async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/council-letter.html`);
    const widget = widgetIn(page, "#council-letter");
    expect(await controlsOf(widget)).toEqual([
      {
        label: "First name",
        tag: "input",
        type: "text",
        autocomplete: "given-name",
        inputmode: null,
      },
      {
        label: "Last name",
        tag: "input",
        type: "text",
        autocomplete: "family-name",
        inputmode: null,
      },
      { label: "Email", tag: "input", type: "email", autocomplete: "email", inputmode: "email" },
      { label: "Phone", tag: "input", type: "tel", autocomplete: "tel", inputmode: "tel" },
      {
        label: "Street address",
        tag: "input",
        type: "text",
        autocomplete: "address-line1",
        inputmode: null,
      },
      {
        label: "City",
        tag: "input",
        type: "text",
        autocomplete: "address-level2",
        inputmode: null,
      },
      {
        label: "State",
        tag: "input",
        type: "text",
        autocomplete: "address-level1",
        inputmode: null,
      },
      {
        label: "ZIP / Postal code",
        tag: "input",
        type: "text",
        autocomplete: "postal-code",
        inputmode: null,
      },
      { label: "Country", tag: "select", type: null, autocomplete: "country", inputmode: null },
      { label: "Comments", tag: "textarea", type: null, autocomplete: null, inputmode: null },
    ]);
    // Every control has a visible <label>.
    await expect(widget.locator("form label")).toHaveCount(10);
    for (const label of await widget.locator("form label").all()) await expect(label).toBeVisible();

    await fillExact(widget, {
      "First name": "Fannie",
      "Last name": "Hamer",
      Email: "fannie@example.org",
      Phone: "+1 202-555-0188",
      "Street address": "12 Main Street",
      City: "Millbrook",
      State: "NY",
      "ZIP / Postal code": "12545",
      Comments: "Fix the heat at 12 Main.",
    });
    await field(widget, "Country").selectOption("US");
    expect(await submitAndRead(widget, servers)).toEqual({
      person: {
        given_name: "Fannie",
        family_name: "Hamer",
        email_addresses: [{ address: "fannie@example.org" }],
        phone_numbers: [{ number: "12025550188" }],
        postal_addresses: [
          {
            address_lines: ["12 Main Street"],
            locality: "Millbrook",
            region: "NY",
            postal_code: "12545",
            country: "US",
          },
        ],
      },
      comments: "Fix the heat at 12 Main.",
      triggers: { autoresponse: { enabled: true } },
      "action_network:referrer_data": { website: "localhost" },
    });
  });
});

test.describe("data-osdi-required", () => {
  test('required fields say "(required)" in their label (read once, no aria-required); the others do not', async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/council-letter.html`);
    const widget = widgetIn(page, "#council-letter");
    const required = ["First name", "Last name", "Email", "Street address", "ZIP / Postal code"];
    const optional = ["Phone", "City", "State", "Country", "Comments"];
    for (const label of required) {
      await expect(widget.getByLabel(`${label} (required)`, { exact: true })).toHaveCount(1);
      await expect(field(widget, label)).not.toHaveAttribute("aria-required", /.*/);
    }
    for (const label of optional) {
      await expect(widget.getByLabel(label, { exact: true })).toHaveCount(1);
    }
  });
});

test.describe("data-osdi-custom-fields", () => {
  test("every type renders its control and its value lands in person.custom_fields", async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/survey.html`);
    const widget = widgetIn(page, "#survey");
    await expect(field(widget, "Building name")).toHaveAttribute("type", "text");
    await expect(field(widget, "Describe the problem")).toHaveJSProperty("tagName", "TEXTAREA");
    await expect(field(widget, "Landlord")).toHaveJSProperty("tagName", "SELECT");
    await expect(widget.getByRole("group", { name: /^Do you rent or own\?/ })).toBeVisible();
    await expect(widget.getByRole("radio")).toHaveCount(2);
    await expect(widget.getByRole("group", { name: "Which problems?" })).toBeVisible();
    await expect(field(widget, "Landlord email")).toHaveAttribute("type", "email");
    await expect(field(widget, "Units in the building")).toHaveAttribute("type", "number");
    await expect(field(widget, "Move-in date")).toHaveAttribute("type", "date");

    await fillExact(widget, {
      "First name": "Rosa",
      Email: "rosa@example.org",
      "Building name": "Riverside Towers",
      "Describe the problem": "No heat since November.",
      "Landlord email": "office@millbrook-holdings.example",
      "Units in the building": "24",
      "Move-in date": "2019-09-01",
    });
    await field(widget, "Landlord").selectOption("Millbrook Holdings");
    await widget.getByRole("radio", { name: "Rent" }).check();
    await widget.getByRole("checkbox", { name: "I am a union member" }).check();
    await widget.getByRole("checkbox", { name: "Heat" }).check();
    await widget.getByRole("checkbox", { name: "Pests" }).check();

    const body = await submitAndRead(widget, servers);
    expect(body.person).toEqual({
      given_name: "Rosa",
      email_addresses: [{ address: "rosa@example.org" }],
      custom_fields: {
        building: "Riverside Towers",
        problem: "No heat since November.",
        landlord: "Millbrook Holdings",
        tenure: "Rent",
        union_member: "true",
        issues: "Heat, Pests",
        landlord_email: "office@millbrook-holdings.example",
        units: "24",
        move_in: "2019-09-01",
      },
    });
  });
});

test.describe("data-osdi-tags", () => {
  test("comma-separated tags are sent as add_tags", async ({ page, servers }) => {
    await page.goto(`${servers.site}/survey.html`);
    const widget = widgetIn(page, "#survey");
    await fillExact(widget, { Email: "tag@example.org" });
    await widget.getByRole("radio", { name: "Own" }).check();
    const body = await submitAndRead(widget, servers);
    expect(body.add_tags).toEqual(["survey", "housing conditions"]);
  });
});

test.describe("data-osdi-source and data-osdi-referrer", () => {
  const cases = [
    {
      name: "from the attributes",
      url: "newsletter.html",
      host: "#footer-signup",
      expected: { source: "footer", referrer: "riverside-coalition", website: "localhost" },
    },
    {
      name: "from the attributes, which win over the page URL",
      url: "newsletter.html?source=email-blast&referrer=someone-else",
      host: "#footer-signup",
      expected: { source: "footer", referrer: "riverside-coalition", website: "localhost" },
    },
    {
      name: "from the page URL's ?source= and ?referrer= when the attributes are absent",
      url: "intake.html?source=flyer&referrer=jane_doe",
      host: "#intake",
      expected: { source: "flyer", referrer: "jane_doe", website: "localhost" },
    },
    {
      // The helper refuses such a source (and with it the person), so it is left out.
      name: "a page URL source that is not a source code is dropped",
      url: "intake.html?source=spring%20mailing%3Cb%3E",
      host: "#intake",
      expected: { website: "localhost" },
    },
  ];
  for (const c of cases)
    test(c.name, async ({ page, servers }) => {
      await page.goto(`${servers.site}/${c.url}`);
      const widget = widgetIn(page, c.host);
      await fillExact(widget, { Email: "source@example.org" });
      const body = await submitAndRead(widget, servers);
      expect(body["action_network:referrer_data"]).toEqual(c.expected);
    });
});

test.describe("data-osdi-email-opt-in", () => {
  const cases = [
    { page: "newsletter.html", host: "#footer-signup", initially: true, tick: true },
    { page: "newsletter.html", host: "#footer-signup", initially: true, tick: false },
    { page: "volunteer.html", host: "#rapid-response", initially: false, tick: false },
    { page: "volunteer.html", host: "#rapid-response", initially: false, tick: true },
  ];
  for (const c of cases)
    test(`${c.initially ? "checked" : "unchecked"} box, left ${c.tick ? "ticked" : "unticked"}: status "subscribed" only when ticked`, async ({
      page,
      servers,
    }) => {
      await page.goto(`${servers.site}/${c.page}`);
      const widget = widgetIn(page, c.host);
      const box = widget.getByRole("checkbox", { name: "Send me email updates" });
      if (c.initially) await expect(box).toBeChecked();
      else await expect(box).not.toBeChecked();
      await fillExact(widget, { Email: "optin@example.org" });
      if (c.page === "volunteer.html")
        await fillExact(widget, { "First name": "Ella", Phone: "202 555 0101" });
      await box.setChecked(c.tick);
      const body = await submitAndRead(widget, servers);
      const person = body.person as { email_addresses: unknown[] };
      expect(person.email_addresses).toEqual([
        c.tick
          ? { address: "optin@example.org", status: "subscribed" }
          : { address: "optin@example.org" },
      ]);
    });

  test("no box at all without the attribute", async ({ page, servers }) => {
    await page.goto(`${servers.site}/intake.html`);
    const widget = widgetIn(page, "#intake");
    await expect(field(widget, "Email")).toBeVisible();
    await expect(widget.getByRole("checkbox")).toHaveCount(0);
  });
});

test.describe("data-osdi-sms-opt-in", () => {
  for (const tick of [true, false])
    test(`an unticked SMS box with its disclosure; the phone is subscribed only when ticked (${tick ? "ticked" : "left unticked"})`, async ({
      page,
      servers,
    }) => {
      await page.goto(`${servers.site}/volunteer.html`);
      const widget = widgetIn(page, "#rapid-response");
      const box = widget.getByRole("checkbox", { name: "Send me text messages" });
      await expect(box).not.toBeChecked();
      // The disclosure is visible and read out with the box.
      await expect(box).toHaveAccessibleDescription(/STOP/);
      await expect(widget.getByText(/Message and data rates may apply/)).toBeVisible();

      await fillExact(widget, {
        "First name": "Ella",
        Email: "ella@example.org",
        Phone: "(202) 555-0101",
      });
      await box.setChecked(tick);
      const body = await submitAndRead(widget, servers);
      expect(body.person).toEqual({
        given_name: "Ella",
        email_addresses: [{ address: "ella@example.org" }],
        phone_numbers: [
          tick ? { number: "2025550101", status: "subscribed" } : { number: "2025550101" },
        ],
      });
    });
});

test.describe("data-osdi-redirect", () => {
  test("after success the page goes to the redirect URL, and the record is there", async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/pledge.html`);
    const widget = widgetIn(page, "#pledge");
    await fillExact(widget, { "First name": "Jane", Email: "jane@example.org" });
    await widget.getByRole("button").click();
    await page.waitForURL(`${servers.site}/thanks.html?pledge=one-day-a-week`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Thanks for taking the pledge!",
    );
    await expect.poll(async () => (await servers.records()).length).toBe(1);
    const [record] = await servers.records();
    expect(record.body.person).toEqual({
      given_name: "Jane",
      email_addresses: [{ address: "jane@example.org" }],
    });
  });
});

test.describe("data-osdi-lang", () => {
  test.use({ timezoneId: "America/New_York", locale: "en-US" });

  test("an event's date is formatted in the widget's language, else in the nearest lang attribute's", async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/assemblee.html`);
    const fr = widgetIn(page, "#assemblee-fr").locator("time");
    const es = widgetIn(page, "#asamblea-es").locator("time");
    await expect(fr).toHaveAttribute("datetime", "2026-06-13T22:00:00.000Z");
    await expect(fr).toContainText(/samedi 13 juin 2026/);
    await expect(fr).toContainText("18:00");
    await expect(es).toContainText(/sábado, 13 de junio de 2026/);
    await expect(es).toContainText("18:00");
  });
});

test.describe("data-osdi-text-<key>", () => {
  test("replaces built-in strings, shown as text even when they hold <b> or <script>", async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/open-letter.html`);
    const widget = widgetIn(page, "#open-letter");
    await expect(widget.getByRole("button")).toHaveText("Add my name");
    await expect(widget.getByLabel("Your <b>first</b> name", { exact: true })).toBeVisible();
    await fillExact(widget, { "Your <b>first</b> name": "Toni", Email: "toni@example.org" });
    await submitAndRead(widget, servers);
    await expect(widget.getByRole("status")).toHaveText(
      "Thanks, your name is on the <b>letter</b>. <script>window.__osdiInjected = 'thanks'</script>",
    );
    await expect(widget.locator("b, script")).toHaveCount(0);
    expect(await page.evaluate(() => "__osdiInjected" in window)).toBe(false);
  });
});

test.describe("data-osdi-title and data-osdi-description", () => {
  test("a heading and a paragraph above the fields, as text", async ({ page, servers }) => {
    await page.goto(`${servers.site}/open-letter.html`);
    const widget = widgetIn(page, "#open-letter");
    const heading = widget.getByRole("heading", { level: 2 });
    await expect(heading).toHaveText("Open letter: <b>fund</b> our libraries");
    await expect(widget.getByText("Sunday hours matter.")).toHaveText(
      "Sunday hours matter. <script>window.__osdiInjected = 'description'</script>",
    );
    // Above the fields.
    const order = await widget.evaluate((w) => {
      const h = w.querySelector("h2");
      const f = w.querySelector("form");
      return h && f ? h.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();
    await expect(widget.locator("b, script")).toHaveCount(0);
    expect(await page.evaluate(() => "__osdiInjected" in window)).toBe(false);
  });
});

test.describe("data-osdi-start, -end and -location", () => {
  // At a place: the place's clock, the start's offset (-04:00), in every reader's zone.
  // (e2e/event-times.spec.ts reads data-osdi-timezone and data-osdi-online.)
  for (const timezoneId of ["America/New_York", "Asia/Tokyo"])
    test.describe(`read in ${timezoneId}`, () => {
      test.use({ timezoneId, locale: "en-US" });
      test("shown in a <time> element at the place's clock, with the location", async ({
        page,
        servers,
      }) => {
        await page.goto(`${servers.site}/town-hall.html`);
        const widget = widgetIn(page, "#town-hall");
        const time = widget.locator("time");
        await expect(time).toHaveAttribute("datetime", "2026-06-13T22:00:00.000Z");
        await expect(time).toContainText("Saturday, June 13, 2026");
        // A range within one half-day may say PM once: "6:00 – 8:00 PM".
        await expect(time).toContainText(/\b6:00\b/);
        await expect(time).toContainText(/\b8:00\sPM\sGMT-4$/);
        await expect(widget).toContainText(
          "Millbrook Public Library, Community Room, 210 Elm Street",
        );
      });
    });
});

test.describe("data-osdi-styles", () => {
  const cssLinks = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLLinkElement>("link[rel=stylesheet]")).map(
        (l) => l.href,
      ),
    );

  test('"none" adds no stylesheet and no <style>', async ({ page, servers }) => {
    await page.goto(`${servers.site}/own-styles.html`);
    await expect(widgetIn(page, "#signup")).toBeVisible();
    expect(await cssLinks(page)).toEqual([]);
    await expect(page.locator("style")).toHaveCount(1);
  });

  test('"base" (the default) adds exactly one link to osdi-embed.css, even with several widgets', async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/home.html`);
    await expect(page.locator(".osdi-embed")).toHaveCount(5);
    expect(await cssLinks(page)).toEqual([`${servers.site}/dist/osdi-embed.css`]);
    await expect(page.locator("style")).toHaveCount(0);
    // It loaded and applies.
    await expect(page.locator("#rent-petition > .osdi-embed")).toHaveCSS("display", "grid");
  });
});
