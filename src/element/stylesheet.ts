import { filesBeside, loadStylesheet } from "../files/load";

/** Settles when osdi-embed.css has loaded, failed, or 3 s have passed. */
let styled: Promise<void> | undefined;
let done = false;

/** A link to osdi-embed.css (also osdi-embed.min.css, osdi-embed-0.2.0.css). */
const OURS = /\/osdi-embed[\w.-]*\.css(?:[?#]|$)/;

/** The page's own <link> to the stylesheet, if it has one. */
const linked = () =>
  Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')).find((l) =>
    OURS.test(l.href),
  );

/** Settles when a stylesheet the page linked itself has loaded or failed. */
function arrival(link: HTMLLinkElement): Promise<void> | undefined {
  // Loaded (a sheet), or failed (fetched, and still no sheet): nothing to wait for.
  if (link.sheet || performance.getEntriesByName(link.href).length) return;
  return new Promise((settle) => {
    link.addEventListener("load", () => settle(), { once: true });
    link.addEventListener("error", () => settle(), { once: true });
  });
}

/**
 * osdi-embed.css, once per page. Widgets wait for it, so nobody sees a form
 * unstyled and then restyled. The page's own <link> to it, found with the HTML
 * (the fastest way), is used as it is; else the script adds it from beside
 * itself. Returns what to wait for: nothing once it is there, or where there
 * are no files beside a script and no link (the ESM build: its users import
 * the stylesheet themselves).
 */
export function stylesheet(): Promise<void> | undefined {
  if (done) return;
  if (!styled) {
    const own = linked();
    const coming = own ? arrival(own) : filesBeside() && loadStylesheet("osdi-embed.css");
    if (!coming) {
      done = !!own;
      return;
    }
    styled = Promise.race([
      coming,
      // A stylesheet that never comes does not keep the form away: unstyled is usable.
      new Promise((later) => setTimeout(later, 3e3)),
    ]).then(() => {
      done = true;
    });
  }
  return styled;
}
