/**
 * The snippet builder (demo/builder.html, dist/demo/builder.js): the organizer's
 * choices become attributes, checked by the widget's own parser; a valid set
 * shows the live widget and a snippet that mounts the same widget anywhere.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Locator, Page } from "@playwright/test";
import { expect, fillExact, test } from "./fixtures";

const PETITION = "/api/v2/petitions/df883b6a-3fe7-4525-982f-7a5909c1c665";
const FORM = "/api/v2/forms/48035cd1-e08f-404e-8cbc-ef4f6bc1350e";
const EVENT = "/api/v2/events/f60bd26d-bf1b-4141-8daa-0a59a6fec071";
const PLACEHOLDER_SRC = "https://YOUR-SITE/osdi-embed.js";
const PLACEHOLDER_CSS = "https://YOUR-SITE/osdi-embed.css";

const open = async (page: Page, site: string) => {
  await page.goto(`${site}/demo/builder.html`);
  // The pre-filled sandbox URL is valid: the builder starts with a widget.
  await expect(preview(page)).toBeVisible();
};
const preview = (page: Page) => page.locator("#b-preview > [data-osdi-action] > .osdi-embed");
const snippetOf = (page: Page) => page.locator("#b-snippet");
const problems = (page: Page) => page.locator("#b-problems");
const fieldBox = (page: Page, group: "fields" | "required", label: string) =>
  page
    .getByRole("group", { name: group === "fields" ? "Fields" : "Required fields", exact: true })
    .getByRole("checkbox", { name: new RegExp(`^${label}\\b`) });

/** A widget's markup with its page-wide counter taken out (osdi-3 here is osdi-1 there). */
const markup = (widget: Locator) =>
  widget.evaluate((el) => el.outerHTML.replace(/osdi-\d+/g, "osdi-N"));

/** The snippet pasted into a blank page, with the real script in place of the placeholder. */
async function pasteIntoBlankPage(browser: Browser, snippet: string, site: string) {
  expect(snippet).toContain(`<script src="${PLACEHOLDER_SRC}" defer></script>`);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.setContent(
    snippet
      .replace(PLACEHOLDER_SRC, `${site}/dist/osdi-embed.js`)
      .replace(PLACEHOLDER_CSS, `${site}/dist/osdi-embed.css`),
  );
  const widget = page.locator("[data-osdi-action] > .osdi-embed");
  await expect(widget).toBeVisible();
  return { page, widget, errors };
}

test("a valid URL shows the live widget, and its snippet mounts the same widget on a blank page", async ({
  page,
  browser,
  servers,
  consoleErrors,
}) => {
  await open(page, servers.site);
  const url = `${servers.helper}${PETITION}`;
  await page.getByLabel("Action API URL").fill(url);
  await expect(snippetOf(page)).toContainText(`data-osdi-action="${url}"`);
  await expect(problems(page)).toContainText("No problems");
  await expect(page.locator("#b-preview-note")).toContainText("local sandbox");

  const widget = preview(page);
  await expect(widget).toHaveClass(/osdi-embed--petition/);
  await expect(widget.getByRole("button", { name: "Sign" })).toBeVisible();
  const snippet = (await snippetOf(page).textContent()) ?? "";
  expect(snippet).toBe(
    [
      `<link rel="stylesheet" href="${PLACEHOLDER_CSS}">`,
      `<div data-osdi-action="${url}"`,
      `     data-osdi-fields="given_name family_name email postal_code">`,
      `  <a href="https://actionnetwork.org/petitions/YOUR-ACTION">Sign the petition</a>`,
      "</div>",
      `<script src="${PLACEHOLDER_SRC}" defer></script>`,
    ].join("\n"),
  );

  const blank = await pasteIntoBlankPage(browser, snippet, servers.site);
  expect(await markup(blank.widget)).toBe(await markup(widget));
  expect(blank.errors).toEqual([]);
  await blank.page.close();

  // The preview is the real widget: it posts to the URL given, here the sandbox.
  await fillExact(widget, { "First name": "Ada", Email: "ada@example.org" });
  await widget.getByRole("button", { name: "Sign" }).click();
  await expect(widget.getByRole("status")).toContainText("Thank you");
  const records = await servers.records();
  expect(records.map((r) => r.path)).toEqual([`${PETITION}/signatures`]);
  expect(consoleErrors).toEqual([]);
});

