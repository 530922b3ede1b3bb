// @ts-check
// dist-site/: the snippet builder and the docs as a static site, for organizers without a
// terminal. Any static host serves it, at its root or under a path (GitHub Pages serves a
// project at /<name>/): every address in it is relative.
//   index.html, docs/<name>.html   README.md and docs/*.md, rendered by marked, with the
//                                  headings' ids GitHub gives them, so the docs' links and
//                                  anchors work between the pages; a link to any other file
//                                  of the repository goes to it on GitHub
//   builder.html, builder.js       the demo's snippet builder (demo/builder.html with
//                                  dist/demo/builder.js), with no sandbox: nothing pre-filled,
//                                  its preview posts to the URL given
//   osdi-embed/                    the built widget (osdi-embed*.js, .css, integrity.json),
//                                  which the builder's preview mounts
//   site.css, builder.css, logo.svg  the builder's styles and icon (demo/)
//   docs.css                       the docs' styles (docs/site.css)
//   .nojekyll                      GitHub Pages serves the files as they are
// `node scripts/site.mjs` writes it from dist/ (npm run build does it too).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { posix } from "node:path";
import { pathToFileURL } from "node:url";
import { Marked } from "marked";
import { gfmHeadingId } from "marked-gfm-heading-id";

export const SITE = "dist-site";

const pkg = JSON.parse(readFileSync("package.json", "utf8"));
/** The repository on GitHub, from package.json: where links to other files go. */
export const REPOSITORY = String(pkg.repository.url)
  .replace(/^git\+/, "")
  .replace(/\.git$/, "");

/** The rendered pages: Markdown source -> page in the site. */
export function pages() {
  /** @type {Record<string, string>} */
  const map = { "README.md": "index.html" };
  for (const name of readdirSync("docs").sort())
    if (name.endsWith(".md")) map[`docs/${name}`] = `docs/${name.replace(/\.md$/, ".html")}`;
  return map;
}

/** @param {string} text */
const escapeHtml = (text) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

/**
 * A link of a Markdown file, as the site's page needs it: to another rendered page, its
 * page; to any other file of the repository, that file on GitHub; anything else as it is.
 * @param {string} href as written in the Markdown
 * @param {string} source the Markdown file, from the repository's root
 * @param {Record<string, string>} rendered
 */
