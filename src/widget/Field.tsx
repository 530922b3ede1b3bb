import { type Signal, useComputed } from "@preact/signals";
import { Fragment, h } from "preact";
import { useMemo } from "preact/hooks";
import type { Control } from "../config/controls";
import { readPart } from "../files/parts";
import type { TextKey } from "../i18n/en";
import type { Model } from "../submit/model";
import { classFor } from "./classes";
import { fieldId, named } from "./ids";

/**
 * One control with its label, hint and error, tied by for/id and aria-describedby.
 * Radios and checkbox groups sit in a fieldset whose legend is the label; a single
 * checkbox comes before its label.
 *
 * A Field re-renders when its own error changes, and a box or a group when it is
 * ticked. What the visitor types in a text box is in the DOM already and bound to
 * the value's signal, so a keystroke re-renders nothing.
 */
export function Field({ model, control, lang }: { model: Model; control: Control; lang: string }) {
  const { key, type, required, group } = control;
  const o = model.options;
  const value = model.values[key];
  const error = useComputed(() => model.errors.value[key]).value;
  const id = fieldId(model, key);
  const box = type === "checkbox" && !group;
  const hint = key === "sms_opt_in" ? model.text("sms_disclosure") : undefined;
  const described =
    [hint && `${id}:hint`, error && `${id}:error`].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    ref: named(key),
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": described,
  };
  // "(required)" is in the label's own text, so assistive tech reads it once, with the
  // label; aria-required would only say it twice.
  // A box that must be ticked says what the visitor agrees to.
  const words = key === "email_opt_in" && required ? "email_consent" : (key as TextKey);
  const label = [
    control.label ?? model.text(words),
    // One text node, as markup rendered ahead has it (hydration keeps it as it is).
    required && <span class="osdi-embed__required">{` ${model.text("required")}`}</span>,
  ];
  const text = {
    ...common,
    class: classFor(o, "input"),
    // Bound to the signal: the DOM follows it without a render.
    value: value as Signal<string>,
    onInput: (e: Event) => {
      value.value = (e.target as HTMLInputElement).value;
    },
  };
  // Country names come as a part, the first time a widget shows a country field.
  // (readPart is safe to call conditionally: it keeps no per-component state.)
  const countries = type === "select" && !control.options ? readPart("countries") : undefined;
  // Without the list (its file could not come), a text box: the form still works.
  const options = useMemo(
    () =>
      type !== "select" || countries === null
        ? undefined
        : (control.options?.map((o) => [o, o]) ?? countries?.(lang) ?? []),
    [countries, lang, type, control],
  );
  return (
    <div
      class={classFor(
        o,
        "field",
        box
          ? "osdi-embed__checkbox"
          : `osdi-embed__field osdi-embed__field--${key.replace(/\W/g, "-")}`,
      )}
    >
      {group ? (
        <fieldset class="osdi-embed__group">
          <legend class={classFor(o, "label")}>{label}</legend>
          {control.options!.map((option, i) => {
            const multi = type === "checkbox";
            const on = multi ? (value.value as string[]).includes(option) : value.value === option;
            // The first option carries the field's own id: focus and labels find it.
            const optionId = i ? `${id}:${i}` : id;
            return (
              <div class="osdi-embed__checkbox" key={option}>
                <input
                  {...common}
                  class={classFor(o, "check", "")}
                  id={optionId}
                  type={type as "radio"}
                  value={option}
                  checked={on}
                  onChange={(e) => {
                    const now = value.peek() as string[];
                    value.value = multi
                      ? e.currentTarget.checked
                        ? [...now, option]
                        : now.filter((x) => x !== option)
                      : option;
                  }}
                />
                <label for={optionId}>{option}</label>
              </div>
            );
          })}
        </fieldset>
      ) : box ? (
        <>
          <input
            {...common}
            class={classFor(o, "check", "")}
            type="checkbox"
            checked={value.value === true}
            onChange={(e) => {
              value.value = e.currentTarget.checked;
            }}
          />
          <label for={id}>{label}</label>
        </>
      ) : (
        <>
          <label class={classFor(o, "label")} for={id}>
            {label}
          </label>
          {options ? (
            <select {...text} autocomplete={control.autocomplete}>
              <option value="">{model.text("choose")}</option>
              {options.map(([code, name]) => (
                <option value={code} key={code}>
                  {name}
                </option>
              ))}
            </select>
          ) : type === "textarea" ? (
            // Generous, but bounded: nobody's comment or name needs more.
            <textarea {...text} rows={4} maxLength={5000} />
          ) : (
            <input
              {...text}
              type={(type === "select" ? "text" : type) as "text"}
              autocomplete={control.autocomplete}
              inputMode={control.inputMode as "text"}
              maxLength={250}
            />
          )}
        </>
      )}
      {hint && (
        <div class={classFor(o, "hint")} id={`${id}:hint`}>
          {hint}
        </div>
      )}
      {error && <ErrorMessage model={model} id={id} error={error} />}
    </div>
  );
}

/** A control's message, tied to it by its id: in a Field, and after an own form's control. */
export function ErrorMessage({ model, id, error }: { model: Model; id: string; error: TextKey }) {
  return (
    <div class={classFor(model.options, "error")} id={`${id}:error`}>
      {model.text(error)}
    </div>
  );
}
