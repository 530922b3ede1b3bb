#!/usr/bin/env node
// @ts-check
// npx osdi-embed: the group's actions, and a ready snippet for one, from Action
// Network's keyed API. The key comes from ACTION_NETWORK_API_KEY or a prompt, never
// from an argument, and is never printed. Plain Node, no dependencies, no build.
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ActionNetworkClient, CommandError } from "./action-network.mjs";
import { isTimeZone, snippet, zoneOfPlace } from "./snippet.mjs";

/** @import { Kind } from "./snippet.mjs" */

export const DEFAULT_API = "https://actionnetwork.org/api/v2";
const KEY_VARIABLE = "ACTION_NETWORK_API_KEY";

/** @type {Record<Kind, { segment: string, noun: [string, string] }>} */
const KINDS = {
  petition: { segment: "petitions", noun: ["signature", "signatures"] },
  form: { segment: "forms", noun: ["submission", "submissions"] },
  event: { segment: "events", noun: ["RSVP", "RSVPs"] },
};
const TOTALS = { petition: "total_signatures", form: "total_submissions", event: "total_accepted" };

export const USAGE = `usage: osdi-embed <command> [options]

  actions              list the group's petitions, forms and events, newest first
      --kind K         only petitions, forms or events: petition, form or event
      --since DATE     only those created since DATE (YYYY-MM-DD), through the API's filter
  snippet <action>     print the snippet for one action: its API URL, or its id
      --kind K         the kind of an id (else petitions, forms and events are tried)
      --timezone ZONE  an event's IANA time zone, when its place does not tell it
      --script URL     where osdi-embed.js is (default: jsDelivr, this version)

  --api URL            the API (default ${DEFAULT_API}); a sandbox: http://127.0.0.1:4010/api/v2
  --help               this text

The key comes from the environment variable ${KEY_VARIABLE}, or, in a terminal,
from a prompt that does not show it. It is never an argument: other users of the
machine can read a command's arguments. A group's key is on Action Network's
"API & Sync" page. More: docs/command.md.`;

/**
 * @typedef {object} Options
 * @property {string} [command]
 * @property {string[]} operands
 * @property {string} api
 * @property {Kind} [kind]
 * @property {string} [since]
 * @property {string} [timezone]
 * @property {string} [script]
 * @property {boolean} help
 */

/** A mistake in the command line: said with the usage's hint, exit code 2. */
export class UsageError extends Error {}

// --key, --api-key, --apikey, --token, --api-token, --secret, --password, -k, with or without =value
const KEY_LIKE = /^(?:-k|--?(?:api[-_]?)?(?:key|token|secret|password))(?:=|$)/i;

/**
 * @param {string[]} argv the arguments after the command's name
 * @returns {Options}
 */
