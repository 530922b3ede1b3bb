import { h, render } from "preact";
import { named } from "./ids";

/** The field bots fill in and people never see: hidden from assistive tech too. */
const NAME = "url";

export function Honeypot() {
  return (
    <div hidden>
      <input ref={named(NAME)} autocomplete="off" />
    </div>
  );
}

/** The same honeypot, last in a form of the author's own; returns it, to take out again. */
export function addHoneypot(form: HTMLFormElement): Element {
  const holder = document.createDocumentFragment();
  render(<Honeypot />, holder);
  const trap = holder.firstElementChild!;
  form.append(trap);
  return trap;
}

/** Whether a bot filled in the honeypot of this form. */
export const caught = (form: HTMLFormElement) =>
  !!(form.elements.namedItem(NAME) as HTMLInputElement | null)?.value;
