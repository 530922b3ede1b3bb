/**
 * Queued submissions go out on any page of the site that loads the script, once
 * per page: after the page has loaded and the browser is idle (no page view waits
 * for a storage read before its widgets show), and whenever it comes back online.
 */
import { flush } from "./deliver";
import { read } from "./store";

let started = false;

export function resume(): void {
  if (started) return;
  started = true;
  const go = () => {
    if (read().length) flush().catch(() => {});
  };
  const idle = () =>
    "requestIdleCallback" in window ? requestIdleCallback(go, { timeout: 2e3 }) : setTimeout(go);
  addEventListener("online", go);
  if (document.readyState === "complete") idle();
  else addEventListener("load", idle);
}
