// @ts-check
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { madeUpAction, slugify } from "./actions.mjs";
import { composeAutoresponse } from "./autoresponse.mjs";
import { createPerson, matchPerson, mergePerson, union } from "./people.mjs";

/** @import { ActionChanges, ActionInput } from "./actions.mjs" */
/** @import { ActionKind, ActionRecord, ActionRow, CollectionName, HelperPost, Json, OutboxEmail, PersonRow, Reason, Rejection, RequestEntry } from "./types.mjs" */

// Logs are for looking back a little, not an archive; records and people are never trimmed.
const LOG_LIMIT = 1000;
const BODIES_LIMIT = 20;

/**
 * @typedef {object} Tables
 * @property {ActionRecord[]} records
 * @property {PersonRow[]} people
 * @property {Rejection[]} rejections
 * @property {OutboxEmail[]} outbox
 * @property {RequestEntry[]} requests
 * @property {ActionRow[]} actions the group's actions, seeded or made by keyed POSTs
 * @typedef {keyof Tables} TableName
 */

/** @type {TableName[]} */
const TABLES = ["records", "people", "rejections", "outbox", "requests", "actions"];

/**
 * @typedef {object} AcceptInput
 * @property {ActionKind} kind
 * @property {CollectionName} collection
 * @property {string} actionId
 * @property {string} [eventCampaignId]
 * @property {string} path
 * @property {Json} body
 * @property {HelperPost} post
 * @property {boolean} background
 * @property {string | null} origin
 * @property {string[]} warnings
 */

/**
 * @typedef {object} RejectInput
 * @property {ActionKind | null} kind
 * @property {string | null} actionId
 * @property {string} path
 * @property {number} status
 * @property {Reason[]} reasons
 * @property {Json | string | null} body
 * @property {boolean} background
 * @property {string | null} origin
 */

/**
 * `YYYY-MM-DDTHH:MM:SSZ`, the form Action Network uses for every date.
 * @param {number} ms
 */
