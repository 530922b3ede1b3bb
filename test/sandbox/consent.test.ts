// Email consent as Action Network's helpers treat it: an address new to the list is
// subscribed whatever the post says; one that unsubscribed comes back only when the
// post says "subscribed". The sandbox page shows each person's status.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { control, FORM, type Opened, openSandbox, PETITION, post } from "./support";

type Person = { email_addresses: { address: string; status: string }[] };

let opened: Opened;
beforeEach(async () => {
  opened = await openSandbox();
});
afterEach(() => opened.dispose());

const sign = (path: string, address: string, status?: string) =>
  post(opened.sandbox, path, {
    person: { email_addresses: [status ? { address, status } : { address }] },
  });
const statusOf = async (address: string) => {
  const people = await control<Person[]>(opened.sandbox, "people");
  const email = people.flatMap((p) => p.email_addresses).find((e) => e.address === address);
  return email?.status;
};
const unsubscribe = (email: string) =>
  fetch(`${opened.sandbox.url}/_sandbox/unsubscribe`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email }),
  });

describe("email status", () => {
  it.each([
    ["without a status", undefined],
    ['with status "subscribed"', "subscribed"],
  ])("subscribes an address new to the list %s", async (_name, status) => {
    await sign(PETITION, "new@example.org", status);
    expect(await statusOf("new@example.org")).toBe("subscribed");
  });

  it("re-subscribes an unsubscribed address only when the post says subscribed", async () => {
    await sign(PETITION, "ada@example.org");
    const response = await unsubscribe("ADA@example.org");
    expect(response.status).toBe(200);
    expect(await statusOf("ada@example.org")).toBe("unsubscribed");

    // Another action, no status: still unsubscribed, though the action is recorded.
    await sign(FORM, "ada@example.org");
    expect(await statusOf("ada@example.org")).toBe("unsubscribed");
    expect(await control<unknown[]>(opened.sandbox, "records")).toHaveLength(2);

    await sign(FORM, "ada@example.org", "subscribed");
    expect(await statusOf("ada@example.org")).toBe("subscribed");
  });

  it("refuses to unsubscribe an address nobody has, or a body without one", async () => {
    expect((await unsubscribe("nobody@example.org")).status).toBe(404);
    const bad = await fetch(`${opened.sandbox.url}/_sandbox/unsubscribe`, {
      method: "POST",
      body: "[]",
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${opened.sandbox.url}/_sandbox/unsubscribe`)).status).toBe(405);
  });

  it("shows each person's email status on the sandbox page", async () => {
    await sign(PETITION, "kept@example.org");
    await sign(PETITION, "gone@example.org");
    await unsubscribe("gone@example.org");
    const html = await (await fetch(`${opened.sandbox.url}/`)).text();
    const people = html.slice(html.indexOf("<h2>People (2)</h2>"), html.indexOf("<h2>Rejected"));
    expect(people).toMatch(/<td>gone@example\.org<\/td><td>unsubscribed<\/td>/);
    expect(people).toMatch(/<td>kept@example\.org<\/td><td>subscribed<\/td>/);
  });
});
