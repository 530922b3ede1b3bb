/**
 * What a part's file borrows from osdi-embed.js instead of carrying its own copy:
 * one Preact, one signals runtime, one set of widget modules, so that a part's
 * components and state belong to the same widgets. The build fills this in for
 * dist/osdi-embed.js with exactly the bindings the parts import, each in the slot
 * the parts read it from (a table of values without names, scripts/build.mjs); it
 * stays empty where parts are ordinary imports (the ESM build, the tests).
 */
export const shared: unknown[] = [];
