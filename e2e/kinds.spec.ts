import { expect, fillExact, test, widgetIn } from "./fixtures";

/**
 * One row per kind of action (and per way of naming it): what a visitor types on
 * the host page, and exactly what the sandbox must receive and send back.
 */
interface KindCase {
  name: string;
  page: string;
  host: string;
  kind: "petition" | "form" | "event";
  button: string;
  values: Record<string, string>;
  /** Where the sandbox recorded the post. */
  path: string;
  body: Record<string, unknown>;
  /** Subject of the autoresponse, or null when none may be sent. */
  autoresponse: string | null;
}

const website = { "action_network:referrer_data": { website: "localhost" } };
const autoresponseOn = { triggers: { autoresponse: { enabled: true } } };

const cases: KindCase[] = [
  {
    name: "a petition posts to /signatures",
    page: "petition.html",
    host: "#petition",
    kind: "petition",
    button: "Sign",
    values: {
      "First name": "Ada",
      "Last name": "Lovelace",
      Email: "ada@example.org",
      "ZIP / Postal code": "20009",
      Comments: "Please stop.",
    },
    path: "/api/v2/petitions/7580a324-9a72-11e3-a2e9-12313d316c29/signatures",
    body: {
      person: {
        given_name: "Ada",
        family_name: "Lovelace",
        email_addresses: [{ address: "ada@example.org" }],
        postal_addresses: [{ postal_code: "20009" }],
      },
      comments: "Please stop.",
      add_tags: ["climate", "volunteer"],
      ...autoresponseOn,
      ...website,
    },
    autoresponse: "Thanks for signing",
  },
  {
    name: "a form posts to /submissions",
    page: "intake.html",
    host: "#intake",
    kind: "form",
    button: "Submit",
    values: {
      "First name": "Grace",
      "Last name": "Hopper",
      Email: "grace@example.org",
      Phone: "(202) 555-0123",
    },
    path: "/api/v2/forms/65345d7d-cd24-466a-a698-4a7686ef684f/submissions",
    body: {
      person: {
        given_name: "Grace",
        family_name: "Hopper",
        email_addresses: [{ address: "grace@example.org" }],
        phone_numbers: [{ number: "2025550123" }],
      },
      add_tags: ["intake"],
      ...autoresponseOn,
      ...website,
    },
    autoresponse: "Thanks for your submission",
  },
  {
    name: "an event posts to /attendances",
    page: "town-hall.html",
    host: "#town-hall",
    kind: "event",
    button: "RSVP",
    values: { "First name": "Katherine", Email: "kj@example.org", "ZIP / Postal code": "23666" },
    path: "/api/v2/events/8a625981-67a4-4457-8b55-2e30b267b2c2/attendances",
    body: {
      person: {
        given_name: "Katherine",
        email_addresses: [{ address: "kj@example.org" }],
        postal_addresses: [{ postal_code: "23666" }],
      },
      add_tags: ["town hall"],
      ...autoresponseOn,
      ...website,
    },
    autoresponse: "You're registered",
  },
  {
    name: "an event of an event campaign posts to its /attendances",
    page: "canvass.html",
    host: "#canvass",
    kind: "event",
    button: "RSVP",
    values: { "First name": "Dorothy", Email: "dorothy@example.org" },
    path: "/api/v2/event_campaigns/bda5de65-c6c7-4fd8-b7d5-01b175306ca4/events/9ec326f2-d19f-45d0-8773-7cb4c9c0165b/attendances",
    body: {
      person: { given_name: "Dorothy", email_addresses: [{ address: "dorothy@example.org" }] },
      add_tags: ["canvass", "weekend of action"],
      ...autoresponseOn,
      ...website,
    },
    autoresponse: "You're registered",
  },
  {
    name: "a helper URL given directly (ending in /signatures) posts there",
    page: "sign-helper.html",
    host: "#library-petition",
    kind: "petition",
    button: "Sign",
    values: { "First name": "Mary", Email: "mary@example.org" },
    path: "/api/v2/petitions/7a8d0e32-ccd9-4a52-9df5-feb8e24e26e1/signatures",
    body: {
      person: { given_name: "Mary", email_addresses: [{ address: "mary@example.org" }] },
      ...autoresponseOn,
      ...website,
    },
    autoresponse: "Thanks for signing",
  },
  {
    name: 'a form with data-osdi-autoresponse="false" sends no autoresponse',
    page: "quiet-volunteer.html",
    host: "#volunteer",
    kind: "form",
    button: "Submit",
    values: { "First name": "Annie", "Last name": "Easley", Email: "annie@example.org" },
    path: "/api/v2/forms/d5132473-155d-4f7a-97bb-bc5d4d9606c5/submissions",
    body: {
      person: {
        given_name: "Annie",
        family_name: "Easley",
        email_addresses: [{ address: "annie@example.org" }],
      },
      triggers: { autoresponse: { enabled: false } },
      ...website,
    },
    autoresponse: null,
  },
];

for (const c of cases) {
  test(c.name, async ({ page, servers, consoleErrors }) => {
    await page.goto(`${servers.site}/${c.page}`);
    const widget = widgetIn(page, c.host);
    await expect(widget).toHaveAttribute("data-osdi-state", "idle");
    await expect(widget).toHaveClass(new RegExp(`(^|\\s)osdi-embed--${c.kind}(\\s|$)`));
    const button = widget.getByRole("button");
    await expect(button).toHaveText(c.button);

    await fillExact(widget, c.values);
    await button.click();

    await expect(widget.getByRole("status")).toContainText("Thank you");
    await expect(widget).toHaveAttribute("data-osdi-state", "success");
    const records = await servers.records();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: c.kind, path: c.path });
    expect(records[0].body).toEqual(c.body);
    expect(await servers.rejections()).toEqual([]);

    const outbox = await servers.outbox();
    if (c.autoresponse === null) expect(outbox).toEqual([]);
    else {
      const email = (c.body.person as { email_addresses: { address: string }[] }).email_addresses[0]
        .address;
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({ to: email, subject: c.autoresponse });
    }
    expect(consoleErrors).toEqual([]);
  });
}
