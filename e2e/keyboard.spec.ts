import type { Locator, Page } from "@playwright/test";
import { expect, field, test, widgetIn } from "./fixtures";

/** One stop of the Tab order: the control reached, then what the keyboard does there. */
interface Stop {
  /** Exact label of a field, or the name of a checkbox or button. */
  to: string;
  role?: "checkbox" | "button";
  type?: string;
  press?: "Space" | "Enter";
}

interface KeyboardCase {
  kind: string;
  page: string;
  host: string;
  stops: Stop[];
  person: Record<string, unknown>;
}

const cases: KeyboardCase[] = [
  {
    kind: "petition",
    page: "petition.html",
    host: "#petition",
    stops: [
      { to: "First name", type: "Ada" },
      { to: "Last name", type: "Lovelace" },
      { to: "Email", type: "ada@example.org" },
      { to: "ZIP / Postal code", type: "20009" },
      { to: "Comments", type: "Typed, not clicked." },
      { to: "Sign", role: "button", press: "Enter" },
    ],
    person: {
      given_name: "Ada",
      family_name: "Lovelace",
      email_addresses: [{ address: "ada@example.org" }],
      postal_addresses: [{ postal_code: "20009" }],
    },
  },
  {
    kind: "form",
    page: "volunteer.html",
    host: "#rapid-response",
    stops: [
      { to: "First name", type: "Ella" },
      { to: "Email", type: "ella@example.org" },
      { to: "Phone", type: "202 555 0101" },
      { to: "Send me email updates", role: "checkbox", press: "Space" },
      { to: "Send me text messages", role: "checkbox", press: "Space" },
      { to: "Submit", role: "button", press: "Space" },
    ],
    person: {
      given_name: "Ella",
      email_addresses: [{ address: "ella@example.org", status: "subscribed" }],
      phone_numbers: [{ number: "2025550101", status: "subscribed" }],
    },
  },
  {
    kind: "event",
    page: "town-hall.html",
    host: "#town-hall",
    stops: [
      { to: "First name", type: "Katherine" },
      { to: "Last name", type: "Johnson" },
      { to: "Email", type: "kj@example.org" },
      // Enter in a text field submits the form.
      { to: "ZIP / Postal code", type: "23666", press: "Enter" },
    ],
    person: {
      given_name: "Katherine",
      family_name: "Johnson",
      email_addresses: [{ address: "kj@example.org" }],
      postal_addresses: [{ postal_code: "23666" }],
    },
  },
];

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Tabs from wherever focus is until `target` has it (the page's own links come first). */
async function tabTo(page: Page, target: Locator, max = 8) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await isFocused(target)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

/** A focus indicator the reader can see: :focus-visible, and an outline drawn. */
async function expectFocusVisible(target: Locator) {
  await expect(target).toBeFocused();
  expect(await target.evaluate((el) => el.matches(":focus-visible"))).toBe(true);
  await expect
    .poll(() =>
      target.evaluate((el) => {
        const s = getComputedStyle(el);
        return s.outlineStyle !== "none" && Number.parseFloat(s.outlineWidth) >= 2;
      }),
    )
    .toBe(true);
}

for (const c of cases) {
  test(`${c.kind === "event" ? "an" : "a"} ${c.kind} completed with the keyboard only`, async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/${c.page}`);
    const widget = widgetIn(page, c.host);
    await expect(widget).toHaveAttribute("data-osdi-state", "idle");
    const locate = (s: Stop) =>
      s.role ? widget.getByRole(s.role, { name: s.to, exact: true }) : field(widget, s.to);

    await tabTo(page, locate(c.stops[0]));
    for (const [i, stop] of c.stops.entries()) {
      const target = locate(stop);
      // Each Tab goes to the next control in display order.
      if (i > 0) await page.keyboard.press("Tab");
      await expectFocusVisible(target);
      if (stop.type) {
        await page.keyboard.type(stop.type);
        await expect(target).toHaveValue(stop.type);
      }
      if (stop.press) await page.keyboard.press(stop.press);
      if (stop.role === "checkbox") await expect(target).toBeChecked();
    }

    const status = widget.getByRole("status");
    await expect(status).toContainText("Thank you");
    await expect(widget).toHaveAttribute("data-osdi-state", "success");
    // Focus follows the outcome, so a screen reader or keyboard user lands on it.
    await expect(status).toBeFocused();
    const records = await servers.records();
    expect(records).toHaveLength(1);
    expect(records[0].body.person).toEqual(c.person);
  });
}