test("with the form's HTML, the snippet holds the form, and pasted in a page the script brings that very form to life", async ({
  page,
  browser,
  servers,
}) => {
  await open(page, servers.site);
  const url = `${servers.helper}${PETITION}`;
  await page.getByLabel("Action API URL").fill(url);
  await page
    .getByLabel("Public page of the action (optional)")
    .fill("https://actionnetwork.org/petitions/save-the-park");
  // Typing waits for a pause before the snippet and the preview change: let them settle.
  await expect(snippetOf(page)).toContainText("petitions/save-the-park");
  await expect(preview(page)).toBeVisible();
  await page.getByLabel("Include the form's HTML (fastest, nothing moves)").check();
  await expect(snippetOf(page)).toContainText("data-osdi-rendered=");
  const snippet = (await snippetOf(page).textContent()) ?? "";
  expect(snippet).toContain(
    '<form action="https://actionnetwork.org/petitions/save-the-park" method="get"',
  );
  expect(snippet).not.toContain("Sign the petition</a>");

  // In a blank page: the form is there with the page, with its label.
  const blank = await browser.newPage();
  const warnings: string[] = [];
  blank.on("console", (m) => {
    if (m.type() === "warning" || m.type() === "error") warnings.push(m.text());
  });
  await blank.setContent(
    snippet
      .replace(PLACEHOLDER_SRC, `${servers.site}/dist/osdi-embed.js`)
      .replace(PLACEHOLDER_CSS, `${servers.site}/dist/osdi-embed.css`)
      .replace(" defer></script>", ' defer id="late"></script>')
      .replace("<script src", "<script data-held src"),
    { waitUntil: "commit" },
  );
  const email = blank.getByLabel(/Email/);
  await expect(email).toBeVisible();
  const before = await email.evaluateHandle((el) => el);
  await expect(blank.locator("[data-osdi-action]")).toHaveAttribute("data-osdi-mounted", "");
  await blank.waitForFunction(() =>
    document.querySelector("[data-osdi-action] input")?.hasAttribute("name"),
  );
  // The very input of the snippet, now the widget's, and no warning that it was redrawn.
  expect(await email.evaluate((el, old) => el === old, before)).toBe(true);
  expect(warnings).toEqual([]);
  await blank.close();
});

test("a bad URL shows the https error naming data-osdi-action, tied to the URL field", async ({
  page,
  servers,
}) => {
  await open(page, servers.site);
  const input = page.getByLabel("Action API URL");
  await input.fill("http://example.org/api/v2/petitions/7580a324");
  const list = problems(page).getByRole("listitem");
  await expect(list).toHaveCount(1);
  await expect(list).toContainText(
    'data-osdi-action="http://example.org/api/v2/petitions/7580a324" is not valid: use an https:// URL',
  );
  await expect(input).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
  expect(describedBy.split(" ")).toEqual(["b-action-hint", "b-problem-0"]);
  await expect(page.locator("#b-problem-0")).toContainText("data-osdi-action");
  // Either the problems or the widget and snippet: not both.
  await expect(page.locator("#b-result")).toBeHidden();

  // The problem's link leads to the control.
  await list.getByRole("link").click();
  await expect(input).toBeFocused();

  await input.fill(`${servers.helper}${PETITION}`);
  await expect(problems(page)).toContainText("No problems");
  await expect(input).not.toHaveAttribute("aria-invalid", "true");
  expect(await input.getAttribute("aria-describedby")).toBe("b-action-hint");
  await expect(preview(page)).toBeVisible();
});

test("the action's public page is refused with the widget's own message, and the consent choice says why", async ({
  page,
  servers,
  consoleMessages,
}) => {
  await open(page, servers.site);
  const input = page.getByLabel("Action API URL");
  const url = "https://actionnetwork.org/petitions/save-the-park";
  await input.fill(url);
  const list = problems(page).getByRole("listitem");
  await expect(list).toHaveCount(1);
  await expect(list).toContainText(
    `data-osdi-action="${url}" is not valid: this is the action's public page`,
  );
  await expect(list).toContainText("sidebar of the action's manage page");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#b-result")).toBeHidden();
  // The same words as the widget prints on a page.
  await page.goto(`${servers.site}/pasted.html`);
  await expect
    .poll(() => consoleMessages.find((m) => m.text.includes(`"${url}"`))?.text ?? "")
    .toContain("this is the action's public page");
  const printed = consoleMessages.find((m) => m.text.includes(`"${url}"`))!.text;
  await open(page, servers.site);
  await page.getByLabel("Action API URL").fill(url);
  const shown = (await problems(page).getByRole("listitem").textContent()) ?? "";
  const help = /is not valid: (.*)$/.exec(shown.trim())?.[1];
  expect(help).toContain("public page");
  expect(printed).toContain(`is not valid: ${help} The fallback stays.`);
  // The consent choice's hint says what Action Network does with an unticked box.
  await expect(page.getByRole("group", { name: "Email opt-in" })).toHaveAccessibleDescription(
    /whether or not a box is ticked/,
  );
});

