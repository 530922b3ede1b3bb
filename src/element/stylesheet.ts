import { filesBeside, loadStylesheet } from "../files/load";

/** Settles when osdi-embed.css has loaded, failed, or 3 s have passed. */
let styled: Promise<void> | undefined;
let done = false;

/**
 * osdi-embed.css, beside the script, once per page. Widgets wait for it, so
 * nobody sees a form unstyled and then restyled. Returns what to wait for:
 * nothing once it is there, or where there are no files beside a script (the
 * ESM build: its users import the stylesheet themselves).
 */
export function stylesheet(): Promise<void> | undefined {
  if (done || !filesBeside()) return;
  styled ??= Promise.race([
    loadStylesheet("osdi-embed.css"),
    // A stylesheet that never comes does not keep the form away: unstyled is usable.
    new Promise((later) => setTimeout(later, 3e3)),
  ]).then(() => {
    done = true;
  });
  return styled;
}
