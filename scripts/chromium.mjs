// @ts-check
/** Debian's Chromium, which Playwright drives (it cannot download its own here). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium";
