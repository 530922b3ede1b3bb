// Action Network's public pages, as the sandbox answers them: HTML and never a CORS
// header, so a browser that posts there (the public URL pasted instead of the API
// URL) gets a network error, as it would from actionnetwork.org.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Opened, openSandbox, personBody, post, type SandboxRequest } from "./support";

let opened: Opened;
beforeEach(async () => {
  opened = await openSandbox();
});
afterEach(() => opened.dispose());

async function createPetition(title: string) {
  const response = await fetch(`${opened.sandbox.url}/api/v2/petitions`, {
    method: "POST",
    headers: { "OSDI-API-Token": opened.sandbox.apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({ title, description: "<p>Keep the park <b>green</b> &amp; open.</p>" }),
  });
  return (await response.json()) as { browser_url: string; _links: { self: { href: string } } };
}

function expectWebPage(response: Response) {
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(response.headers.get("access-control-allow-origin")).toBeNull();
  expect(response.headers.get("access-control-allow-methods")).toBeNull();
}

describe("public pages", () => {
  it("serves an action's browser_url as an HTML page with its title and total", async () => {
    const petition = await createPetition("Save the park");
    await post(
      opened.sandbox,
      `${new URL(petition._links.self.href).pathname}/signatures`,
      personBody(),
    );
    const response = await fetch(petition.browser_url, {
      headers: { Origin: "http://host.example" },
    });
    expect(response.status).toBe(200);
    expectWebPage(response);
    const html = await response.text();
    expect(html).toContain("<h1>Save the park</h1>");
    expect(html).toContain("Keep the park green &amp; open.");
    expect(html).toContain("1 signature<");
  });

  it.each([
    ["POST", "/petitions/save-the-park/signatures"],
    ["POST", "/petitions/save-the-park"],
    ["POST", "/forms/tell-your-story/submissions"],
    ["POST", "/events/town-hall/attendances"],
    ["POST", "/event_campaigns/day-of-action/events/1/attendances"],
    ["OPTIONS", "/petitions/save-the-park/signatures"],
    ["GET", "/petitions/no-such-petition"],
    ["GET", "/event_campaigns/day-of-action"],
  ])("answers %s %s with an HTML page and no CORS header", async (method, path) => {
    await createPetition("Save the park");
    const response = await fetch(opened.sandbox.url + path, {
      method,
      headers: {
        Origin: "http://host.example",
        ...(method === "POST" ? { "Content-Type": "application/json" } : {}),
        ...(method === "OPTIONS"
          ? {
              "Access-Control-Request-Method": "POST",
              "Access-Control-Request-Headers": "content-type",
            }
          : {}),
      },
      ...(method === "POST" ? { body: JSON.stringify(personBody()) } : {}),
    });
    expect(response.status).toBe(404);
    expectWebPage(response);
    expect(await response.text()).toMatch(/<h1>Page not found<\/h1>/);
    // Nothing was recorded or rejected: it never reached a helper.
    const records = await (await fetch(`${opened.sandbox.url}/_sandbox/records`)).json();
    const rejections = await (await fetch(`${opened.sandbox.url}/_sandbox/rejections`)).json();
    expect([records, rejections]).toEqual([[], []]);
  });

  it("tells a developer who posts to a public page where the helper is", async () => {
    const petition = await createPetition("Save the park");
    const response = await fetch(`${petition.browser_url}/signatures`, { method: "POST" });
    const html = await response.text();
    expect(html).toContain(`POST ${petition._links.self.href}/signatures`);
  });

  it("logs what reached a public page", async () => {
    await fetch(`${opened.sandbox.url}/petitions/save-the-park/signatures`, {
      method: "POST",
      headers: { Origin: "http://host.example" },
    });
    const log = (await (
      await fetch(`${opened.sandbox.url}/_sandbox/requests`)
    ).json()) as SandboxRequest[];
    expect(log).toMatchObject([
      {
        method: "POST",
        path: "/petitions/save-the-park/signatures",
        status: 404,
        origin: "http://host.example",
        outcome: "web-page",
      },
    ]);
  });
});
