import type { Options } from "../config/parse";
import { CUSTOM, digits, text, type Values } from "./values";

export interface HelperBody {
  person: {
    given_name?: string;
    family_name?: string;
    email_addresses?: { address: string; status?: "subscribed" }[];
    phone_numbers?: { number: string; status?: "subscribed" }[];
    postal_addresses?: {
      address_lines?: string[];
      locality?: string;
      region?: string;
      postal_code?: string;
      country?: string;
    }[];
    custom_fields?: Record<string, string>;
  };
  comments?: string;
  add_tags?: string[];
  triggers: { autoresponse: { enabled: boolean } };
  "action_network:referrer_data"?: { source?: string; referrer?: string; website?: string };
}

/** Drops undefined and empty members, so nothing empty is ever sent. */
function compact<T extends object>(o: T): T | undefined {
  const out = {} as Record<string, unknown>;
  for (const [k, v] of Object.entries(o))
    if (v !== undefined && v !== "" && !(Array.isArray(v) && !v.length)) out[k] = v;
  return Object.keys(out).length ? (out as T) : undefined;
}
const one = <T extends object>(o: T) => {
  const c = compact(o);
  return c && [c];
};

/** Options + validated values -> the helper's JSON body (contract section 4). */
export function buildBody(o: Options, v: Values, page: { hostname: string }): HelperBody {
  const t = (k: string) => (o.fields.includes(k as never) ? text(v[k]) : "");
  const email = t("email").toLowerCase();
  const phone = o.fields.includes("phone") ? digits(v.phone) : "";
  const custom: Record<string, string> = {};
  for (const c of o.customFields) {
    const val = v[CUSTOM + c.name];
    const s = Array.isArray(val) ? val.join(", ") : val === true ? "true" : text(val);
    if (s) custom[c.name] = s;
  }
  const person = compact({
    given_name: t("given_name"),
    family_name: t("family_name"),
    email_addresses: email
      ? [
          compact({
            address: email,
            status: v.email_opt_in === true ? ("subscribed" as const) : undefined,
          })!,
        ]
      : undefined,
    phone_numbers: phone
      ? [
          compact({
            number: phone,
            status: o.smsOptIn && v.sms_opt_in === true ? ("subscribed" as const) : undefined,
          })!,
        ]
      : undefined,
    postal_addresses: one({
      address_lines: t("street") ? [t("street")] : undefined,
      locality: t("locality"),
      region: t("region"),
      postal_code: t("postal_code"),
      country: t("country"),
    }),
    custom_fields: compact(custom),
  })!;
  return compact({
    person,
    comments: o.kind === "petition" ? t("comments") : undefined,
    add_tags: o.tags,
    triggers: { autoresponse: { enabled: o.autoresponse } },
    "action_network:referrer_data": compact({
      source: o.source,
      referrer: o.referrer,
      website: page.hostname || undefined,
    }),
  })!;
}
