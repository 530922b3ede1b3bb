import { Fragment, h } from "preact";
import type { Control } from "../config/controls";
import type { TextKey } from "../i18n/en";
import { usePart } from "../lazy";
import { fieldId } from "./ids";
import type { Model } from "./model";

/**
 * One control with its label, hint and error, tied by for/id and aria-describedby.
 * Radios and checkbox groups sit in a fieldset whose legend is the label; a single
 * checkbox comes before its label.
 */
export function Field({ m, c, lang }: { m: Model; c: Control; lang: string }) {
  const { k, type, req, group } = c;
  const sig = m.values[k];
  // Read without subscribing: what a visitor types is already in the DOM, so a
  // keystroke re-renders nothing. (Only the visitor changes these values.)
  const v = sig.peek();
  const id = fieldId(m, k);
  const err = m.errors.value[k];
  const box = type === "checkbox" && !group;
  const hint = k === "sms_opt_in" ? m.t("sms_disclosure") : "";
  const described =
    [hint && `${id}:hint`, err && `${id}:error`].filter(Boolean).join(" ") || undefined;
  const a = {
    id,
    name: k,
    "aria-invalid": err ? ("true" as const) : undefined,
    "aria-describedby": described,
  };
  // "(required)" is in the label's own text, so assistive tech reads it once, with the
  // label; aria-required would only say it twice.
  const label = [
    c.label ?? m.t(k as TextKey),
    req && <span class="osdi-embed__required"> {m.t("required")}</span>,
  ];
  const input = {
    ...a,
    class: "osdi-embed__input",
    value: v as string,
    onInput: (e: Event) => {
      sig.value = (e.target as HTMLInputElement).value;
    },
  };
  // Country names come as a part, the first time a widget shows a country field.
  const options =
    type === "select" &&
    (c.options?.map((o) => [o, o]) ??
      usePart<(lang: string) => string[][]>("countries")?.(lang) ??
      []);
  return (
    <div
      class={
        box
          ? "osdi-embed__checkbox"
          : `osdi-embed__field osdi-embed__field--${k.replace(/\W/g, "-")}`
      }
    >
      {group ? (
        <fieldset class="osdi-embed__group">
          <legend class="osdi-embed__label">{label}</legend>
          {c.options!.map((opt, i) => {
            const multi = type === "checkbox";
            const on = multi ? (v as string[]).includes(opt) : v === opt;
            // The first option carries the field's own id: focus and labels find it.
            const oid = i ? `${id}:${i}` : id;
            return (
              <div class="osdi-embed__checkbox">
                <input
                  {...a}
                  id={oid}
                  type={type as "radio"}
                  value={opt}
                  checked={on}
                  onChange={(e) => {
                    const now = sig.peek() as string[];
                    sig.value = multi
                      ? e.currentTarget.checked
                        ? [...now, opt]
                        : now.filter((x) => x !== opt)
                      : opt;
                  }}
                />
                <label for={oid}>{opt}</label>
              </div>
            );
          })}
        </fieldset>
      ) : box ? (
        <>
          <input
            {...a}
            type="checkbox"
            checked={v === true}
            onChange={(e) => {
              sig.value = e.currentTarget.checked;
            }}
          />
          <label for={id}>{label}</label>
        </>
      ) : (
        <>
          <label class="osdi-embed__label" for={id}>
            {label}
          </label>
          {options ? (
            <select {...input} autocomplete={c.ac}>
              <option value="">{m.t("choose")}</option>
              {options.map(([value, name]) => (
                <option value={value}>{name}</option>
              ))}
            </select>
          ) : type === "textarea" ? (
            // Generous, but bounded: nobody's comment or name needs more.
            <textarea {...input} rows={4} maxLength={5000} />
          ) : (
            <input
              {...input}
              type={type as "text"}
              autocomplete={c.ac}
              inputMode={c.im as "text"}
              maxLength={250}
            />
          )}
        </>
      )}
      {hint && (
        <div class="osdi-embed__hint" id={`${id}:hint`}>
          {hint}
        </div>
      )}
      {err && (
        <div class="osdi-embed__error" id={`${id}:error`}>
          {m.t(err)}
        </div>
      )}
    </div>
  );
}
