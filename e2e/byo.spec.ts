import { expect, test } from "./fixtures";

test.describe("bring your own form", () => {
  test("the author's form is enhanced, not replaced, and sends the contract's body", async ({
    page,
    servers,
    consoleErrors,
  }) => {
    await page.goto(`${servers.site}/byo-volunteer.html?source=flyer`);
    const form = page.locator("#volunteer");
    await expect(form).toHaveAttribute("data-osdi-state", "idle");
    await expect(form).toHaveClass(/\bosdi-embed osdi-embed--form\b/);
    // The author's own inputs, nothing rendered in their place.
    await expect(form.locator(".osdi-embed__field, .osdi-embed__input")).toHaveCount(0);
    await expect(form.getByRole("status")).toHaveCount(1);
    // The host's CSS styles its own button; osdi-embed added no rule of its own.
    await expect(form.getByRole("button", { name: "Count me in" })).toHaveCSS(
      "background-color",
      "rgb(46, 125, 50)",
    );

    await form.getByLabel("Your first name").fill("Grace");
    await form.getByLabel("Email *").fill("Grace@Example.org");
    await form.getByLabel("Preferred shift").selectOption("Evening");
    await form.getByLabel("Deliveries").check();
    await form.getByLabel("Kitchen").check();
    await form.getByLabel("Send me the co-op newsletter").check();
    await form.getByRole("button", { name: "Count me in" }).click();
    await expect(form).toHaveAttribute("data-osdi-state", "success");
    await expect(form.getByRole("status")).toHaveText("Thank you!");
    // Its rows are hidden (this host's `display: grid` on them beats [hidden]) and disabled.
    await expect(form.getByLabel("Email *")).toBeDisabled();
    await expect(form.locator("p.row").first()).toHaveAttribute("hidden", "");

    const records = await servers.records();
    expect(records).toHaveLength(1);
    expect(records[0].path).toBe("/api/v2/forms/0d5c2a6e-52c4-4b53-9d2e-7a1f3e9b8c41/submissions");
    expect(records[0].body).toEqual({
      person: {
        given_name: "Grace",
        email_addresses: [{ address: "grace@example.org", status: "subscribed" }],
        custom_fields: { shift: "Evening", teams: "Deliveries, Kitchen" },
      },
      add_tags: ["volunteer"],
      triggers: { autoresponse: { enabled: true } },
      "action_network:referrer_data": { source: "flyer", website: "localhost" },
    });
    expect(consoleErrors).toEqual([]);
  });

  test("invalid input is marked beside the author's field, focus goes there, nothing is sent", async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/byo-volunteer.html`);
    const form = page.locator("#volunteer");
    await expect(form).toHaveAttribute("data-osdi-state", "idle");
    await form.getByLabel("Email *").fill("grace@example");
    await form.getByRole("button", { name: "Count me in" }).click();
    await expect(form).toHaveAttribute("data-osdi-state", "error");
    const email = form.getByLabel("Email *");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toBeFocused();
    const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(/email address/);
    // The required checkbox group is marked too, its message after its fieldset.
    await expect(form.getByLabel("Deliveries")).toHaveAttribute("aria-invalid", "true");
    await expect(form.locator("fieldset + .osdi-embed__error")).toHaveText(/fill in/);
    expect((await servers.requests()).filter((r) => r.method === "POST")).toHaveLength(0);

    // Fixed: the marks go and the form sends.
    await email.fill("grace@example.org");
    await form.getByLabel("Deliveries").check();
    await form.getByRole("button", { name: "Count me in" }).click();
    await expect(form).toHaveAttribute("data-osdi-state", "success");
    await expect(form.locator(".osdi-embed__error")).toHaveCount(0);
    expect(await servers.records()).toHaveLength(1);
  });

  test("events bubble from the author's form", async ({ page, servers }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      for (const name of ["ready", "submit", "success"])
        document.addEventListener(`osdi:${name}`, (e) =>
          seen.push(`${name}:${(e as CustomEvent).detail.kind}`),
        );
    });
    await page.goto(`${servers.site}/byo-volunteer.html`);
    const form = page.locator("#volunteer");
    await form.getByLabel("Email *").fill("ada@example.org");
    await form.getByLabel("Deliveries").check();
    await form.getByRole("button", { name: "Count me in" }).click();
    await expect(form).toHaveAttribute("data-osdi-state", "success");
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([
      "ready:form",
      "submit:form",
      "success:form",
    ]);
  });

  test("a field the form has no input for sends nothing: not a URL's prefill, not an unseen consent box", async ({
    page,
    servers,
    consoleErrors,
  }) => {
    await page.goto(`${servers.site}/byo-unseen.html?family_name=Hopper&given_name=Grace`);
    const form = page.locator("#join");
    await expect(form).toHaveAttribute("data-osdi-state", "idle");
    await form.getByLabel("Email").fill("grace@example.org");
    await form.getByRole("button", { name: "Join" }).click();
    await expect(form).toHaveAttribute("data-osdi-state", "success");
    const records = await servers.records();
    expect(records).toHaveLength(1);
    // The name typed (here left empty) is what the visitor saw; the URL's family_name never
    // showed, and neither did a consent box, so no subscribed status either.
    expect(records[0].body.person).toEqual({
      email_addresses: [{ address: "grace@example.org" }],
    });
    expect(consoleErrors).toEqual([]);
  });

  test("unmounted, the author's form is as they wrote it: no marks, no ids, no classes left", async ({
    page,
    servers,
  }) => {
    await page.goto(`${servers.site}/byo-volunteer.html`);
    const form = page.locator("#volunteer");
    await expect(form).toHaveAttribute("data-osdi-state", "idle");
    const email = form.getByLabel("Email *");
    await email.fill("grace@example");
    await form.getByRole("button", { name: "Count me in" }).click();
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await page.evaluate(() =>
      window.OsdiEmbed!.unmount(document.getElementById("volunteer") as HTMLElement),
    );
    await expect(form).not.toHaveAttribute("data-osdi-state");
    await expect(form).toHaveAttribute("class", "coop-form");
    await expect(email).not.toHaveAttribute("aria-invalid");
    await expect(email).not.toHaveAttribute("aria-describedby");
    await expect(form.getByLabel("Deliveries")).not.toHaveAttribute("aria-invalid");
    await expect(form.locator(".osdi-embed__error, [role=status], [hidden] > input")).toHaveCount(
      0,
    );
  });
});
