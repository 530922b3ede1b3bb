/**
 * Work that waits its turn: each task does at most SLICE ms of it, then gives the
 * browser the thread back (to paint, to scroll, to answer a click), so a page of
 * a hundred widgets has no long task of ours. Containers on or near the screen
 * go first, as soon as the browser has said which they are.
 */
const SLICE = 8;
const jobs: [Element, () => void][] = [];
const near = new WeakSet<Element>();
let seen: IntersectionObserver | undefined;
let pending = false;

/**
 * Another task for the queue, unless one is already on its way. A message, not
 * setTimeout: no 4 ms clamp after a few slices, no once-a-second timers in a
 * background tab.
 */
function kick() {
  if (pending) return;
  pending = true;
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    pending = false;
    drain();
  };
  channel.port2.postMessage(0);
}

/** Queues a job for an element; the element's place on screen says when it runs. */
export function later(el: Element, job: () => void): void {
  seen ??= new IntersectionObserver(
    (entries) => {
      // Where the visitor is now: scrolling (or a #fragment) can change it while mounting.
      for (const e of entries) near[e.isIntersecting ? "add" : "delete"](e.target);
    },
    { rootMargin: "50%" },
  );
  seen.observe(el);
  jobs.push([el, job]);
  kick();
}

/** Stops following an element's place on screen (it has shown, or is gone). */
export function forget(el: Element): void {
  seen?.unobserve(el);
}

/** Runs queued work until the slice is used up, then leaves the rest to another task. */
export function drain(): void {
  const end = performance.now() + SLICE;
  while (jobs.length) {
    if (performance.now() > end) {
      kick();
      return;
    }
    const i = jobs.findIndex(([el]) => near.has(el));
    jobs.splice(Math.max(i, 0), 1)[0][1]();
  }
}
