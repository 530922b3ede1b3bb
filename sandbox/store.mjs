// @ts-check
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { composeAutoresponse } from "./autoresponse.mjs";
import { createPerson, matchPerson, mergePerson, union } from "./people.mjs";

/** @import { ActionKind, ActionRecord, CollectionName, HelperPost, Json, OutboxEmail, PersonRow, Reason, Rejection, RequestEntry } from "./types.mjs" */

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
 * @typedef {keyof Tables} TableName
 */

/** @type {TableName[]} */
const TABLES = ["records", "people", "rejections", "outbox", "requests"];

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

  /** Forgets every record, person, email and log entry; the API key stays. */
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
