// @ts-check
// Playwright cannot download its own browser here, so the tests drive Debian's
// Chromium. Install it with apt when it is missing (root, or sudo without a password).
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

import { CHROMIUM } from "./chromium.mjs";

if (!existsSync(CHROMIUM)) {
  console.log(`Chromium not found at ${CHROMIUM}: installing Debian's chromium package with apt…`);
  const sudo = process.getuid?.() === 0 ? "" : "sudo -n ";
  try {
    execSync(
      `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
      {
        stdio: "inherit",
      },
    );
  } catch {
    console.error(
      "Could not install chromium. Install it yourself (apt-get install chromium) or set CHROMIUM_PATH.",
    );
    process.exit(1);
  }
}
