// @ts-check
import { phoneDigits } from "./validate.mjs";
/** @import { PersonRow, PostPerson } from "./types.mjs" */

/**
 * Finds the person a post is about: by email (case-insensitive) first, else by phone digits.
 * A phone match is refused when the person on file has a different email, because
 * Action Network would treat that as a different person sharing a phone.
 * @param {PersonRow[]} people
 * @param {PostPerson} post
 * @returns {PersonRow | undefined}
 */
export function matchPerson(people, post) {
  const emails = post.email_addresses.map((e) => e.address.toLowerCase());
  if (emails.length > 0) {
    const byEmail = people.find((p) =>
      p.email_addresses.some((e) => emails.includes(e.address.toLowerCase())),
    );
    if (byEmail) return byEmail;
  }
  const phones = post.phone_numbers.map((p) => phoneDigits(p.number));
  if (phones.length === 0) return undefined;
  return people.find(
    (p) =>
      (emails.length === 0 || p.email_addresses.length === 0) &&
      p.phone_numbers.some((n) => phones.includes(phoneDigits(n.number))),
  );
}

/**
 * @param {string} id
 * @param {PostPerson} post
 * @param {string[]} tags
 * @param {string} now
 * @returns {PersonRow}
 */
export function createPerson(id, post, tags, now) {
  /** @type {PersonRow} */
  const person = {
    id,
    email_addresses: [],
    phone_numbers: [],
    postal_addresses: [],
    custom_fields: {},
    // Action Network files people under English unless told otherwise.
    languages_spoken: ["en"],
    tags: [],
    created_date: now,
    modified_date: now,
  };
  mergePerson(person, post, tags, now);
  person.modified_date = now;
  return person;
}

/**
 * Upserts what a post says into a person: nothing is removed, given values win.
 * @param {PersonRow} person
 * @param {PostPerson} post
 * @param {string[]} tags
 * @param {string} now
 */
export function mergePerson(person, post, tags, now) {
  if (post.given_name !== undefined) person.given_name = post.given_name;
  if (post.family_name !== undefined) person.family_name = post.family_name;

  for (const email of post.email_addresses) {
    const known = person.email_addresses.find(
      (e) => e.address.toLowerCase() === email.address.toLowerCase(),
    );
    // An address new to the list is subscribed whatever the post says, and one that
    // unsubscribed comes back only when the post says "subscribed" (AN's helper docs).
    if (known) {
      if (email.status === "subscribed") known.status = "subscribed";
    } else {
      person.email_addresses.push({
        primary: person.email_addresses.length === 0,
        address: email.address,
        status: "subscribed",
      });
    }
  }

  for (const phone of post.phone_numbers) {
    const digits = phoneDigits(phone.number);
    const known = person.phone_numbers.find((n) => phoneDigits(n.number) === digits);
    // SMS needs explicit consent: a new phone is unsubscribed unless the post says subscribed.
    if (known) {
      if (phone.status === "subscribed") known.status = "subscribed";
      if (phone.number_type) known.number_type = phone.number_type;
    } else {
      person.phone_numbers.push({
        primary: person.phone_numbers.length === 0,
        number: digits,
        ...(phone.number_type ? { number_type: phone.number_type } : {}),
        status: phone.status === "subscribed" ? "subscribed" : "unsubscribed",
      });
    }
  }

  const address = post.postal_addresses[0];
  if (address) {
    const primary = person.postal_addresses.find((a) => a.primary);
    if (primary) Object.assign(primary, address, { primary: true });
    else person.postal_addresses.unshift({ primary: true, ...address });
  }

  Object.assign(person.custom_fields, post.custom_fields);
  if (post.languages_spoken && post.languages_spoken.length > 0) {
    person.languages_spoken = [...post.languages_spoken];
  }
  person.tags = union(person.tags, tags);
  person.modified_date = now;
}

/**
 * @param {string[]} a
 * @param {string[]} b
 */
export function union(a, b) {
  return [...new Set([...a, ...b])];
}
