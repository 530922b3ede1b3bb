// @ts-check
// The shape of src/ in numbers, for reviews: its module-level `let`s (state a module
// keeps) and its biggest functions, in lines. `node scripts/shape.mjs [how many]`.
// (Which folder may import which is held by test/build/layers.test.ts.)
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAst } from "rolldown/parseAst";

/** @param {string} dir @returns {string[]} */
const walk = (dir) =>
  readdirSync(dir).flatMap((name) =>
    statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)],
  );

const files = walk("src").filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".d.ts"));
/** @type {string[]} */
const lets = [];
/** @type {[number, string][]} */
const functions = [];
for (const file of files) {
  const code = readFileSync(file, "utf8");
  /** @param {number} offset */
  const line = (offset) => code.slice(0, offset).split("\n").length;
  const program = parseAst(code, { lang: file.endsWith("x") ? "tsx" : "ts" });
  for (const statement of program.body) {
    const declaration =
      statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type === "VariableDeclaration" && declaration.kind === "let")
      lets.push(`${file}:${line(declaration.start)}`);
  }
  /** @param {any} node @param {string} [name] */
  const visit = (node, name) => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child, name);
      return;
    }
    if (/Function|Arrow/.test(node.type) && node.body)
      functions.push([
        line(node.end) - line(node.start) + 1,
        `${file}:${line(node.start)} ${node.id?.name ?? name ?? "(anonymous)"}`,
      ]);
    const named =
      node.type === "VariableDeclarator"
        ? node.id?.name
        : node.type === "Property" || node.type === "MethodDefinition"
          ? node.key?.name
          : name;
    for (const [key, child] of Object.entries(node)) if (key !== "type") visit(child, named);
  };
  visit(program);
}
functions.sort((a, b) => b[0] - a[0]);
console.log(`module-level lets in src/: ${lets.length}`);
for (const at of lets) console.log(`  ${at}`);
console.log("biggest functions (lines):");
for (const [lines, at] of functions.slice(0, Number(process.argv[2] ?? 5)))
  console.log(`  ${lines} ${at}`);
