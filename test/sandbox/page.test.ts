import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { escapeHtml } from "../../sandbox/page.mjs";
import { FORM, type Opened, openSandbox, PETITION, personBody, post } from "./support";

let opened: Opened;
beforeEach(async () => {
  opened = await openSandbox();
});
afterEach(async () => {
  await opened.dispose();
});

async function page() {
  const response = await fetch(`${opened.sandbox.url}/`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  return response.text();
}

describe("sandbox page", () => {
  it("refreshes itself and shows the key with a curl example", async () => {
    const html = await page();
    expect(html).toContain('<meta http-equiv="refresh" content="3">');
    expect(html).toContain(opened.sandbox.apiKey);
    expect(html).toContain(`curl -H &#39;OSDI-API-Token: ${opened.sandbox.apiKey}&#39;`);
    expect(html).toContain(`${opened.sandbox.url}/api/v2/petitions/`);
    expect(html).not.toMatch(/<(script|link|img)\b/i);
  });

  it("lists records, rejections, the outbox and requests", async () => {
    await post(opened.sandbox, `${PETITION}?background_request=true`, {
      person: {
        given_name: "Grace",
        family_name: "Hopper",
        email_addresses: [{ address: "grace@example.org" }],
      },
      add_tags: ["navy"],
      triggers: { autoresponse: { enabled: true } },
      "action_network:referrer_data": { source: "newsletter_may" },
    });
    await post(opened.sandbox, FORM, { ...personBody(), comments: "not here" });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const html = await page();
    expect(html).toContain("Grace Hopper");
    expect(html).toContain("grace@example.org");
    expect(html).toContain("navy");
    expect(html).toContain("newsletter_may");
    expect(html).toContain("comments are for petitions only");
    expect(html).toContain("Thanks for signing");
    expect(html).toContain("http://host.example");
    expect(html).toMatch(/Accepted \(1\)/);
    expect(html).toMatch(/Rejected \(1\)/);
  });

  it("escapes whatever a post carries", async () => {
    await post(opened.sandbox, PETITION, {
      person: {
        given_name: "<script>alert(1)</script>",
        email_addresses: [{ address: "x@example.org" }],
      },
      add_tags: ['"><img src=x onerror=alert(1)>'],
    });
    const html = await page();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("is not itself logged as a request", async () => {
    await page();
    const log = (await (
      await fetch(`${opened.sandbox.url}/_sandbox/requests`)
    ).json()) as unknown[];
    expect(log).toEqual([]);
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML specials", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
    expect(escapeHtml(null)).toBe("");
  });
});
