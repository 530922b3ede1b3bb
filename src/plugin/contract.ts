/**
 * What the WordPress plugin takes from the widget's contract, gathered in one
 * object. scripts/contract.mjs writes it into the plugin at build time: as PHP
 * data (includes/contract.php) and, with the widget's own parser (./editor.ts),
 * as the block editor's script (block/contract.js). Nothing in the plugin restates it.
 */

import { ACTION_NETWORK, ACTION_PATH, API_PATH, EMBED_TARGET, MISTAKES } from "../config/action";
import {
  CLASS_PARTS,
  CREDENTIAL,
  DEFAULT_FIELDS,
  FIELDS,
  KINDS,
  PERSONAL,
} from "../config/attributes";
import { FIXES } from "../config/fixes";
import { KNOWN } from "../config/parse";
import { en, TEXT_KEYS } from "../i18n/en";
import { LOCALES } from "../i18n/locales";

/** Every data-osdi-<name> the widget reads, without the prefix. */
const names = [
  ...KNOWN,
  ...TEXT_KEYS.map((key) => `text-${key}`),
  ...PERSONAL.map((field) => `prefill-${field}`),
  ...CLASS_PARTS.map((part) => `class-${part}`),
];

/** The error codes of the action URL, whose help texts the plugin shows its authors. */
const URL_CODES = [
  "missing",
  "https",
  "userinfo",
  "noKind",
  "embedTarget",
  ...MISTAKES.map(([code]) => code),
  "notApi",
];
/** Codes whose help text names the kind: one text per kind. */
const KIND_CODES = ["kind", "collection"];

export const PLUGIN_CONTRACT = {
  names,
  textKeys: TEXT_KEYS,
  classParts: CLASS_PARTS,
  languages: LOCALES,
  fields: FIELDS,
  defaultFields: DEFAULT_FIELDS,
  /** The widget's English words, for the editor's preview. */
  english: en,
  /** The kind's segment in a URL -> the kind, and its helper collection. */
  kinds: Object.fromEntries(
    Object.entries(KINDS).map(([kind, [segment, collection]]) => [segment, [kind, collection]]),
  ),
  credential: CREDENTIAL.source,
  actionNetwork: ACTION_NETWORK,
  apiPath: API_PATH,
  mistakes: MISTAKES,
  actionPath: ACTION_PATH,
  embedTarget: EMBED_TARGET,
  /** Code -> what to do, as the widget says it; kind and collection: kind -> text. */
  fixes: Object.fromEntries([
    ...URL_CODES.map((code) => [code, FIXES[code]("")]),
    ...KIND_CODES.map((code) => [
      code,
      Object.fromEntries(Object.keys(KINDS).map((kind) => [kind, FIXES[code](kind)])),
    ]),
  ]),
};