export function isoSeconds(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * All sandbox state, one JSON file per table in dataDir, rewritten atomically
 * (temp file, then rename) after every change so a crash or restart loses nothing.
 */
export class Store {
  /**
   * @param {{ dataDir: string, apiKey?: string, now?: () => number }} options
   */
  constructor(options) {
    this.dataDir = path.resolve(options.dataDir);
    this.clock = options.now ?? Date.now;
    fs.mkdirSync(this.dataDir, { recursive: true });
    /** @type {Tables} */
    this.tables = {
      records: this.#load("records"),
      people: this.#load("people"),
      rejections: this.#load("rejections"),
      outbox: this.#load("outbox"),
      requests: this.#load("requests"),
      actions: this.#load("actions"),
    };
    this.apiKey = options.apiKey ?? this.#persistedKey();
  }

  get records() {
    return this.tables.records;
  }
  get people() {
    return this.tables.people;
  }
  get rejections() {
    return this.tables.rejections;
  }
  get outbox() {
    return this.tables.outbox;
  }
  get requests() {
    return this.tables.requests;
  }
  get actions() {
    return this.tables.actions;
  }

  now() {
    return isoSeconds(this.clock());
  }

  /**
   * Records a valid post: a first post creates the record (and maybe the person),
   * a repeat by the same person on the same action merges into the existing one.
   * @param {AcceptInput} input
   * @returns {{ record: ActionRecord, person: PersonRow, created: boolean, email: OutboxEmail | null }}
   */
  accept(input) {
    const now = this.now();
    const { post } = input;
    let person = matchPerson(this.people, post.person);
    if (person) mergePerson(person, post.person, post.addTags, now);
    else {
      person = createPerson(randomUUID(), post.person, post.addTags, now);
      this.people.push(person);
    }
    const personId = person.id;
    // An event reached through its event campaign is still the same event.
    let record = this.records.find(
      (r) => r.kind === input.kind && r.actionId === input.actionId && r.personId === personId,
    );
    const created = !record;
    if (record) {
      record.updates += 1;
      record.modified_date = now;
      record.body = input.body;
      record.bodies = [...record.bodies, input.body].slice(-BODIES_LIMIT);
      record.tags = union(record.tags, post.addTags);
      if (post.comments !== undefined) record.comments = post.comments;
      // Attribution stays with the first visit that brought the person in.
      if (!record.referrer_data && post.referrerData) record.referrer_data = post.referrerData;
      record.warnings = union(record.warnings, input.warnings);
    } else {
      record = {
        id: randomUUID(),
        kind: input.kind,
        collection: input.collection,
        actionId: input.actionId,
        ...(input.eventCampaignId ? { eventCampaignId: input.eventCampaignId } : {}),
        path: input.path,
        body: input.body,
        bodies: [input.body],
        background: input.background,
        created_date: now,
        modified_date: now,
        updates: 0,
        personId,
        ...(post.comments !== undefined ? { comments: post.comments } : {}),
        tags: [...post.addTags],
        ...(post.referrerData ? { referrer_data: post.referrerData } : {}),
        autoresponse: post.autoresponse,
        origin: input.origin,
        warnings: input.warnings,
      };
      this.records.push(record);
    }

    // Only a new record sends the thank-you: Action Network lets a person take an
    // action once, so a repeat (a retry, a double click) must not mail them twice.
    let email = null;
    if (created && post.autoresponse) {
      email = composeAutoresponse(randomUUID(), record, post.person, person, now);
      if (email) {
        this.outbox.push(email);
        this.#trim("outbox");
        this.save("outbox");
      }
    }
    this.save("people");
    this.save("records");
    return { record, person, created, email };
  }

  /**
   * @param {RejectInput} input
   * @returns {Rejection}
   */
  reject(input) {
    const first = input.reasons[0] ?? { code: "unknown", message: "rejected" };
    /** @type {Rejection} */
    const rejection = {
      id: randomUUID(),
      time: new Date(this.clock()).toISOString(),
      kind: input.kind,
      actionId: input.actionId,
      path: input.path,
      status: input.status,
      code: first.code,
      reason: first.message,
      reasons: input.reasons,
      body: input.body,
      background: input.background,
      origin: input.origin,
    };
    this.rejections.push(rejection);
    this.#trim("rejections");
    this.save("rejections");
    return rejection;
  }

  /** @param {RequestEntry} entry */
  logRequest(entry) {
    this.requests.push(entry);
    this.#trim("requests");
    this.save("requests");
  }

  /**
   * @param {CollectionName} collection
   * @param {string} id
   */
  findRecord(collection, id) {
    return this.records.find((r) => r.collection === collection && r.id === id);
  }

  /** @param {string} id */
  findPerson(id) {
    return this.people.find((p) => p.id === id);
  }

  /**
   * Adds the actions whose ids are not there yet (the demo's, at every start).
   * @param {ActionInput[]} inputs
   */
  seedActions(inputs) {
    const now = this.now();
    let added = false;
    for (const input of inputs) {
      if (this.actions.some((a) => a.kind === input.kind && a.id === input.id)) continue;
      const { slug, created_date, ...fields } = input;
      this.actions.push({
        identifiers: [],
        origin_system: "Action Network",
        ...fields,
        slug: this.#freeSlug(input.kind, slug ?? slugify(input.title)),
        created_date: created_date ?? now,
        modified_date: created_date ?? now,
      });
      added = true;
    }
    if (added) this.save("actions");
  }

  /**
   * A new action from a keyed POST (its changes already checked).
   * @param {ActionKind} kind
   * @param {ActionChanges} changes
   * @param {string} originSystem used when the POST names none
   * @returns {ActionRow}
   */
  createAction(kind, changes, originSystem) {
    const now = this.now();
    const title = changes.set.title ?? "";
    /** @type {ActionRow} */
    const action = {
      id: randomUUID(),
      kind,
      slug: this.#freeSlug(kind, slugify(title)),
      identifiers: [...new Set(changes.identifiers)],
      created_date: now,
      modified_date: now,
      origin_system: originSystem,
      ...changes.set,
      title,
    };
    this.actions.push(action);
    this.save("actions");
    return action;
  }

  /**
   * Changes an action (a keyed PUT). One made up from helper posts is kept from now on.
   * @param {ActionRow} action as found by action()
   * @param {ActionChanges} changes
   * @returns {ActionRow}
   */
  updateAction(action, changes) {
    let stored = this.actions.find((a) => a.kind === action.kind && a.id === action.id);
    if (!stored) {
      const { stored: _madeUp, ...fields } = action;
      stored = fields;
      this.actions.push(stored);
    }
    Object.assign(stored, changes.set);
    for (const key of changes.remove) delete stored[key];
    stored.identifiers = union(stored.identifiers, changes.identifiers);
    stored.modified_date = this.now();
    this.save("actions");
    return stored;
  }

  /**
   * An action by kind and id: one of the table, or one made up from its helper posts.
   * @param {ActionKind} kind
   * @param {string} id
   * @returns {ActionRow | undefined}
   */
  action(kind, id) {
    const stored = this.actions.find((a) => a.kind === kind && a.id === id);
    if (stored) return stored;
    const records = this.recordsOf(kind, id);
    return records.length > 0 ? madeUpAction(kind, id, records, this.now()) : undefined;
  }

  /**
   * Every action of a kind, oldest first: those of the table and those made up from
   * helper posts alone.
   * @param {ActionKind} kind
   * @returns {ActionRow[]}
   */
  actionsOf(kind) {
    const stored = this.actions.filter((a) => a.kind === kind);
    const known = new Set(stored.map((a) => a.id));
    /** @type {Map<string, ActionRecord[]>} */
    const madeUp = new Map();
    for (const record of this.records) {
      if (record.kind !== kind || known.has(record.actionId)) continue;
      madeUp.set(record.actionId, [...(madeUp.get(record.actionId) ?? []), record]);
    }
    const now = this.now();
    const all = [
      ...stored,
      ...[...madeUp].map(([id, records]) => madeUpAction(kind, id, records, now)),
    ];
    // A stable sort: actions made in the same second keep the order they were made in.
    return all.sort((a, b) =>
      a.created_date < b.created_date ? -1 : a.created_date > b.created_date ? 1 : 0,
    );
  }

  /**
   * The action whose public page is /<kind's segment>/<slug>: a stored action by its
   * slug, else one with helper posts by its id.
   * @param {ActionKind} kind
   * @param {string} slug
   */
  actionBySlug(kind, slug) {
    return this.actions.find((a) => a.kind === kind && a.slug === slug) ?? this.action(kind, slug);
  }

  /**
   * A record per person who took the action: its total (signatures, submissions, RSVPs).
   * @param {ActionKind} kind
   * @param {string} id
   */
  recordsOf(kind, id) {
    return this.records.filter((r) => r.kind === kind && r.actionId === id);
  }

  /**
   * Unsubscribes an email address from the list, as a person can on Action Network.
   * @param {string} address any case
   * @returns {PersonRow | undefined} the person, or undefined when nobody has that address
   */
  unsubscribe(address) {
    const wanted = address.toLowerCase();
    const person = this.people.find((p) =>
      p.email_addresses.some((e) => e.address.toLowerCase() === wanted),
    );
    if (!person) return undefined;
    for (const email of person.email_addresses) {
      if (email.address.toLowerCase() === wanted) email.status = "unsubscribed";
    }
    person.modified_date = this.now();
    this.save("people");
    return person;
  }

  /** Forgets every record, person, action, email and log entry; the API key stays. */
  reset() {
    for (const name of TABLES) {
      this.tables[name] = [];
      this.save(name);
    }
  }

  /** Set once the server has stopped: what still trickles in (a dropped socket's log) is not written. */
  closed = false;

  /** @param {TableName} name */
  save(name) {
    if (this.closed) return;
    writeJsonAtomic(path.join(this.dataDir, `${name}.json`), this.tables[name]);
  }

  /**
   * A slug no other action of the kind has: the wanted one, else with -2, -3…
   * @param {ActionKind} kind
   * @param {string} wanted
   */
  #freeSlug(kind, wanted) {
    const taken = new Set(this.actions.filter((a) => a.kind === kind).map((a) => a.slug));
    let slug = wanted;
    for (let n = 2; taken.has(slug); n += 1) slug = `${wanted}-${n}`;
    return slug;
  }

  /** @param {TableName} name */
  #trim(name) {
    const table = this.tables[name];
    if (table.length > LOG_LIMIT) table.splice(0, table.length - LOG_LIMIT);
  }

  /**
   * @template {TableName} T
   * @param {T} name
   * @returns {Tables[T]}
   */
  #load(name) {
    const file = path.join(this.dataDir, `${name}.json`);
    const data = readJson(file);
    if (data === undefined) return /** @type {Tables[T]} */ ([]);
    if (!Array.isArray(data)) throw new Error(`helper sandbox: ${file} does not hold a JSON array`);
    return /** @type {Tables[T]} */ (data);
  }

  #persistedKey() {
    const file = path.join(this.dataDir, "config.json");
    const config = readJson(file);
    if (
      typeof config === "object" &&
      config !== null &&
      "apiKey" in config &&
      typeof config.apiKey === "string"
    ) {
      return config.apiKey;
    }
    const apiKey = randomBytes(16).toString("hex");
    writeJsonAtomic(file, { apiKey });
    return apiKey;
  }
}

/**
 * @param {string} file
 * @returns {unknown} undefined when the file does not exist
 */
function readJson(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    // Refuse to start rather than overwrite data someone may want back.
    throw new Error(`helper sandbox: ${file} is not valid JSON; move it away to start afresh`);
  }
}

let tempCounter = 0;

/**
 * @param {string} file
 * @param {unknown} data
 */
function writeJsonAtomic(file, data) {
  tempCounter += 1;
  const temp = `${file}.${process.pid}.${tempCounter}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(data, null, 1)}\n`);
  fs.renameSync(temp, file);
}
