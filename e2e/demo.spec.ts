import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDemo } from "../scripts/start.mjs";
import { expect, test } from "./fixtures";

test("every address npm start prints opens a page, and the themed pages' index links to each theme", async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), "osdi-demo-"));
  const demo = await startDemo({ dataDir });
  try {
    expect(demo.links.map(([label]) => label)).toContain("Themed host pages");
    for (const [label, url] of demo.links) {
      const response = await page.goto(url);
      expect(response?.status(), `${label}: ${url}`).toBe(200);
      await expect(page.locator("h1").first(), `${label}: ${url}`).toBeVisible();
    }
    const themes = demo.links.find(([label]) => label === "Themed host pages")![1];
    await page.goto(themes);
    const hrefs = await page
      .locator("main a")
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const response = await page.request.get(href);
      expect(response.status(), href).toBe(200);
    }
    expect(hrefs.filter((h) => /themes\/\w+\.html$/.test(h))).toHaveLength(3);
  } finally {
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
