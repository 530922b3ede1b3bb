import { expect, fillExact, test, widgetIn } from "./fixtures";

const FORM = "/api/v2/forms/9a1d7c3e-5f2b-4c8d-b6e0-41f7a2c9d853/submissions";

test("prefill: allow-listed URL parameters win over data-osdi-prefill-*, as text, and are sent", async ({
  page,
  servers,
}) => {
  const hostile = "<img src=x onerror=window.pwned=1>";
  await page.goto(
    `${servers.site}/features.html?given_name=${encodeURIComponent(hostile)}&email=ada%40example.org&postal_code=20009&comments=nope`,
  );
  const widget = widgetIn(page, "#news");
  await expect(widget.getByLabel("First name", { exact: true })).toHaveValue(hostile);
  await expect(widget.getByLabel("Email (required)", { exact: true })).toHaveValue(
    "ada@example.org",
  );
  // The attribute's value where the link says nothing; the link's where it does.
  await expect(widget.getByLabel("Last name", { exact: true })).toHaveValue("Byron");
  await expect(widget.getByLabel("ZIP / Postal code", { exact: true })).toHaveValue("20009");
  // Text, never markup; and nothing outside the allow-list is taken.
  await expect(widget.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  await expect(widget.getByLabel("Phone", { exact: true })).toHaveValue("");

  await widget.getByRole("button").click();
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  await expect.poll(async () => (await servers.records()).length).toBe(1);
  const [record] = await servers.records();
  expect(record.body.person).toEqual({
    given_name: hostile,
    family_name: "Byron",
    email_addresses: [{ address: "ada@example.org" }],
    postal_addresses: [{ postal_code: "20009" }],
  });
});

test("data-osdi-background: the post asks for background processing and the sandbox queues it", async ({
  page,
  servers,
}) => {
  await page.goto(`${servers.site}/features.html`);
  const widget = widgetIn(page, "#news");
  await fillExact(widget, { Email: "grace@example.org" });
  await widget.getByRole("button").click();
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  const posts = (await servers.requests()).filter((r) => r.method === "POST");
  expect(posts).toHaveLength(1);
  expect(posts[0].query).toEqual({ background_request: "true" });
  await expect.poll(async () => (await servers.records()).length).toBe(1);
  const [record] = await servers.records();
  expect(record.background).toBe(true);
  expect(record.path).toBe(FORM);
});

test("data-osdi-datalayer: every osdi event is pushed to window.dataLayer for tag managers", async ({
  page,
  servers,
}) => {
  await page.goto(`${servers.site}/features.html`);
  const widget = widgetIn(page, "#news");
  await expect(widget).toHaveAttribute("data-osdi-state", "idle");
  await widget.getByRole("button").click();
  await expect(widget).toHaveAttribute("data-osdi-state", "error");
  await fillExact(widget, { Email: "ida@example.org" });
  await widget.getByRole("button").click();
  await expect(widget).toHaveAttribute("data-osdi-state", "success");
  const layer = await page.evaluate(
    () => (window as unknown as { dataLayer: { event: string; kind: string }[] }).dataLayer,
  );
  expect(layer.map((e) => e.event)).toEqual([
    "osdi_ready",
    "osdi_error",
    "osdi_submit",
    "osdi_success",
  ]);
  expect(layer.every((e) => e.kind === "form")).toBe(true);
  // What the visitor typed never goes to the data layer.
  expect(JSON.stringify(layer)).not.toContain("ida@example.org");
  // Background processing: the sandbox records it a moment after answering.
  await expect.poll(async () => (await servers.records()).length).toBe(1);
});
