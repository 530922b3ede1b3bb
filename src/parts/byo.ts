/**
 * dist/osdi-embed-byo.js: "bring your own form". A `<form data-osdi-action>` that
 * holds the author's own inputs, named after the contract's fields
 * (`custom_fields.<name>` for custom ones), is enhanced rather than replaced:
 * osdi-embed adds the validation, the body, delivery with retry and outbox, the
 * status region and the events, and renders no fields of its own. The author's
 * markup and CSS stay as they are. Loaded only by pages that have such a form.
 */
import { effect } from "@preact/signals";
import { CUSTOM_TYPES, type CustomField, FIELDS } from "../config/attributes";
import { type Options, parseOptions, readAttributes } from "../config/parse";
import { broken, consent } from "../element/mount";
import { emit } from "../events";
import type { TextKey } from "../i18n/en";
import { translator } from "../i18n/t";
import { loadWords, type Words } from "../i18n/words";
import { submit } from "../submit/submit";
import { CUSTOM } from "../submit/values";
import { classFor } from "../widget/classes";
import { addHoneypot } from "../widget/Honeypot";
import { fieldId } from "../widget/ids";
import { createModel } from "../widget/model";

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
function attributes(form: HTMLFormElement, named: Map<string, Control[]>) {
  const raw = readAttributes(form);
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
  if (email)
    raw["email-opt-in"] ??= email.required ? "required" : email.checked ? "checked" : "unchecked";
  if (box("sms_opt_in")) raw["sms-opt-in"] ??= box("sms_opt_in")!.checked ? "checked" : "unchecked";
  return raw;
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

/** Enhances the form; returns what undoes it. */
export default function enhance(form: HTMLFormElement): () => void {
  const named = controlsByName(form);
  let o: Options;
  try {
    o = parseOptions(attributes(form, named), location);
    consent(o, form);
  } catch (e) {
    broken(form, e);
    return () => {};
  }
  const model = createModel(o, translator(o), form);
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
  const errors: HTMLElement[] = [];

  const show = () => {
    form.setAttribute("data-osdi-state", model.state.value);
    const key = model.status.value;
    status.textContent = key ? model.text(key) : "";
    for (const e of errors) e.remove();
    errors.length = 0;
    const found = model.errors.value;
    for (const c of model.controls) {
      const els = named.get(c.key);
      if (!els) continue;
      const id = `${fieldId(model, c.key)}:error`;
      for (const el of els) {
        const described = (el.getAttribute("aria-describedby") ?? "")
          .split(" ")
          .filter((d) => d && d !== id);
        if (found[c.key]) described.push(id);
        if (found[c.key]) el.setAttribute("aria-invalid", "true");
        else el.removeAttribute("aria-invalid");
        if (described.length) el.setAttribute("aria-describedby", described.join(" "));
        else el.removeAttribute("aria-describedby");
      }
      if (!found[c.key]) continue;
      const message = form.ownerDocument.createElement("div");
      message.className = classFor(o, "error")!;
      message.id = id;
      message.textContent = model.text(found[c.key] as TextKey);
      const last = els[els.length - 1];
      // After the group's fieldset, or after the control itself.
      (last.closest("fieldset") ?? last).after(message);
      errors.push(message);
    }
    // Done: the thanks stand alone, as in the widget's own form. (A host rule that
    // sets display on a row beats [hidden]; the controls are disabled all the same.)
    if (model.state.value === "success") {
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
  };

  const onSubmit = async (e: Event) => {
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
    await submit(model, form);
    const first = model.controls.find((c) => model.errors.peek()[c.key]);
    if (model.state.peek() === "error" && first) named.get(first.key)?.[0].focus();
  };

  let dispose = () => {};
  let gone = false;
  const start = ({ text }: Words) => {
    if (gone) return;
    model.text = text;
    dispose = effect(show);
    form.addEventListener("submit", onSubmit);
    emit(model, "ready");
  };
  const words = loadWords(o, form);
  if (words instanceof Promise) words.then(start);
  else start(words);

  return () => {
    gone = true;
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
    byo: typeof enhance;
  }
}
