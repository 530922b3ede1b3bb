/**
 * Work that waits its turn: each task does a slice of it, then gives the browser
 * the thread back (to paint, to scroll, to answer a click), so a page of a
 * hundred widgets has no long task of ours. Containers on or near the screen go
 * first, as soon as the browser has said which they are.
 */

/** The first slice runs in the task that evaluated the script, already a long one on a slow phone. */
export const FIRST_SLICE = 8;
/**
 * Later slices have a task each. Each slice ends with the browser laying out and
 * painting the page, which costs as much as a widget or two on a slow phone: longer
 * slices paint fewer times, and stay short of a long task (50 ms).
 */
export const SLICE = 40;
const jobs: [Element, () => void][] = [];
const near = new WeakSet<Element>();
let seen: IntersectionObserver | undefined;
let pending = false;
/**
 * How long the last job took: a slice does not start one that would take it past
 * its end. (The last, not the longest: the first widget also compiles the code.)
 */
let last = 0;
let channel: MessageChannel | undefined;

/**
 * Another task for the queue, unless one is already on its way. A message, not
 * setTimeout: no 4 ms clamp after a few slices, no once-a-second timers in a
 * background tab.
 */
function kick() {
  if (pending) return;
  pending = true;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      pending = false;
      drain();
    };
  }
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

/**
 * Runs queued work, one job at least, while the next job (if it takes as long as
 * the last one) still fits in the slice; leaves the rest to another task.
 */
export function drain(slice = SLICE): void {
  const end = performance.now() + slice;
  for (let ran = false; jobs.length; ran = true) {
    const before = performance.now();
    if (ran && before + last > end) {
      kick();
      return;
    }
    const i = jobs.findIndex(([el]) => near.has(el));
    jobs.splice(Math.max(i, 0), 1)[0][1]();
    last = performance.now() - before;
  }
}
