import type { FieldName } from "./attributes";
import type { Options } from "./parse";

/**
 * One control of the form, standard or custom, in display order: the single
 * shape that rendering and validation both walk.
 */
export interface Control {
  /** Value key: a field name, `custom_fields.<name>`, `email_opt_in` or `sms_opt_in`. */
  k: string;
  type: string;
  req?: boolean;
  /** The author's label (custom fields); standard fields take the locale's. */
  label?: string;
  options?: string[];
  /** A box whose options are several radios or checkboxes. */
  group?: boolean;
  ac?: string;
  im?: string;
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

export function controls(o: Options): Control[] {
  const list: Control[] = o.fields.map((k) => {
    const [type = "text", ac = k.replace("_", "-")] = (META[k] ?? "").split(" ").filter(Boolean);
    return {
      k,
      type,
      ac,
      im: META[k] && type !== "text" ? type : undefined,
      req: o.required.includes(k),
    };
  });
  for (const c of o.customFields)
    list.push({
      k: `custom_fields.${c.name}`,
      type: c.type,
      label: c.label,
      req: c.required,
      options: c.options,
      group: c.type === "radio" || (c.type === "checkbox" && !!c.options),
      im: c.type === "number" ? "decimal" : undefined,
    });
  if (o.emailOptIn) list.push({ k: "email_opt_in", type: "checkbox" });
  if (o.smsOptIn) list.push({ k: "sms_opt_in", type: "checkbox" });
  return list;
}
