// @ts-check
// Shared JSDoc types of the helper sandbox. No runtime code lives here.

/**
 * @typedef {"petition" | "form" | "event"} ActionKind
 * @typedef {"signatures" | "submissions" | "attendances"} CollectionName
 * @typedef {null | boolean | number | string | Json[] | { [key: string]: Json }} Json
 * @typedef {{ [key: string]: string | number | boolean }} CustomFields
 */

/**
 * @typedef {object} EmailAddress
 * @property {boolean} primary
 * @property {string} address
 * @property {string} status
 */

/**
 * @typedef {object} PhoneNumber
 * @property {boolean} primary
 * @property {string} number
 * @property {string} [number_type]
 * @property {string} status
 */

/**
 * @typedef {object} PostalAddress
 * @property {boolean} [primary]
 * @property {string[]} [address_lines]
 * @property {string} [locality]
 * @property {string} [region]
 * @property {string} [postal_code]
 * @property {string} [country]
 * @property {string} [language]
 */

/**
 * A person as the sandbox keeps it (the account's list), matched across actions.
 * @typedef {object} PersonRow
 * @property {string} id
 * @property {string} [given_name]
 * @property {string} [family_name]
 * @property {EmailAddress[]} email_addresses
 * @property {PhoneNumber[]} phone_numbers
 * @property {PostalAddress[]} postal_addresses
 * @property {CustomFields} custom_fields
 * @property {string[]} languages_spoken
 * @property {string[]} tags
 * @property {string} created_date
 * @property {string} modified_date
 */

/**
 * Where an event is, in OSDI's address shape (Action Network's `location`).
 * @typedef {object} EventLocation
 * @property {string} [venue]
 * @property {string[]} [address_lines]
 * @property {string} [locality]
 * @property {string} [region] ISO 3166-2 subdivision code without the country, e.g. "IL"
 * @property {string} [postal_code]
 * @property {string} [country] ISO 3166-1 alpha-2, e.g. "US"
 * @property {string} [language]
 * @property {{ latitude: number, longitude: number, accuracy?: string }} [location]
 */

/**
 * An action of the group: seeded, made by a keyed POST, changed by PUT. An id that
 * only has helper posts is an action too, made up from them (see store.action()).
 * @typedef {object} ActionRow
 * @property {string} id
 * @property {ActionKind} kind
 * @property {string} slug the last segment of its public page, e.g. /petitions/<slug>
 * @property {string[]} identifiers foreign identifiers ("system:id") besides action_network:<id>
 * @property {string} created_date
 * @property {string} modified_date
 * @property {string} origin_system
 * @property {string} title
 * @property {string} [name] the administrative title
 * @property {string} [description] HTML, as Action Network keeps it
 * @property {string} [petition_text] petitions
 * @property {string} [call_to_action] forms
 * @property {string} [instructions] events: shown after the RSVP
 * @property {string} [start_date] events: the place's clock, written YYYY-MM-DDTHH:MM:SSZ (see the README)
 * @property {string} [end_date] events: as start_date
 * @property {EventLocation} [location] events
 * @property {boolean} [stored] false for an action made up from helper posts alone
 */

/**
 * One signature, submission or attendance.
 * @typedef {object} ActionRecord
 * @property {string} id
 * @property {ActionKind} kind
 * @property {CollectionName} collection
 * @property {string} actionId
 * @property {string} [eventCampaignId]
 * @property {string} path the helper path the first post went to
 * @property {Json} body the parsed JSON of the latest post merged into this record
 * @property {Json[]} bodies every post merged into this record, oldest first (bounded)
 * @property {boolean} background whether the post that created it used background_request
 * @property {string} created_date
 * @property {string} modified_date
 * @property {number} updates how many repeats were merged into it
 * @property {string} personId
 * @property {string} [comments]
 * @property {string[]} tags
 * @property {{ [key: string]: string }} [referrer_data]
 * @property {boolean} autoresponse whether the creating post asked for the autoresponse
 * @property {string | null} origin the Origin header of the creating post
 * @property {string[]} warnings keys the sandbox did not recognise (not a rejection)
 */

/**
 * @typedef {object} Reason
 * @property {string} code machine-readable, e.g. "bad-email"
 * @property {string} message
 */

/**
 * A post answered 200 {} (or 413/415) but not recorded.
 * @typedef {object} Rejection
 * @property {string} id
 * @property {string} time
 * @property {ActionKind | null} kind
 * @property {string | null} actionId
 * @property {string} path
 * @property {number} status the HTTP status the client got
 * @property {string} code the first reason's code
 * @property {string} reason the first reason's message
 * @property {Reason[]} reasons
 * @property {Json | string | null} body the parsed body, or the raw text (truncated) when it did not parse
 * @property {boolean} background
 * @property {string | null} origin
 */

/**
 * @typedef {object} OutboxEmail
 * @property {string} id
 * @property {string} to
 * @property {string} subject
 * @property {string} text
 * @property {{ kind: ActionKind, id: string }} action
 * @property {string} recordId
 * @property {string} created_date
 */

/**
 * @typedef {object} RequestEntry
 * @property {string} time
 * @property {string} method
 * @property {string} path
 * @property {{ [key: string]: string }} query
 * @property {number} status 0 when the connection was dropped
 * @property {string | null} origin
 * @property {string | null} contentType
 * @property {boolean} credentials any OSDI-API-Token, Authorization or Cookie header present
 * @property {string[]} credentialHeaders names of those headers
 * @property {string} outcome e.g. "accepted", "rejected", "queued", "rate-limited", "fault"
 * @property {number} durationMs
 */

/**
 * A helper body after validation, normalised for storage.
 * @typedef {object} HelperPost
 * @property {PostPerson} person
 * @property {string} [comments]
 * @property {string[]} addTags
 * @property {boolean} autoresponse
 * @property {{ [key: string]: string }} [referrerData]
 */

/**
 * @typedef {object} PostPerson
 * @property {string} [given_name]
 * @property {string} [family_name]
 * @property {{ address: string, status?: string }[]} email_addresses only valid addresses
 * @property {{ number: string, status?: string, number_type?: string }[]} phone_numbers
 * @property {PostalAddress[]} postal_addresses
 * @property {CustomFields} custom_fields
 * @property {string[]} [languages_spoken]
 */

export {};