test("every problem is listed, each tied to the boxes it is about", async ({ page, servers }) => {
  await open(page, servers.site);
  await page.getByLabel("Action API URL").fill(`${servers.helper}${FORM}`);
  await fieldBox(page, "fields", "Comments").check();
  await fieldBox(page, "fields", "Email").uncheck();
  await page.getByRole("radio", { name: "A box, ticked" }).check();
  const list = problems(page).getByRole("listitem");
  // The parser stops at the first error of an attribute: comments on a form.
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText("data-osdi-fields");
  await expect(list.first()).toContainText("comments are for petitions only");
  await expect(fieldBox(page, "fields", "Comments")).toHaveAttribute("aria-invalid", "true");
  await expect(fieldBox(page, "fields", "Email")).not.toHaveAttribute("aria-invalid", "true");

  // Then the next one: neither email nor phone, on the two boxes that can fix it.
  await fieldBox(page, "fields", "Comments").uncheck();
  await expect(list).toHaveCount(1);
  await expect(list).toContainText("show email or phone");
  await expect(fieldBox(page, "fields", "Email")).toHaveAttribute("aria-invalid", "true");
  await expect(fieldBox(page, "fields", "Phone")).toHaveAttribute("aria-invalid", "true");
  await expect(fieldBox(page, "fields", "Comments")).not.toHaveAttribute("aria-invalid", "true");
  const describedBy =
    (await fieldBox(page, "fields", "Email").getAttribute("aria-describedby")) ?? "";
  expect(describedBy).toBe("b-problem-0");

  await fieldBox(page, "fields", "Phone").check();
  await expect(list).toHaveCount(1);
  await expect(list).toContainText('data-osdi-email-opt-in="checked" is not valid: add email');
  const group = page.getByRole("group", { name: "Email opt-in" });
  await expect(group).toHaveAttribute("aria-invalid", "true");
  await expect(group.getByRole("radio", { name: "A box, ticked" })).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  // Independent problems are listed together, each tied to its own control.
  await page.getByLabel("Kind").selectOption("event");
  await expect(list).toHaveCount(2);
  await expect(list.nth(0)).toContainText(
    'data-osdi-kind="event" is not valid: the action URL is a form',
  );
  await expect(list.nth(1)).toContainText("data-osdi-email-opt-in");
  await expect(page.getByLabel("Kind")).toHaveAttribute(
    "aria-describedby",
    "b-kind-hint b-problem-0",
  );
  await expect(group).toHaveAttribute("aria-describedby", "b-email-hint b-problem-1");
});

test("fields, required fields, tags, consent, language and texts update the snippet", async ({
  page,
  browser,
  servers,
}) => {
  await open(page, servers.site);
  const url = `${servers.helper}${PETITION}`;
  await page.getByLabel("Action API URL").fill(url);
  const code = snippetOf(page);

  // Required boxes exist only for the fields shown.
  await expect(fieldBox(page, "required", "Phone")).toBeHidden();
  await fieldBox(page, "fields", "Phone").check();
  await fieldBox(page, "fields", "Last name").uncheck();
  await expect(code).toContainText('data-osdi-fields="given_name email phone postal_code"');
  await expect(code).not.toContainText("data-osdi-required");
  await expect(fieldBox(page, "required", "Phone")).toBeVisible();
  await expect(fieldBox(page, "required", "Last name")).toBeHidden();
  await fieldBox(page, "required", "Phone").check();
  await fieldBox(page, "required", "First name").check();
  await expect(code).toContainText('data-osdi-required="given_name email phone"');

  await page.getByLabel("Tags").fill(" climate,  volunteer , ");
  await expect(code).toContainText('data-osdi-tags="climate, volunteer"');
  await page
    .getByRole("group", { name: "Email opt-in" })
    .getByRole("radio", { name: "A box, not ticked" })
    .check();
  await page
    .getByRole("group", { name: "SMS opt-in" })
    .getByRole("radio", { name: "A box, not ticked" })
    .check();
  await page.getByLabel("Language").selectOption("es");
  await page.getByLabel("Title", { exact: true }).fill('Rent "caps" & <fair> leases');
  await page.getByLabel("Submit button text").fill("Firmar ya");
  await page.getByRole("radio", { name: /^Yes: it answers at once/ }).check();
  await page.getByRole("radio", { name: "Do not send it" }).check();
  await page.getByRole("radio", { name: /^None: only your site/ }).check();

  await expect(code).toHaveText(
    [
      `<div data-osdi-action="${url}"`,
      '     data-osdi-title="Rent &quot;caps&quot; &amp; &lt;fair&gt; leases"',
      '     data-osdi-fields="given_name email phone postal_code"',
      '     data-osdi-required="given_name email phone"',
      '     data-osdi-tags="climate, volunteer"',
      '     data-osdi-email-opt-in="unchecked"',
      '     data-osdi-sms-opt-in="unchecked"',
      '     data-osdi-lang="es"',
      '     data-osdi-text-submit="Firmar ya"',
      '     data-osdi-autoresponse="false"',
      '     data-osdi-background="true"',
      '     data-osdi-styles="none">',
      '  <a href="https://actionnetwork.org/petitions/YOUR-ACTION">Sign the petition</a>',
      "</div>",
      `<script src="${PLACEHOLDER_SRC}" defer></script>`,
    ].join("\n"),
  );
  const widget = preview(page);
  await expect(widget).toHaveAttribute("lang", "es");
  await expect(widget.getByRole("heading")).toHaveText('Rent "caps" & <fair> leases');
  await expect(widget.getByRole("button", { name: "Firmar ya" })).toBeVisible();

  // Unticking a field takes it out of the required ones too.
  await fieldBox(page, "fields", "Phone").uncheck();
  await page
    .getByRole("group", { name: "SMS opt-in" })
    .getByRole("radio", { name: "No box" })
    .check();
  await expect(code).toContainText('data-osdi-required="given_name email"');

  const blank = await pasteIntoBlankPage(browser, (await code.textContent()) ?? "", servers.site);
  expect(await markup(blank.widget)).toBe(await markup(widget));
  expect(blank.errors).toEqual([]);
  await blank.page.close();
});

