import type { Locator } from "@playwright/test";
import { expect, field, fillExact, posts, test, widgetIn } from "./fixtures";

/** aria-invalid, and a visible message tied to the control by aria-describedby. */
async function expectInvalid(control: Locator, message: RegExp) {
  await expect(control).toHaveAttribute("aria-invalid", "true");
  await expect(control).toHaveAccessibleDescription(message);
  const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(/\s+/).filter(Boolean);
  expect(ids.length).toBeGreaterThan(0);
  const page = control.page();
  const described: string[] = [];
  for (const id of ids) {
    const text = page.locator(`[id="${id}"]`);
    await expect(text).toBeVisible();
    described.push((await text.textContent()) ?? "");
  }
  expect(described.join(" ")).toMatch(message);
}

const REQUIRED = /fill in|required/i;

interface EmptyCase {
  name: string;
  page: string;
  host: string;
  /** Typed before submitting; everything else stays empty. */
  prefill?: (widget: Locator) => Promise<void>;
  /** The controls that must be marked invalid, the first one first. */
  invalid: (widget: Locator) => Locator[];
  /** Controls that must not be marked. */
  valid: (widget: Locator) => Locator[];
}

const emptyCases: EmptyCase[] = [
  {
    name: "a petition submitted empty: only the required email is marked",
    page: "petition.html",
    host: "#petition",
    invalid: (w) => [field(w, "Email")],
    valid: (w) => [field(w, "First name"), field(w, "ZIP / Postal code"), field(w, "Comments")],
  },
  {
    name: "a letter submitted empty: every required field is marked, focus on the first",
    page: "council-letter.html",
    host: "#council-letter",
    invalid: (w) => [
      field(w, "First name"),
      field(w, "Last name"),
      field(w, "Email"),
      field(w, "Street address"),
      field(w, "ZIP / Postal code"),
    ],
    valid: (w) => [field(w, "Phone"), field(w, "City"), field(w, "Country")],
  },
  {
    name: "a survey whose first missing answer is a required radio group: focus on its first radio",
    page: "survey.html",
    host: "#survey",
    prefill: (w) => fillExact(w, { Email: "rosa@example.org" }),
    invalid: (w) => [w.getByRole("radio", { name: "Rent" }), w.getByRole("radio", { name: "Own" })],
    valid: (w) => [field(w, "Email"), field(w, "Building name")],
  },
];

for (const c of emptyCases) {
  test(c.name, async ({ page, servers, consoleErrors }) => {
    await page.goto(`${servers.site}/${c.page}`);
    const widget = widgetIn(page, c.host);
    await c.prefill?.(widget);
    await widget.getByRole("button").click();

    await expect(widget).toHaveAttribute("data-osdi-state", "error");
    const invalid = c.invalid(widget);
    await expect(invalid[0]).toBeFocused();
    for (const control of invalid) await expectInvalid(control, REQUIRED);
    for (const control of c.valid(widget))
      await expect(control).not.toHaveAttribute("aria-invalid", "true");
    await expect(widget.getByRole("status")).not.toBeEmpty();
    // Nothing reached the helper, not even a preflight.
    expect(await servers.requests()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
}

for (const bad of ["ada.example.org", "ada@example"]) {
  test(`a bad email (${bad}) is marked and not sent`, async ({ page, servers }) => {
    await page.goto(`${servers.site}/petition.html`);
    const widget = widgetIn(page, "#petition");
    await fillExact(widget, { "First name": "Ada", Email: bad });
    await widget.getByRole("button").click();
    const email = field(widget, "Email");
    await expect(email).toBeFocused();
    await expectInvalid(email, /email/i);
    await expect(field(widget, "First name")).not.toHaveAttribute("aria-invalid", "true");
    await expect(widget).toHaveAttribute("data-osdi-state", "error");
    expect(await servers.requests()).toEqual([]);
  });
}

test("email or phone: when neither is required, one of them still is", async ({
  page,
  servers,
}) => {
  await page.goto(`${servers.site}/callback.html`);
  const widget = widgetIn(page, "#callback");
  await expect(widget.getByLabel("Email", { exact: true })).toHaveCount(1);
  await expect(widget.getByLabel("Phone", { exact: true })).toHaveCount(1);
  await fillExact(widget, { "First name": "Sam" });
  await widget.getByRole("button").click();

  const email = field(widget, "Email");
  await expect(email).toBeFocused();
  await expectInvalid(email, /email|phone/i);
  await expect(widget).toHaveAttribute("data-osdi-state", "error");
  expect(await servers.requests()).toEqual([]);

  // A phone number alone is enough.
  await fillExact(widget, { Phone: "202.555.0147" });
  await widget.getByRole("button").click();
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  const records = await servers.records();
  expect(records).toHaveLength(1);
  expect(records[0].body.person).toEqual({
    given_name: "Sam",
    phone_numbers: [{ number: "2025550147" }],
  });
});

test("after fixing the marked fields, the submission succeeds and the marks go", async ({
  page,
  servers,
}) => {
  await page.goto(`${servers.site}/petition.html`);
  const widget = widgetIn(page, "#petition");
  await fillExact(widget, { "First name": "Ada", Email: "ada@" });
  await widget.getByRole("button").click();
  const email = field(widget, "Email");
  await expectInvalid(email, /email/i);

  await email.fill("ada@example.org");
  await widget.getByRole("button").click();
  await expect(widget.getByRole("status")).toContainText("Thank you");
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  await expect(widget.locator('[aria-invalid="true"]')).toHaveCount(0);
  const records = await servers.records();
  expect(records).toHaveLength(1);
  expect(records[0].body.person).toEqual({
    given_name: "Ada",
    email_addresses: [{ address: "ada@example.org" }],
  });
});

test("a double click on the button sends one request only", async ({ page, servers }) => {
  // A slow helper keeps the first request in flight while the second click lands.
  await servers.fault({ count: 1, delayMs: 600 });
  await page.goto(`${servers.site}/petition.html`);
  const widget = widgetIn(page, "#petition");
  await fillExact(widget, { "First name": "Ada", Email: "ada@example.org" });
  await widget.getByRole("button").dblclick();
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  await expect.poll(async () => (await posts(servers)).length).toBe(1);
  expect(await servers.records()).toHaveLength(1);
  expect(await servers.outbox()).toHaveLength(1);
});
