import { expect, fill, test } from "./fixtures";

test("a petition signed on the page lands in the sandbox exactly as the contract says", async ({
  page,
  servers,
  consoleErrors,
}) => {
  await page.goto(`${servers.site}/petition.html?source=newsletter`);
  const widget = page.locator("#petition .osdi-embed");
  await expect(widget).toHaveAttribute("data-osdi-state", "idle");
  await fill(widget, {
    "First name": "Ada",
    "Last name": "Lovelace",
    Email: "Ada@Example.org",
    "ZIP / Postal code": "20009",
    Comments: "Please stop.",
  });
  await widget.getByRole("button", { name: "Sign" }).click();
  await expect(widget.getByRole("status")).toContainText("Thank you");
  const records = await servers.records();
  expect(records).toHaveLength(1);
  expect(records[0].body).toEqual({
    person: {
      given_name: "Ada",
      family_name: "Lovelace",
      email_addresses: [{ address: "ada@example.org" }],
      postal_addresses: [{ postal_code: "20009" }],
    },
    comments: "Please stop.",
    add_tags: ["climate", "volunteer"],
    triggers: { autoresponse: { enabled: true } },
    "action_network:referrer_data": { source: "newsletter", website: "localhost" },
  });
  expect(await servers.outbox()).toHaveLength(1);
  expect(consoleErrors).toEqual([]);
});
