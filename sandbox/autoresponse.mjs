// @ts-check
/** @import { ActionKind, ActionRecord, OutboxEmail, PersonRow, PostPerson } from "./types.mjs" */

/** @type {Record<ActionKind, { subject: string, body: string }>} */
const TEMPLATES = {
  petition: {
    subject: "Thanks for signing",
    body: "Thanks for signing the petition. Your signature has been recorded and will be delivered to the target.",
  },
  form: {
    subject: "Thanks for your submission",
    body: "Thanks for your submission. We've received your response.",
  },
  event: {
    subject: "You're registered",
    body: "You're registered for the event. We'll send you a reminder before it starts.",
  },
};

/**
 * The thank-you email an action with an autoresponse sends, or null when the
 * post carried no email address: a phone-only post gets none, even when the
 * person on file has an email, since nobody asked for one at that address.
 * @param {string} id
 * @param {ActionRecord} record
 * @param {PostPerson} sent the person as posted
 * @param {PersonRow} person the person on file after merging
 * @param {string} now
 * @returns {OutboxEmail | null}
 */
export function composeAutoresponse(id, record, sent, person, now) {
  const to = sent.email_addresses[0]?.address;
  if (!to) return null;
  const template = TEMPLATES[record.kind];
  const greeting = person.given_name ? `Hi ${person.given_name},` : "Hi,";
  return {
    id,
    to,
    subject: template.subject,
    text: `${greeting}\n\n${template.body}\n\n(action ${record.kind} ${record.actionId}, sent by the osdi-embed helper sandbox)`,
    action: { kind: record.kind, id: record.actionId },
    recordId: record.id,
    created_date: now,
  };
}