export function parseArgs(argv) {
  /** @type {Options} */
  const options = { operands: [], api: DEFAULT_API, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = /** @type {string} */ (argv[i]);
    if (KEY_LIKE.test(arg)) {
      throw new UsageError(
        `${arg.split("=")[0]}: osdi-embed takes no key on the command line, where other users of this machine can read it; set ${KEY_VARIABLE}, or run it in a terminal to be asked`,
      );
    }
    if (!arg.startsWith("-") || arg === "-") {
      if (options.command === undefined) options.command = arg;
      else options.operands.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = () => {
      const given = inline ?? argv[++i];
      if (given === undefined || given === "") throw new UsageError(`${flag} needs a value`);
      return given;
    };
    switch (flag) {
      case "--api":
        options.api = value();
        break;
      case "--kind": {
        const kind = value().replace(/s$/, "");
        if (!(kind in KINDS))
          throw new UsageError(`--kind is petition, form or event, not ${kind}`);
        options.kind = /** @type {Kind} */ (kind);
        break;
      }
      case "--since": {
        const since = value();
        if (
          !/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z?)?$/.test(since) ||
          Number.isNaN(Date.parse(since))
        ) {
          throw new UsageError(`--since needs a date such as 2026-01-31, not ${since}`);
        }
        options.since = since;
        break;
      }
      case "--timezone": {
        const zone = value();
        if (!isTimeZone(zone)) {
          throw new UsageError(
            `--timezone needs an IANA time zone such as America/Chicago, not ${zone}`,
          );
        }
        options.timezone = zone;
        break;
      }
      case "--script":
        options.script = value();
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown option ${flag}`);
    }
  }
  return options;
}

/**
 * The API's root, checked: https, or http only to this machine (a sandbox), so the key
 * never crosses a network unencrypted.
 * @param {string} api
 */
export function checkApi(api) {
  /** @type {URL} */
  let url;
  try {
    url = new URL(api);
  } catch {
    throw new UsageError(`--api needs a URL such as ${DEFAULT_API}, not ${api}`);
  }
  const local = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    throw new UsageError(`--api must be https (plain http only to this machine), not ${api}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new UsageError(`--api is the API's root, without credentials or query: ${api}`);
  }
  return url.href.replace(/\/+$/, "");
}

/**
 * Where the API has an action: its kind, its id, and the URL to GET.
 * @param {string} reference the API URL, its helper URL, or the id (with or without action_network:)
 * @param {string} api
 * @param {Kind | undefined} kind
 * @returns {{ id: string, candidates: { kind: Kind, url: string }[] }}
 */
export function locateAction(reference, api, kind) {
  const trimmed = reference.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    let url;
    try {
      url = new URL(trimmed);
    } catch {
      throw new UsageError(`${reference} is not a URL`);
    }
    const root = new URL(api);
    if (/^\/(petitions|forms|events|event_campaigns)\/[^/]+/.test(url.pathname)) {
      throw new UsageError(
        `${reference} is a public page, not an API URL: give the action's id or API URL (osdi-embed actions lists them)`,
      );
    }
    if (url.origin !== root.origin || !url.pathname.startsWith(`${root.pathname}/`)) {
      throw new UsageError(
        `${url.origin}${url.pathname} is not under ${api}: pass the API it belongs to with --api (the key goes to that API only)`,
      );
    }
    const rest = url.pathname.slice(root.pathname.length);
    const m =
      /^\/(?:event_campaigns\/[^/]+\/)?(petitions|forms|events)\/([^/]+)(?:\/(?:signatures|submissions|attendances))?\/?$/.exec(
        rest,
      );
    if (!m) {
      throw new UsageError(
        `${reference} is not an action's API URL such as ${api}/petitions/<id>; a public page (/petitions/<name>) will not do`,
      );
    }
    const found = /** @type {Kind} */ (
      /** @type {Kind[]} */ (Object.keys(KINDS)).find((k) => KINDS[k].segment === m[1])
    );
    const id = /** @type {string} */ (m[2]);
    return { id, candidates: [{ kind: found, url: `${api}/${m[1]}/${id}` }] };
  }
  const id = trimmed.replace(/^action_network:/, "");
  if (!/^[A-Za-z0-9-]+$/.test(id)) {
    throw new UsageError(`${reference} is neither an action's API URL nor its id`);
  }
  const kinds = kind ? [kind] : /** @type {Kind[]} */ (Object.keys(KINDS));
  return {
    id,
    candidates: kinds.map((k) => ({
      kind: k,
      url: `${api}/${KINDS[k].segment}/${encodeURIComponent(id)}`,
    })),
  };
}

/** This package's version, for the default script address. */
function version() {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "package.json");
  return JSON.parse(readFileSync(file, "utf8")).version;
}

/**
 * Text from the API made safe for a terminal: no control characters (an escape
 * sequence in a title must not drive the terminal), one line.
 * @param {unknown} value
 */
function plain(value) {
  return String(value ?? "")
    .replace(/\p{Cc}+/gu, " ")
    .trim();
}

/**
 * @param {ActionNetworkClient} client
 * @param {Options} options
 * @param {(line: string) => void} out
 * @param {(line: string) => void} note
 */
async function listActions(client, options, out, note) {
  const kinds = options.kind ? [options.kind] : /** @type {Kind[]} */ (Object.keys(KINDS));
  /** @type {{ kind: Kind, created: string, id: string, total: string, title: string }[]} */
  const rows = [];
  for (const kind of kinds) {
    const { segment, noun } = KINDS[kind];
    const filter = options.since
      ? `?filter=${encodeURIComponent(`created_date gt '${options.since}'`)}`
      : "";
    const items = await client.all(`${client.api}/${segment}${filter}`, `osdi:${segment}`);
    for (const item of items) {
      const identifier = (item?.identifiers ?? []).find(
        (/** @type {unknown} */ i) => typeof i === "string" && i.startsWith("action_network:"),
      );
      const count = Number(item?.[TOTALS[kind]] ?? 0);
      rows.push({
        kind,
        created: plain(item?.created_date),
        id: plain(identifier?.slice("action_network:".length) ?? ""),
        total: `${count.toLocaleString("en-US")} ${noun[count === 1 ? 0 : 1]}`,
        title: plain(item?.title) || "(untitled)",
      });
    }
  }
  rows.sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0));
  if (rows.length === 0) {
    note(options.since ? `no actions created after ${options.since}` : "no actions");
    return;
  }
  const width = Math.max(...rows.map((r) => r.total.length));
  for (const row of rows) {
    out(
      `${row.created.slice(0, 10)}  ${row.kind.padEnd(8)}  ${row.id}  ${row.total.padStart(width)}  ${row.title}`,
    );
  }
  note(`${rows.length} action${rows.length === 1 ? "" : "s"}; a snippet: osdi-embed snippet <id>`);
}

/**
 * @param {ActionNetworkClient} client
 * @param {Options} options
 * @param {(line: string) => void} out
 * @param {(line: string) => void} note
 */
