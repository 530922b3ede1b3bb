import type { Signal } from "@preact/signals";
import type { InputHTMLAttributes, JSX } from "preact";
import type { CustomField, FieldName } from "../config/attributes";
import type { TextKey } from "../i18n/en";
import { CUSTOM, type Value } from "../submit/values";
import { countries } from "./countries";
import { fieldId, type Model } from "./model";

/** What every control gets from its Field: identity and its ARIA ties. */
type Ctl = {
  id: string;
  name: string;
  class: string;
  "aria-invalid"?: "true";
  "aria-describedby"?: string;
  "aria-required"?: "true";
};

/** type, autocomplete and inputmode of each standard field. */
const META: Record<FieldName, [string, string, InputHTMLAttributes["inputMode"]?]> = {
  given_name: ["text", "given-name"],
  family_name: ["text", "family-name"],
  email: ["email", "email", "email"],
  phone: ["tel", "tel", "tel"],
  street: ["text", "address-line1"],
  locality: ["text", "address-level2"],
  region: ["text", "address-level1"],
  postal_code: ["text", "postal-code"],
  country: ["select", "country"],
  comments: ["textarea", "off"],
};

const onInput = (sig: Signal<Value>) => (e: Event) => {
  sig.value = (e.currentTarget as HTMLInputElement).value;
};

/** Label, control and error message, tied by for/id and aria-describedby. */
function Field(props: {
  m: Model;
  k: string;
  label: string;
  required: boolean;
  control: (a: Ctl) => JSX.Element;
}) {
  const { m, k, label, required, control } = props;
  const id = fieldId(m, k);
  const err = m.errors.value[k];
  return (
    <div class={`osdi-embed__field osdi-embed__field--${k.replace(/\W/g, "-")}`}>
      <label class="osdi-embed__label" for={id}>
        {label}
        {required && <span class="osdi-embed__required"> {m.t("required")}</span>}
      </label>
      {control({
        id,
        name: k,
        class: "osdi-embed__input",
        "aria-invalid": err ? "true" : undefined,
        "aria-describedby": err ? `${id}-error` : undefined,
        "aria-required": required ? "true" : undefined,
      })}
      {err && (
        <p class="osdi-embed__error" id={`${id}-error`}>
          {m.t(err)}
        </p>
      )}
    </div>
  );
}

/** A group of radios or checkboxes in a fieldset, its legend as the label. */
function Group({ m, c, k }: { m: Model; c: CustomField; k: string }) {
  const sig = m.values[k];
  const id = fieldId(m, k);
  const err = m.errors.value[k];
  const multi = c.type === "checkbox";
  return (
    <fieldset
      class={`osdi-embed__field osdi-embed__group`}
      aria-describedby={err ? `${id}-error` : undefined}
    >
      <legend class="osdi-embed__label">
        {c.label}
        {c.required && <span class="osdi-embed__required"> {m.t("required")}</span>}
      </legend>
      {c.options!.map((opt, i) => {
        const v = sig.value;
        return (
          <div class="osdi-embed__checkbox" key={opt}>
            <input
              id={i ? `${id}-${i}` : id}
              type={multi ? "checkbox" : "radio"}
              name={k}
              value={opt}
              checked={multi ? (v as string[]).includes(opt) : v === opt}
              aria-invalid={err ? "true" : undefined}
              aria-describedby={err ? `${id}-error` : undefined}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                sig.value = multi
                  ? on
                    ? [...(v as string[]), opt]
                    : (v as string[]).filter((x) => x !== opt)
                  : opt;
              }}
            />
            <label for={i ? `${id}-${i}` : id}>{opt}</label>
          </div>
        );
      })}
      {err && (
        <p class="osdi-embed__error" id={`${id}-error`}>
          {m.t(err)}
        </p>
      )}
    </fieldset>
  );
}

/** A single consent or yes/no box; its hint (if any) tied by aria-describedby. */
export function Checkbox(props: {
  m: Model;
  k: string;
  label: string;
  hint?: string;
  required?: boolean;
}) {
  const { m, k, label, hint, required } = props;
  const id = fieldId(m, k);
  const sig = m.values[k];
  const err = m.errors.value[k];
  const described = [hint && `${id}-hint`, err && `${id}-error`].filter(Boolean).join(" ");
  return (
    <div class="osdi-embed__checkbox">
      <input
        id={id}
        type="checkbox"
        name={k}
        checked={sig.value === true}
        aria-invalid={err ? "true" : undefined}
        aria-required={required ? "true" : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => {
          sig.value = e.currentTarget.checked;
        }}
      />
      <label for={id}>
        {label}
        {required && <span class="osdi-embed__required"> {m.t("required")}</span>}
      </label>
      {hint && (
        <p class="osdi-embed__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {err && (
        <p class="osdi-embed__error" id={`${id}-error`}>
          {m.t(err)}
        </p>
      )}
    </div>
  );
}

function Select(
  a: Ctl & { autocomplete?: string },
  sig: Signal<Value>,
  options: [string, string][],
  t: Model["t"],
) {
  return (
    <select {...a} value={sig as Signal<string>} onChange={onInput(sig)}>
      <option value="">{t("choose")}</option>
      {options.map(([v, label]) => (
        <option value={v} key={v}>
          {label}
        </option>
      ))}
    </select>
  );
}

export function StandardField({ m, f, lang }: { m: Model; f: FieldName; lang: string }) {
  const [type, autocomplete, inputMode] = META[f];
  const sig = m.values[f];
  return (
    <Field
      m={m}
      k={f}
      label={m.t(f as TextKey)}
      required={m.o.required.includes(f)}
      control={(a) =>
        type === "select" ? (
          Select({ ...a, autocomplete }, sig, countries(lang), m.t)
        ) : type === "textarea" ? (
          <textarea {...a} rows={4} value={sig as Signal<string>} onInput={onInput(sig)} />
        ) : (
          <input
            {...a}
            type={type as "text"}
            autocomplete={autocomplete}
            inputMode={inputMode}
            value={sig as Signal<string>}
            onInput={onInput(sig)}
          />
        )
      }
    />
  );
}

export function CustomFieldView({ m, c }: { m: Model; c: CustomField }) {
  const k = CUSTOM + c.name;
  const sig = m.values[k];
  if (c.type === "radio" || (c.type === "checkbox" && c.options))
    return <Group m={m} c={c} k={k} />;
  if (c.type === "checkbox") return <Checkbox m={m} k={k} label={c.label} required={c.required} />;
  return (
    <Field
      m={m}
      k={k}
      label={c.label}
      required={!!c.required}
      control={(a) =>
        c.type === "select" ? (
          Select(
            a,
            sig,
            c.options!.map((o) => [o, o]),
            m.t,
          )
        ) : c.type === "textarea" ? (
          <textarea {...a} rows={4} value={sig as Signal<string>} onInput={onInput(sig)} />
        ) : (
          <input
            {...a}
            type={c.type as "text"}
            inputMode={c.type === "number" ? "decimal" : undefined}
            value={sig as Signal<string>}
            onInput={onInput(sig)}
          />
        )
      }
    />
  );
}
