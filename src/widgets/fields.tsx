import type { Signal } from "@preact/signals-core";
import type { ComponentChildren } from "preact";
import type { CustomField, FieldName } from "../config/attributes";
import type { TextKey } from "../i18n/en";
import { CUSTOM } from "../submit/values";
import { countries } from "./countries";
import { fieldId, type Model } from "./model";

/** type, autocomplete and inputmode of each standard field. */
const META: Record<FieldName, string[]> = {
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

interface RowProps {
  m: Model;
  k: string;
  label: string;
  req?: boolean;
  hint?: string;
  /** A checkbox row: the box comes before its label. */
  box?: boolean;
  /** A group of radios or checkboxes: fieldset and legend. */
  group?: boolean;
  children: (a: Record<string, string | undefined>) => ComponentChildren;
}

/** Label, control, hint and error of one field, tied by for/id and aria-describedby. */
function Row({ m, k, label, req, hint, box, group, children }: RowProps) {
  const id = fieldId(m, k);
  const err = m.errors.value[k];
  const described = [hint && `${id}-hint`, err && `${id}-error`].filter(Boolean).join(" ");
  const a = {
    id,
    name: k,
    "aria-invalid": err && "true",
    "aria-describedby": described || undefined,
    "aria-required": req ? "true" : undefined,
  };
  const text = [label, req && <span class="osdi-embed__required"> {m.t("required")}</span>];
  const Wrap = group ? "fieldset" : "div";
  return (
    <Wrap
      class={
        box
          ? "osdi-embed__checkbox"
          : `osdi-embed__field osdi-embed__field--${k.replace(/\W/g, "-")}`
      }
    >
      {group ? (
        <legend class="osdi-embed__label">{text}</legend>
      ) : (
        !box && (
          <label class="osdi-embed__label" for={id}>
            {text}
          </label>
        )
      )}
      {children(a)}
      {box && <label for={id}>{text}</label>}
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
    </Wrap>
  );
}

/** A text-like control, select or textarea showing its signal's value. */
function Control({
  m,
  k,
  type,
  a,
  options,
}: {
  m: Model;
  k: string;
  type: string;
  a: object;
  options?: string[][];
}) {
  const sig = m.values[k] as Signal<string>;
  const p = {
    ...a,
    class: "osdi-embed__input",
    value: sig.value,
    onInput: (e: Event) => (sig.value = (e.target as HTMLInputElement).value),
  };
  return type === "select" ? (
    <select {...p}>
      <option value="">{m.t("choose")}</option>
      {options!.map(([v, label]) => (
        <option value={v}>{label ?? v}</option>
      ))}
    </select>
  ) : type === "textarea" ? (
    <textarea {...p} rows={4} />
  ) : (
    <input type={type as "text"} inputMode={type === "number" ? "decimal" : undefined} {...p} />
  );
}

/** A single box (consent, yes/no): its value is true or false. */
export function Checkbox({
  m,
  k,
  label,
  hint,
  req,
}: {
  m: Model;
  k: string;
  label: string;
  hint?: string;
  req?: boolean;
}) {
  const sig = m.values[k];
  return (
    <Row m={m} k={k} label={label} hint={hint} req={req} box>
      {(a) => (
        <input
          {...a}
          type="checkbox"
          checked={sig.value === true}
          onChange={(e) => (sig.value = e.currentTarget.checked)}
        />
      )}
    </Row>
  );
}

export function StandardField({ m, f, lang }: { m: Model; f: FieldName; lang: string }) {
  const [type, autocomplete, inputMode] = META[f];
  return (
    <Row m={m} k={f} label={m.t(f as TextKey)} req={m.o.required.includes(f)}>
      {(a) => (
        <Control
          m={m}
          k={f}
          type={type}
          a={{ ...a, autocomplete, inputMode }}
          options={type === "select" ? countries(lang) : undefined}
        />
      )}
    </Row>
  );
}

export function CustomFieldView({ m, c }: { m: Model; c: CustomField }) {
  const k = CUSTOM + c.name;
  const sig = m.values[k];
  const { type, label, required: req, options } = c;
  if (type === "checkbox" && !options) return <Checkbox m={m} k={k} label={label} req={req} />;
  if (type === "radio" || type === "checkbox")
    return (
      <Row m={m} k={k} label={label} req={req} group>
        {(a) =>
          options!.map((opt, i) => {
            const v = sig.value;
            const multi = type === "checkbox";
            const id = `${a.id}-${i}`;
            return (
              <div class="osdi-embed__checkbox">
                <input
                  {...a}
                  id={id}
                  type={type}
                  value={opt}
                  checked={multi ? (v as string[]).includes(opt) : v === opt}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    sig.value = multi
                      ? on
                        ? [...(v as string[]), opt]
                        : (v as string[]).filter((x) => x !== opt)
                      : opt;
                  }}
                />
                <label for={id}>{opt}</label>
              </div>
            );
          })
        }
      </Row>
    );
  return (
    <Row m={m} k={k} label={label} req={req}>
      {(a) => <Control m={m} k={k} type={type} a={a} options={options?.map((o) => [o])} />}
    </Row>
  );
}
