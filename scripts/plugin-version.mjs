// @ts-check
// The WordPress plugin's version is package.json's. It is written in three places: the
// `Version:` header and OSDI_EMBED_VERSION of wordpress/osdi-embed/osdi-embed.php, and
// the `Stable tag:` of wordpress/osdi-embed/readme.txt.
//   node scripts/plugin-version.mjs           prints each place's version
//   node scripts/plugin-version.mjs --write   rewrites the three to package.json's version
//   node scripts/plugin-version.mjs --check   exits 1 when any of them differs
// `npm version` runs --write before it builds, so the zip carries the new version;
// prepublishOnly runs --check.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const PHP = "wordpress/osdi-embed/osdi-embed.php";
const README = "wordpress/osdi-embed/readme.txt";

/** Where the version is written: each pattern matches the version alone, once in its file. */
export const PLACES = [
  { file: PHP, name: "its Version header", pattern: /(?<=^ \* Version: +)\S+$/m },
  {
    file: PHP,
    name: "OSDI_EMBED_VERSION",
    pattern: /(?<=^define\( 'OSDI_EMBED_VERSION', ')[^']+(?=' \);$)/m,
  },
  { file: README, name: "its Stable tag", pattern: /(?<=^Stable tag: +)\S+$/m },
];

/**
 * package.json's version, and the version each place holds.
 * @param {string} [root] the folder that holds package.json and wordpress/
 */
export function pluginVersions(root = ".") {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const places = PLACES.map(({ file, name, pattern }) => {
    const text = readFileSync(join(root, file), "utf8");
    const found = text.match(new RegExp(pattern.source, "gm")) ?? [];
    if (found.length !== 1)
      throw new Error(`${file}: ${name} should be there once, found ${found.length} times`);
    return { file, name, version: found[0] };
  });
  return { version: /** @type {string} */ (version), places };
}

/**
 * Rewrites every place to package.json's version; returns the files it changed.
 * @param {string} [root]
 */
export function writePluginVersion(root = ".") {
  const { version, places } = pluginVersions(root);
  const changed = new Set(places.filter((p) => p.version !== version).map((p) => p.file));
  for (const file of changed) {
    let text = readFileSync(join(root, file), "utf8");
    for (const place of PLACES)
      if (place.file === file) text = text.replace(place.pattern, version);
    writeFileSync(join(root, file), text);
  }
  return [...changed];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const mode = process.argv[2];
  const { version, places } = pluginVersions();
  if (mode === "--write") {
    const changed = writePluginVersion();
    console.log(
      `the plugin is at ${version}${changed.length ? ` (rewrote ${changed.join(" and ")})` : ""}`,
    );
  } else if (mode === "--check") {
    const wrong = places.filter((p) => p.version !== version);
    if (wrong.length) {
      for (const p of wrong)
        console.error(
          `${p.file}: ${p.name} is ${p.version}, package.json's version is ${version}.`,
        );
      console.error(
        `Run \`node scripts/plugin-version.mjs --write\`, and commit ${[...new Set(wrong.map((p) => p.file))].join(" and ")}.`,
      );
      process.exit(1);
    }
    console.log(`the plugin's version is package.json's, ${version}`);
  } else if (mode === undefined)
    for (const p of places) console.log(`${p.file}: ${p.name} is ${p.version}`);
  else {
    console.error("usage: node scripts/plugin-version.mjs [--write | --check]");
    process.exit(2);
  }
}