async function printSnippet(client, options, out, note) {
  const reference = options.operands[0];
  if (reference === undefined)
    throw new UsageError("snippet needs an action: its API URL or its id");
  if (options.operands.length > 1)
    throw new UsageError(`snippet takes one action, not ${options.operands.join(" ")}`);
  const { id, candidates } = locateAction(reference, client.api, options.kind);
  /** @type {{ kind: Kind, action: any } | undefined} */
  let found;
  for (const candidate of candidates) {
    try {
      found = { kind: candidate.kind, action: await client.get(candidate.url) };
      break;
    } catch (error) {
      if (error instanceof CommandError && error.status === 404) continue;
      throw error;
    }
  }
  if (!found) {
    const names = candidates.map((c) => c.kind);
    const kinds =
      names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : names.join("");
    throw new CommandError(`no ${kinds} has the id ${id} (404)`, 404);
  }
  const { kind, action } = found;
  const apiUrl = action?._links?.self?.href ?? candidates.find((c) => c.kind === kind)?.url;
  /** @type {string | null} */
  let zone = null;
  if (kind === "event" && action?.start_date) {
    zone = options.timezone ?? zoneOfPlace(action.location, Date.parse(action.start_date));
    if (!zone) {
      const place = [action.location?.region, action.location?.country].filter(Boolean).join(", ");
      throw new CommandError(
        `cannot tell the time zone of this event's place${place ? ` (${plain(place)})` : ""}, and Action Network gives none: add --timezone with its IANA name, such as --timezone America/Chicago`,
      );
    }
  }
  out(
    snippet({
      kind,
      action,
      apiUrl,
      scriptUrl:
        options.script ?? `https://cdn.jsdelivr.net/npm/osdi-embed@${version()}/dist/osdi-embed.js`,
      zone,
    }),
  );
  if (!action?.browser_url)
    note("this action has no public page (browser_url): the fallback is its title alone");
  if (zone && !options.timezone)
    note(`the event's time zone, from its place: ${zone}; check it, or give --timezone`);
}

/**
 * Reads the key without showing it, from a terminal.
 * @returns {Promise<string>}
 */
function askForKey() {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    // Raw mode first: what is typed from the moment the prompt shows is never echoed.
    input.setRawMode(true);
    process.stderr.write("Action Network API key (not shown): ");
    let key = "";
    input.resume();
    input.setEncoding("utf8");
    /** @param {string} chunk */
    const onData = (chunk) => {
      for (const character of chunk) {
        if (character === "\r" || character === "\n" || character === "\u0004") {
          finish();
          resolve(key.trim());
          return;
        }
        if (character === "\u0003") {
          finish();
          reject(new CommandError("stopped"));
          return;
        }
        if (character === "\u007f" || character === "\b") key = key.slice(0, -1);
        else if (character >= " ") key += character;
      }
    };
    const finish = () => {
      input.off("data", onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write("\n");
    };
    input.on("data", onData);
  });
}

/**
 * Runs the command. Everything it prints goes through out (stdout) and note (stderr),
 * with the key taken out should any answer carry it.
 * @param {string[]} argv
 * @returns {Promise<number>} the exit code
 */
export async function run(argv) {
  let key = "";
  // The key taken out, should an answer carry it; and no control character but the
  // line break, so that nothing the API sends can drive the terminal.
  /** @param {string} text */
  const redact = (text) =>
    (key.length >= 4 ? text.split(key).join("[the key]") : text).replace(/(?!\n)\p{Cc}/gu, "");
  /** @param {string} line */
  const out = (line) => process.stdout.write(`${redact(line)}\n`);
  /** @param {string} line */
  const note = (line) => process.stderr.write(`osdi-embed: ${redact(line)}\n`);
  try {
    const options = parseArgs(argv);
    if (options.help || options.command === "help") {
      out(USAGE);
      return 0;
    }
    if (options.command === undefined) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (options.command !== "actions" && options.command !== "snippet") {
      throw new UsageError(`unknown command ${options.command}: use actions or snippet`);
    }
    if (options.command === "actions" && options.operands.length > 0) {
      throw new UsageError(`actions takes no operand, not ${options.operands.join(" ")}`);
    }
    const api = checkApi(options.api);
    key = (process.env[KEY_VARIABLE] ?? "").trim();
    if (!key && process.stdin.isTTY && process.stderr.isTTY) key = await askForKey();
    if (!key) {
      throw new CommandError(
        `no API key: set ${KEY_VARIABLE} (or run osdi-embed in a terminal to be asked for it)`,
      );
    }
    const client = new ActionNetworkClient({ api, key });
    if (options.command === "actions") await listActions(client, options, out, note);
    else await printSnippet(client, options, out, note);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      note(`${error.message} (see --help)`);
      return 2;
    }
    if (error instanceof CommandError) {
      note(error.message);
      return 1;
    }
    note(`unexpected error: ${/** @type {Error} */ (error)?.message ?? error}`);
    return 1;
  }
}

// Run as a command, not imported by a test. npm runs a bin through a symlink
// (node_modules/.bin/osdi-embed), so the real paths are compared.
const invoked = process.argv[1];
if (invoked && realpathSync(path.resolve(invoked)) === fileURLToPath(import.meta.url)) {
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
