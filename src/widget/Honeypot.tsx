import { h } from "preact";
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

/** Whether a bot filled in the honeypot of this form. */
export const caught = (form: HTMLFormElement) =>
  !!(form.elements.namedItem(NAME) as HTMLInputElement | null)?.value;
