/**
 * Parts: what only some pages need, each an ordinary module in src/parts/ with a
 * default export. The ESM build imports them as chunks; dist/osdi-embed.js loads
 * the build's wrapped copy, dist/osdi-embed-<name>.js, beside itself. Either way
 * a part may fail to come, and every caller has an answer for that.
 */
import { type Signal, signal } from "@preact/signals";
import { loadScript } from "./load";
import { shared } from "./shared";

/**
 * Each part's value: the default export of src/parts/<name>. Each part module
 * adds its own entry (`declare module "../files/parts"`), so the type comes from
 * the module and this file imports none of them.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the part modules.
export interface Parts {}
export type PartName = keyof Parts;
export type Importers = { [K in PartName]: () => Promise<{ default: Parts[K] }> };

/** What a part's file finds on document.currentScript (see scripts/build.mjs). */
export interface PartScript extends HTMLScriptElement {
  osdiPart?: { shared: typeof shared; define(value: unknown): void };
}

let importers: Importers | undefined;
const loading: { [K in PartName]?: Promise<Parts[K]> } = {};
/** What readPart() has seen of each part. */
const arrived: { [K in PartName]?: Signal<Parts[K] | null | undefined> } = {};

/** Parts as imports (the ESM build, tests); without, files beside the script. */
export function setImports(imports: Importers | undefined): void {
  importers = imports;
  for (const name of Object.keys(loading)) delete loading[name as PartName];
  for (const name of Object.keys(arrived)) delete arrived[name as PartName];
}

function fromFile(name: PartName): Promise<unknown> {
  let value: unknown;
  return loadScript(
    `osdi-embed-${name}.js`,
    (s: PartScript) => {
      s.osdiPart = {
        shared,
        define: (v) => {
          value = v;
        },
      };
    },
    () => value !== undefined,
  ).then(() => value);
}

/** Loads a part once; after a failure (offline now, online later) the next call tries again. */
export function part<K extends PartName>(name: K): Promise<Parts[K]> {
  if (!loading[name]) {
    const load = (
      importers ? importers[name]().then((m) => m.default) : (fromFile(name) as Promise<Parts[K]>)
    ).then((value) => {
      // Read at once from now on: a render after this sees the part (hydration needs that).
      arrived[name] ??= signal(undefined) as (typeof arrived)[K];
      arrived[name]!.value = value;
      return value;
    });
    loading[name] = load.catch((e) => {
      delete loading[name];
      throw e;
    }) as (typeof loading)[K];
  }
  return loading[name] as Promise<Parts[K]>;
}

/**
 * A part's value: undefined while it is on its way, null when it cannot come
 * (the component shows what it can without it). A component that reads it
 * re-renders when that changes (it reads a signal); safe to call conditionally.
 */
export function readPart<K extends PartName>(name: K): Parts[K] | null | undefined {
  if (!arrived[name]) arrived[name] = signal(undefined) as (typeof arrived)[K];
  const value = arrived[name]!;
  if (value.peek() === undefined)
    part(name).then(
      (v) => {
        value.value = v;
      },
      () => {
        value.value = null;
      },
    );
  return value.value;
}

/** A part's value given outright, for a render with every part at hand (osdi-embed/server). */
export function provide<K extends PartName>(name: K, value: Parts[K]): void {
  arrived[name] = signal(value) as (typeof arrived)[K];
  loading[name] = Promise.resolve(value) as (typeof loading)[K];
}
