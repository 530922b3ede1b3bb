import type { FieldName } from "./attributes";
import type { Options } from "./parse";

/**
 * One control of the form, standard or custom, in display order: the single
 * shape that rendering and validation both walk.
 */
export interface Control {
  /** Value key: a field name, `custom_fields.<name>`, `email_opt_in` or `sms_opt_in`. */
  key: string;
  type: string;
  required?: boolean;
  /** The author's label (custom fields); standard fields take the locale's. */
  label?: string;
  options?: string[];
  /** A box whose options are several radios or checkboxes. */
  group?: boolean;
  autocomplete?: string;
  inputMode?: string;
}

/** Type and autocomplete token where they differ from "text" and the field's own name. */
const META: Partial<Record<FieldName, string>> = {
  email: "email",
  phone: "tel tel",
  street: "text address-line1",
  locality: "text address-level2",
  region: "text address-level1",
  country: "select",
  comments: "textarea off",
};

export function controls(options: Options): Control[] {
  const list: Control[] = options.fields.map((key) => {
    const [type = "text", autocomplete = key.replace("_", "-")] = (META[key] ?? "")
      .split(" ")
      .filter(Boolean);
    return {
      key,
      type,
      autocomplete,
      inputMode: META[key] && type !== "text" ? type : undefined,
      required: options.required.includes(key),
    };
  });
  for (const c of options.customFields)
    list.push({
      key: `custom_fields.${c.name}`,
      type: c.type,
      label: c.label,
      required: c.required,
      options: c.options,
      group: c.type === "radio" || (c.type === "checkbox" && !!c.options),
      inputMode: c.type === "number" ? "decimal" : undefined,
    });
  if (options.emailOptIn)
    list.push({
      key: "email_opt_in",
      type: "checkbox",
      required: options.emailOptIn === "required",
    });
  if (options.smsOptIn) list.push({ key: "sms_opt_in", type: "checkbox" });
  return list;
}
