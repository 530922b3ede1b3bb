/**
 * dist/osdi-embed-byo.js: "bring your own form". A `<form data-osdi-action>` that
 * holds the author's own inputs, named after the contract's fields
 * (`custom_fields.<name>` for custom ones), is enhanced rather than replaced:
 * osdi-embed adds the validation, the body, delivery with retry and outbox, the
 * status region and the events, and renders no fields of its own. The author's
 * markup and CSS stay as they are. Loaded only by pages that have such a form.
 */
import { effect } from "@preact/signals";
import { h, render } from "preact";
import { CUSTOM_TYPES, type CustomField, FIELDS } from "../config/attributes";
import type { Raw } from "../config/parse";
import type { Host } from "../element/mount";
import type { TextKey } from "../i18n/en";
import type { Model, State } from "../submit/model";
import { submit } from "../submit/submit";
import type { Errors } from "../submit/validate";
import { CUSTOM } from "../submit/values";
import { classFor } from "../widget/classes";
import { ErrorMessage } from "../widget/Field";
import { caught, Honeypot } from "../widget/Honeypot";
import { fieldId } from "../widget/ids";
import { focusAfter } from "../widget/outcome";

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The form's controls by name, in document order (radios and checkboxes share one). */
function controlsByName(form: HTMLFormElement): Map<string, Control[]> {
  const map = new Map<string, Control[]>();
  for (const el of Array.from(form.elements) as Control[]) {
    if (!el.name || el.type === "submit" || el.type === "button") continue;
    map.set(el.name, [...(map.get(el.name) ?? []), el]);
  }
  return map;
}

