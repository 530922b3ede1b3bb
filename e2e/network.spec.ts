import { expect, fillExact, posts, type Servers, test, widgetIn } from "./fixtures";

const COLLECTION = "/api/v2/forms/65345d7d-cd24-466a-a698-4a7686ef684f/submissions";
const CREDENTIAL_HEADER = /^(cookie|authorization|osdi-api-token|proxy-authorization|x-api-key)$/i;

test("a POST of JSON from the page's origin, after a CORS preflight, with no cookies and no credential header", async ({
  page,
  context,
  servers,
}) => {
  // The visitor has cookies for the helper's host: none of them may travel.
  await context.addCookies([{ name: "an_session", value: "visitor-session", url: servers.helper }]);
  await page.goto(`${servers.site}/intake.html`);
  const widget = widgetIn(page, "#intake");
  await fillExact(widget, { "First name": "Grace", Email: "grace@example.org" });
  const sent = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith(COLLECTION));
  await widget.getByRole("button").click();
  const request = await sent;
  await expect(widget).toHaveAttribute("data-osdi-state", "success");

  // As the browser sent it.
  expect(request.url()).toBe(`${servers.helper}${COLLECTION}`);
  const headers = await request.allHeaders();
  expect(headers["content-type"]).toMatch(/^application\/json\b/);
  expect(Object.keys(headers).filter((h) => CREDENTIAL_HEADER.test(h))).toEqual([]);

  // As the sandbox saw it: a preflight (the page's origin is not the helper's), then the POST.
  await expect
    .poll(async () => (await servers.requests()).map((r) => `${r.method} ${r.path}`))
    .toEqual([`OPTIONS ${COLLECTION}`, `POST ${COLLECTION}`]);
  const [preflight, post] = await servers.requests();
  expect(new URL(servers.site).origin).not.toBe(new URL(servers.helper).origin);
  expect(preflight).toMatchObject({ origin: servers.site, outcome: "preflight" });
  expect(post).toMatchObject({
    method: "POST",
    origin: servers.site,
    credentials: false,
    credentialHeaders: [],
    status: 200,
    outcome: "accepted",
  });
  expect(String(post.contentType)).toMatch(/^application\/json\b/);
  expect(await servers.rejections()).toEqual([]);
  expect(await servers.records()).toHaveLength(1);
});

const faults: { name: string; fault: Parameters<Servers["fault"]>[0]; firstStatus: number }[] = [
  { name: "a 500 once", fault: { count: 1, status: 500 }, firstStatus: 500 },
  { name: "a dropped connection once", fault: { count: 1, drop: true }, firstStatus: 0 },
  { name: "a 429 once", fault: { count: 1, status: 429, retryAfter: 1 }, firstStatus: 429 },
];

for (const f of faults) {
  test(`${f.name}, then success: exactly one record and one autoresponse`, async ({
    page,
    servers,
  }) => {
    await servers.fault(f.fault);
    await page.goto(`${servers.site}/intake.html`);
    const widget = widgetIn(page, "#intake");
    await fillExact(widget, { "First name": "Grace", Email: "grace@example.org" });
    await widget.getByRole("button").click();
    await expect(widget.getByRole("status")).toContainText("Thank you", { timeout: 10_000 });
    await expect(widget).toHaveAttribute("data-osdi-state", "success");

    await expect
      .poll(async () => (await posts(servers)).map((r) => r.status))
      .toEqual([f.firstStatus, 200]);
    const records = await servers.records();
    expect(records).toHaveLength(1);
    expect(records[0].path).toBe(COLLECTION);
    expect(records[0].updates).toBe(0);
    expect(await servers.outbox()).toHaveLength(1);
  });
}