export function siteLink(href, source, rendered) {
  if (href.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//"))
    return href;
  const [path = "", fragment] = href.split("#", 2);
  const hash = fragment === undefined ? "" : `#${fragment}`;
  const target = posix.normalize(posix.join(posix.dirname(source), path));
  const page = rendered[target];
  if (page) {
    const from = posix.dirname(rendered[source] ?? source);
    return `${posix.relative(from, page) || posix.basename(page)}${hash}`;
  }
  const folder = existsSync(target) && statSync(target).isDirectory() ? "tree" : "blob";
  return `${REPOSITORY}/${folder}/main/${target.replace(/\/$/, "")}${hash}`;
}

/**
 * One page of the site around rendered HTML.
 * @param {{ title: string, body: string, root: string, current: string, rendered: Record<string, string> }} page
 */
function layout({ title, body, root, current, rendered }) {
  const nav = [
    ["index.html", "Overview"],
    ["docs/reference.html", "Reference"],
    ["docs/recipes.html", "Recipes"],
    ["docs/command.html", "The command"],
    ["builder.html", "Snippet builder"],
  ]
    .filter(([href]) => href === "builder.html" || Object.values(rendered).includes(href))
    .map(
      ([href, words]) =>
        `<li><a href="${root}${href}"${href === current ? ' aria-current="page"' : ""}>${words}</a></li>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – osdi-embed</title>
<link rel="stylesheet" href="${root}docs.css">
</head>
<body>
<a class="skip-link" href="#content">Skip to the content</a>
<header class="site-header"><a class="site-name" href="${root}index.html">osdi-embed</a>
<nav aria-label="Site"><ul>${nav}</ul></nav></header>
<main id="content" tabindex="-1">
${body}
</main>
<footer class="site-footer"><p>osdi-embed ${escapeHtml(pkg.version)}, MIT licensed. <a href="${REPOSITORY}">Source on GitHub</a>.</p></footer>
</body>
</html>
`;
}

/**
 * A Markdown file as a page of the site.
 * @param {string} source from the repository's root
 * @param {Record<string, string>} rendered
 */
export function renderPage(source, rendered) {
  const out = rendered[source];
  if (!out) throw new Error(`${source} is not one of the site's pages`);
  const marked = new Marked(gfmHeadingId(), {
    gfm: true,
    walkTokens(token) {
      if (token.type === "link" || token.type === "image")
        token.href = siteLink(token.href, source, rendered);
    },
  });
  const markdown = readFileSync(source, "utf8");
  const body = /** @type {string} */ (marked.parse(markdown));
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1]?.replace(/[`*_]/g, "") ?? "osdi-embed";
  const root = "../".repeat(out.split("/").length - 1);
  return layout({ title, body, root, current: out, rendered });
}

/**
 * Replaces one exact piece of the builder page, or fails the build: when the demo's page
 * changes, this says what the site's copy no longer finds.
 * @param {string} text @param {string | RegExp} from @param {string} to
 */
function replaceOnce(text, from, to) {
  const found = typeof from === "string" ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`scripts/site.mjs: demo/builder.html no longer has ${from}`);
  return text.replace(from, to);
}

/** The demo's snippet builder, for a static host with no sandbox. */
export function builderPage() {
  let html = readFileSync("demo/builder.html", "utf8");
  html = replaceOnce(
    html,
    /<aside class="demo-note"[\s\S]*?<\/aside>/,
    `<aside class="demo-note" aria-label="About this page">
      <p>
        <strong>The snippet builder.</strong> The preview on this page is the real widget: it
        posts to the action whose API URL you give, so what you send here reaches Action
        Network. <a href="index.html">The docs</a> say where to paste the snippet.
      </p>
    </aside>`,
  );
  html = replaceOnce(
    html,
    /<a class="brand" href="\.\/">[\s\S]*?<\/a>/,
    `<a class="brand" href="index.html">
          <span class="brand__name">osdi-embed</span>
        </a>`,
  );
  html = replaceOnce(
    html,
    /<ul>\s*<li><a href="\.\/">Home<\/a><\/li>\s*<li><a href="events\.html">Events<\/a><\/li>/,
    `<ul>
            <li><a href="index.html">Docs</a></li>
            <li><a href="docs/recipes.html">Recipes</a></li>`,
  );
  html = replaceOnce(
    html,
    'value="http://127.0.0.1:4010/api/v2/petitions/df883b6a-3fe7-4525-982f-7a5909c1c665"',
    'value="" placeholder="https://actionnetwork.org/api/v2/petitions/…"',
  );
  html = replaceOnce(
    html,
    /The pre-filled URL is the local sandbox, where any id works\.\s*With a real URL, the preview posts for real\./,
    "The preview posts for real.",
  );
  html = replaceOnce(
    html,
    /see\s*<code>docs\/recipes\.md<\/code>\./,
    'see <a href="docs/recipes.html">the recipes</a>.',
  );
  html = replaceOnce(
    html,
    '<script src="/dist/osdi-embed.js" defer></script>',
    '<script src="osdi-embed/osdi-embed.js" defer></script>',
  );
  html = replaceOnce(
    html,
    '<script src="/dist/demo/builder.js" defer></script>',
    '<script src="builder.js" defer></script>',
  );
  return html.replace(
    /<!--[\s\S]*?-->\n?/,
    "<!-- osdi-embed's snippet builder (scripts/site.mjs writes it from demo/builder.html). -->\n",
  );
}

/** Writes dist-site/ from the repository and dist/ (run the build first). */
export function writeSite(out = SITE) {
  if (!existsSync("dist/osdi-embed.js") || !existsSync("dist/demo/builder.js"))
    throw new Error("scripts/site.mjs: build dist/ first (npm run build)");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(`${out}/docs`, { recursive: true });
  mkdirSync(`${out}/osdi-embed`);
  const rendered = pages();
  for (const source of Object.keys(rendered))
    writeFileSync(`${out}/${rendered[source]}`, renderPage(source, rendered));
  writeFileSync(`${out}/builder.html`, builderPage());
  copyFileSync("dist/demo/builder.js", `${out}/builder.js`);
  for (const file of ["site.css", "builder.css", "logo.svg"])
    copyFileSync(`demo/${file}`, `${out}/${file}`);
  copyFileSync("docs/site.css", `${out}/docs.css`);
  for (const file of readdirSync("dist"))
    if (/^osdi-embed[\w.-]*\.(js|css)$/.test(file) || file === "integrity.json")
      copyFileSync(`dist/${file}`, `${out}/osdi-embed/${file}`);
  // GitHub Pages: serve the files as they are (no Jekyll).
  writeFileSync(`${out}/.nojekyll`, "");
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const out = writeSite();
  console.log(`${out}/: ${readdirSync(out, { recursive: true }).length} files`);
}