/** The visible text of an element's label, without its "(required)" or similar marks. */
const labelOf = (el: Control) =>
  (el.labels?.[0]?.textContent ?? "").replace(/\s*[*(].*$/, "").trim() || el.name;

/** A custom field described by its inputs, for the same parser the widget uses. */
function customField(name: string, els: Control[]): CustomField {
  const [el] = els;
  const options =
    el instanceof HTMLSelectElement
      ? Array.from(el.options)
          .map((o) => o.value)
          .filter(Boolean)
      : els.length > 1
        ? els.map((e) => e.value)
        : undefined;
  const tag = el.tagName.toLowerCase();
  const type = tag === "input" ? el.type : tag;
  return {
    name: name.slice(CUSTOM.length),
    label: labelOf(el),
    type: (CUSTOM_TYPES as readonly string[]).includes(type)
      ? (type as CustomField["type"])
      : "text",
    options,
    required: els.some((e) => e.required),
  };
}

/** The data-osdi-* attributes, completed from what the form itself holds. */
function complete(raw: Raw, named: Map<string, Control[]>): Raw {
  raw = { ...raw };
  const fields = FIELDS.filter((f) => named.has(f));
  raw.fields ??= fields.join(" ");
  const required = fields.filter((f) => named.get(f)!.some((e) => e.required));
  if (raw.required === undefined && required.length) raw.required = required.join(" ");
  const custom = [...named]
    .filter(([n]) => n.startsWith(CUSTOM))
    .map(([n, els]) => customField(n, els));
  if (custom.length) raw["custom-fields"] ??= JSON.stringify(custom);
  const box = (name: string) => named.get(name)?.[0] as HTMLInputElement | undefined;
  const email = box("email_opt_in");
  // A box the author marked required asks for consent: nothing is sent until it is ticked.
  if (email)
    raw["email-opt-in"] ??= email.required ? "required" : email.checked ? "checked" : "unchecked";
  if (box("sms_opt_in")) raw["sms-opt-in"] ??= box("sms_opt_in")!.checked ? "checked" : "unchecked";
  return raw;
}

/**
 * The widget's own message for a control, to place after an own form's control; its
 * remove() takes it away again (and it stops following the words).
 */
function errorMessage(model: Model, id: string, error: TextKey) {
  const holder = document.createDocumentFragment();
  render(h(ErrorMessage, { model, id, error }), holder);
  return { element: holder.firstElementChild!, remove: () => render(null, holder) };
}

/** The widget's honeypot, last in the form; returns it, to take out again. */
function addHoneypot(form: HTMLFormElement): Element {
  const holder = document.createDocumentFragment();
  render(h(Honeypot, null), holder);
  const trap = holder.firstElementChild!;
  form.append(trap);
  return trap;
}

/** What the visitor entered in a control, in the shape the widget's own fields give. */
function entered(els: Control[], multi: boolean) {
  const [el] = els;
  if (el.type === "checkbox")
    return multi
      ? els.filter((e) => (e as HTMLInputElement).checked).map((e) => e.value)
      : (el as HTMLInputElement).checked;
  if (el.type === "radio") return els.find((e) => (e as HTMLInputElement).checked)?.value ?? "";
  return el.value;
}

/**
 * A form of the author's own, for the widgets' one start-up (src/element/mount.tsx):
 * what differs is only finding the author's inputs, and giving the form back.
 */
export default function own(form: HTMLFormElement): Host {
  const named = controlsByName(form);
  return {
    complete: (raw) => complete(raw, named),
    styled: false,
    show: (model) => enhance(form, model, named),
  };
}

/** Adds the status, the messages and sending to the form; returns what undoes it. */
function enhance(form: HTMLFormElement, model: Model, named: Map<string, Control[]>): () => void {
  const o = model.options;
  const status = form.ownerDocument.createElement("div");
  // The host's classes for the status and the messages (data-osdi-class-status, -error):
  // on what osdi-embed adds, never on the author's own elements.
  status.className = classFor(o, "status")!;
  status.id = `${model.uid}:status`;
  status.setAttribute("role", "status");
  status.tabIndex = -1;
  const trap = addHoneypot(form);
  form.append(status);
  const validated = form.noValidate;
  form.noValidate = true;
  const classed = form.hasAttribute("class");
  // The author's own aria attributes, to give back on unmount.
  const aria = new Map<Control, [string | null, string | null]>();
  for (const els of named.values())
    for (const el of els)
      aria.set(el, [el.getAttribute("aria-invalid"), el.getAttribute("aria-describedby")]);
  // What success hides and disables, to give back on unmount.
  const done: HTMLElement[] = [];
  form.classList.add("osdi-embed", `osdi-embed--${o.kind}`);
  const errors: { remove(): void }[] = [];
  /** The outcome focus last followed: each attempt's checks give new errors. */
  let followed: [State, Errors] | undefined;

  const show = () => {
    const state = model.state.value;
    form.setAttribute("data-osdi-state", state);
    const key = model.status.value;
    status.textContent = key ? model.text(key) : "";
    for (const e of errors) e.remove();
    errors.length = 0;
    const found = model.errors.value;
    for (const c of model.controls) {
      const els = named.get(c.key);
      if (!els) continue;
      const id = fieldId(model, c.key);
      for (const el of els) {
        const described = (el.getAttribute("aria-describedby") ?? "")
          .split(" ")
          .filter((d) => d && d !== `${id}:error`);
        if (found[c.key]) described.push(`${id}:error`);
        if (found[c.key]) el.setAttribute("aria-invalid", "true");
        else el.removeAttribute("aria-invalid");
        if (described.length) el.setAttribute("aria-describedby", described.join(" "));
        else el.removeAttribute("aria-describedby");
      }
      if (!found[c.key]) continue;
      // The widget's own message element, after the group's fieldset or the control.
      const message = errorMessage(model, id, found[c.key]);
      const last = els[els.length - 1];
      (last.closest("fieldset") ?? last).after(message.element);
      errors.push(message);
    }
    // Done: the thanks stand alone, as in the widget's own form. (A host rule that
    // sets display on a row beats [hidden]; the controls are disabled all the same.)
    if (state === "success") {
      for (const child of Array.from(form.children))
        if (child !== status && !(child as HTMLElement).hidden) {
          (child as HTMLElement).hidden = true;
          done.push(child as HTMLElement);
        }
      for (const el of Array.from(form.elements) as HTMLInputElement[])
        if (!el.disabled) {
          el.disabled = true;
          done.push(el);
        }
    }
    // Focus follows a new outcome, once it is on the screen.
    if (followed?.[0] !== state || followed[1] !== found) {
      followed = [state, found];
      const target = focusAfter(model.controls, state, found);
      if (target === "status") status.focus();
      else if (target) named.get(target.key)?.[0].focus();
    }
    const page = model.redirect.value;
    if (page) location.assign(page);
  };

  const onSubmit = (e: Event) => {
    e.preventDefault();
    for (const c of model.controls) {
      const els = named.get(c.key);
      // A field the form has no input for sends nothing (not even a prefilled value
      // from the URL, nor a consent box nobody saw).
      model.values[c.key].value = els
        ? entered(els, !!c.group)
        : c.type === "checkbox"
          ? c.group
            ? []
            : false
          : "";
    }
    submit(model, caught(form));
  };

  const dispose = effect(show);
  form.addEventListener("submit", onSubmit);

  return () => {
    dispose();
    form.removeEventListener("submit", onSubmit);
    form.classList.remove("osdi-embed", `osdi-embed--${o.kind}`);
    if (!classed && !form.classList.length) form.removeAttribute("class");
    for (const [el, values] of aria)
      ["aria-invalid", "aria-describedby"].forEach((name, i) => {
        const value = values[i];
        if (value === null) el.removeAttribute(name);
        else el.setAttribute(name, value);
      });
    form.removeAttribute("data-osdi-state");
    form.noValidate = validated;
    for (const el of done) {
      el.hidden = false;
      (el as HTMLInputElement).disabled = false;
    }
    for (const e of errors) e.remove();
    trap.remove();
    status.remove();
  };
}

declare module "../files/parts" {
  interface Parts {
    byo: typeof own;
  }
}
