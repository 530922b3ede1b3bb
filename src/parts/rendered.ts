/**
 * dist/osdi-embed-rendered.js: for markup rendered ahead (osdi-embed/server), loaded
 * only by pages that have some. Whether the markup in a container is the one this
 * widget draws (its stamp, src/element/rendered.ts, and its language); what a
 * visitor typed in it before the script ran, taken into the model either way.
 * Without this part, such markup is drawn afresh: the form still works.
 */
import type { Raw } from "../config/parse";
import { fixFor, say, TAG } from "../console";
import { RENDERED, stamp } from "../element/rendered";
import type { Model } from "../submit/model";
import { adopt } from "../widget/adopt";

/** True when the markup just hydrated was made for this container; one warning when not. */
export default function fits(el: HTMLElement, raw: Raw, model: Model, lang: string): boolean {
  adopt(model, el);
  const [, stamped] = el.getAttribute(RENDERED)?.split(" ") ?? [];
  const ok =
    stamped === stamp(raw, el.getElementsByTagName("*").length) &&
    el.firstElementChild?.getAttribute("lang") === lang;
  if (!ok)
    say(
      "warn",
      () => `${TAG} ${RENDERED}: ${fixFor("rendered", "") ?? "see docs/reference.md."}`,
      el,
    );
  return ok;
}

declare module "../files/parts" {
  interface Parts {
    rendered: typeof fits;
  }
}