test("an event: start, end and location appear for events and are checked", async ({
  page,
  browser,
  servers,
}) => {
  await open(page, servers.site);
  const event = page.getByRole("group", { name: "Event" });
  await expect(event).toBeHidden();
  await page.getByLabel("Action API URL").fill(`${servers.helper}${EVENT}`);
  await expect(event).toBeVisible();
  await page.getByLabel("Start", { exact: true }).fill("2026-12-10T18:30:00-06:00");
  await page.getByLabel("End", { exact: true }).fill("2026-12-10T17:00:00-06:00");
  await page.getByLabel("Location").fill("Millbrook Public Library");
  const list = problems(page).getByRole("listitem");
  await expect(list).toHaveCount(1);
  await expect(list).toContainText("data-osdi-end");
  await expect(page.getByLabel("End", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("End", { exact: true }).fill("2026-12-10T20:00:00-06:00");
  const code = snippetOf(page);
  await expect(code).toContainText('data-osdi-start="2026-12-10T18:30:00-06:00"');
  await expect(code).toContainText('data-osdi-end="2026-12-10T20:00:00-06:00"');
  await expect(code).toContainText('data-osdi-location="Millbrook Public Library"');
  await expect(code).toContainText(">RSVP for the event</a>");
  const widget = preview(page);
  await expect(widget).toHaveClass(/osdi-embed--event/);
  await expect(widget).toContainText("Millbrook Public Library");

  const blank = await pasteIntoBlankPage(browser, (await code.textContent()) ?? "", servers.site);
  await expect(blank.widget).toContainText("Millbrook Public Library");
  expect(await markup(blank.widget)).toBe(await markup(widget));
  await blank.page.close();

  // A kind that disagrees with the URL is the parser's error, on the kind menu.
  await page.getByLabel("Kind").selectOption("petition");
  await expect(list).toHaveCount(1);
  await expect(list).toContainText(
    'data-osdi-kind="petition" is not valid: the action URL is a event',
  );
  await expect(page.getByLabel("Kind")).toHaveAttribute("aria-invalid", "true");
});

test("your site's classes: a design system's, or your own, on the preview and in the snippet; a selector is refused", async ({
  page,
  browser,
  servers,
}) => {
  await open(page, servers.site);
  const url = `${servers.helper}${PETITION}`;
  await page.getByLabel("Action API URL").fill(url);
  const code = snippetOf(page);
  await expect(code).not.toContainText("data-osdi-class-");
  const classes = page.getByRole("group", { name: "Your site's classes" });
  await classes.getByRole("button", { name: "Bootstrap 5" }).click();
  await expect(page.locator("#b-class-note")).toContainText("Bootstrap 5's classes are filled in");
  await expect(page.locator("#b-class-input")).toHaveValue("form-control");
  await expect(code).toHaveText(
    [
      `<link rel="stylesheet" href="${PLACEHOLDER_CSS}">`,
      `<div data-osdi-action="${url}"`,
      '     data-osdi-fields="given_name family_name email postal_code"',
      '     data-osdi-class-field="mb-3"',
      '     data-osdi-class-label="form-label"',
      '     data-osdi-class-input="form-control"',
      '     data-osdi-class-check="form-check-input"',
      '     data-osdi-class-button="btn btn-primary"',
      '     data-osdi-class-error="invalid-feedback d-block"',
      '     data-osdi-class-hint="form-text">',
      '  <a href="https://actionnetwork.org/petitions/YOUR-ACTION">Sign the petition</a>',
      "</div>",
      `<script src="${PLACEHOLDER_SRC}" defer></script>`,
    ].join("\n"),
  );
  const widget = preview(page);
  await expect(widget.getByRole("button", { name: "Sign" })).toHaveClass(
    "osdi-embed__button btn btn-primary",
  );
  await expect(widget.getByLabel("Email")).toHaveClass("osdi-embed__input form-control");

  // A selector pasted in is the parser's error, on the part's field.
  const button = page.getByLabel("Button button");
  await button.fill(".btn .btn-success");
  const list = problems(page).getByRole("listitem");
  await expect(list).toHaveCount(1);
  await expect(list).toContainText(
    'data-osdi-class-button=".btn .btn-success" is not valid: write class names without the dot',
  );
  await expect(button).toHaveAttribute("aria-invalid", "true");
  await list.getByRole("link").click();
  await expect(button).toBeFocused();

  // Your own: spaces tidied; the other parts keep the preset's.
  await button.fill("  btn   btn-success ");
  await expect(problems(page)).toContainText("No problems");
  await expect(code).toContainText('data-osdi-class-button="btn btn-success"');
  await expect(code).toContainText('data-osdi-class-input="form-control"');
  await expect(widget.getByRole("button", { name: "Sign" })).toHaveClass(
    "osdi-embed__button btn btn-success",
  );
  const blank = await pasteIntoBlankPage(browser, (await code.textContent()) ?? "", servers.site);
  expect(await markup(blank.widget)).toBe(await markup(widget));
  expect(blank.errors).toEqual([]);
  await blank.page.close();

  await classes.getByRole("button", { name: "WordPress block theme" }).click();
  await expect(code).toContainText('data-osdi-class-button="wp-element-button"');
  await expect(code).not.toContainText("data-osdi-class-input");
  await classes.getByRole("button", { name: "Pico" }).click();
  await expect(page.locator("#b-class-note")).toContainText("no classes needed");
  await expect(code).not.toContainText("data-osdi-class-");
  await classes.getByRole("button", { name: "None" }).click();
  await expect(code).not.toContainText("data-osdi-class-");
  await expect(widget.getByRole("button", { name: "Sign" })).toHaveClass("osdi-embed__button");
});

test("the copy button copies the snippet", async ({ page, context, servers }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: servers.site,
  });
  await open(page, servers.site);
  await page.getByLabel("Tags").fill("copied");
  await expect(snippetOf(page)).toContainText('data-osdi-tags="copied"');
  await page.getByRole("button", { name: "Copy snippet" }).click();
  await expect(page.locator("#b-copy-status")).toHaveText(/^Copied/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await snippetOf(page).textContent());
  expect(copied).toContain('data-osdi-tags="copied"');
  // A change clears the "Copied" note: what is on the clipboard is no longer current.
  await page.getByLabel("Tags").fill("changed");
  await expect(page.locator("#b-copy-status")).toHaveText("");
});

test("/builder/ leads to the builder; it is usable by keyboard and passes axe", async ({
  page,
  servers,
}) => {
  // Two axe runs over a long form: slow on a busy machine.
  test.slow();
  await page.goto(`${servers.site}/demo/builder/`);
  await expect(page).toHaveURL(`${servers.site}/demo/builder.html`);
  await expect(preview(page)).toBeVisible();

  // Keyboard only: from the URL field, Tab reaches the kind menu, then the fallback link.
  await page.getByLabel("Action API URL").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Kind")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(fieldBox(page, "fields", "First name")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(snippetOf(page)).toContainText('data-osdi-fields="family_name email postal_code"');

  const clean = await new AxeBuilder({ page }).analyze();
  expect(clean.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual(
    [],
  );
  await page.getByLabel("Action API URL").fill("ftp://example.org/x");
  await expect(problems(page).getByRole("listitem")).toHaveCount(1);
  const broken = await new AxeBuilder({ page }).analyze();
  expect(
    broken.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
  ).toEqual([]);
});
