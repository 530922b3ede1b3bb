import type { Options } from "../config/parse";
import type { HelperBody } from "../transport";

export type { HelperBody } from "../transport";

import { CUSTOM, digits, text, type Values } from "./values";

/**
 * Drops "", undefined and empty arrays and objects, deepest first (JSON.parse
 * revives children before parents), so nothing empty is ever sent.
 */
const prune = <T>(x: T): T =>
  JSON.parse(JSON.stringify(x), (_k, v) =>
    v === "" || (v && typeof v === "object" && !Object.keys(v).length) ? undefined : v,
  );

/** Options + validated values -> the helper's JSON body (contract section 4). */
export function buildBody(
  options: Options,
  values: Values,
  page: { hostname?: string },
): HelperBody {
  const t = (k: string) => (options.fields.includes(k as never) ? text(values[k]) : "");
  const email = t("email").toLowerCase();
  const phone = digits(t("phone"));
  // Only a ticked box that the widget showed, beside a number or address that is sent.
  const subscribed = (shown: unknown, box: string, to: string) =>
    shown && to && values[box] === true ? "subscribed" : undefined;
  const custom: Record<string, string> = {};
  for (const c of options.customFields) {
    const val = values[CUSTOM + c.name];
    custom[c.name] = Array.isArray(val) ? val.join(", ") : val === true ? "true" : text(val);
  }
  return prune({
    person: {
      given_name: t("given_name"),
      family_name: t("family_name"),
      email_addresses: [
        { address: email, status: subscribed(options.emailOptIn, "email_opt_in", email) },
      ],
      phone_numbers: [{ number: phone, status: subscribed(options.smsOptIn, "sms_opt_in", phone) }],
      postal_addresses: [
        {
          address_lines: [t("street")],
          locality: t("locality"),
          region: t("region"),
          postal_code: t("postal_code"),
          country: t("country"),
        },
      ],
      custom_fields: custom,
    },
    comments: options.kind === "petition" ? t("comments") : undefined,
    add_tags: options.tags,
    triggers: { autoresponse: { enabled: options.autoresponse } },
    "action_network:referrer_data": {
      source: options.source,
      referrer: options.referrer,
      website: page.hostname,
    },
  } as HelperBody);
}
