/**
 * What the script does by itself: mounts the page's containers in slices, those
 * on screen first, and the containers that page builders and single-page apps
 * add later.
 */
import { resume } from "../outbox/resume";
import { containers, mount } from "./mount";
import { drain, FIRST_SLICE, later } from "./slices";

/** Queues the containers in root (itself included) to be mounted in a later task. */
function queue(root: ParentNode) {
  // One taken out of the page before its turn is left alone.
  for (const el of containers(root)) later(el, () => el.isConnected && mount(el));
}

/** Mounts every container in root like scan(), but in slices; the first slice at once. */
export function schedule(root: ParentNode = document): void {
  resume();
  queue(root);
  drain(FIRST_SLICE);
}

/**
 * Mounts containers added later, in the next task. (Not at once: the widgets' own
 * nodes come through here too, and a slice run from here would run inside the
 * task of the slice that added them.)
 */
export function observe(root: Node = document.documentElement): MutationObserver {
  const mo = new MutationObserver((records) => {
    for (const r of records)
      for (const n of Array.from(r.addedNodes)) if (n instanceof HTMLElement) queue(n);
  });
  mo.observe(root, { childList: true, subtree: true });
  return mo;
}
