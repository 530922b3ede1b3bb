// @ts-check
// The sandbox's command line: `node sandbox/cli.mjs [--port N] [--data DIR] …`
// (npm run sandbox). It parses the options, starts the server and prints where it is.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { EXAMPLE_ACTIONS } from "./paths.mjs";
import { startSandbox } from "./server.mjs";

/** @import { SandboxOptions } from "./server.mjs" */

export const USAGE =
  "usage: node sandbox/cli.mjs [--port N] [--host H] [--data DIR] [--rate-limit N]\n" +
  "                            [--api-key KEY] [--expose-retry-after] [--quiet]";

/**
 * @param {string[]} argv the arguments after the script's name
 * @returns {SandboxOptions & { help?: boolean }}
 */
export function parseArgs(argv) {
  /** @type {SandboxOptions & { help?: boolean }} */
  const options = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = /** @type {string} */ (argv[i]);
    const [flag, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const value = () => {
      const given = inline ?? argv[++i];
      if (given === undefined) throw new Error(`${flag} needs a value`);
      return given;
    };
    /** @param {string} text */
    const wholeNumber = (text) => {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 0)
        throw new Error(`${flag} needs a whole number, not ${text}`);
      return n;
    };
    switch (flag) {
      case "--port":
        options.port = wholeNumber(value());
        break;
      case "--host":
        options.host = value();
        break;
      case "--data":
        options.dataDir = value();
        break;
      case "--rate-limit":
        options.rateLimit = wholeNumber(value());
        break;
      case "--api-key":
        options.apiKey = value();
        break;
      case "--expose-retry-after":
        options.exposeRetryAfter = true;
        break;
      case "--quiet":
        options.quiet = true;
        break;
      case "--help":
      case "-h":
        options.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

async function main() {
  /** @type {ReturnType<typeof parseArgs>} */
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`sandbox: ${/** @type {Error} */ (error).message}; see --help`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { help: _help, ...sandboxOptions } = options;
  const sandbox = await startSandbox(sandboxOptions);
  const rate = sandboxOptions.rateLimit ?? 4;
  const lines = [
    `osdi-embed helper sandbox on ${sandbox.url}`,
    `  sandbox page:    ${sandbox.url}/`,
    `  data directory:  ${sandbox.store.dataDir}`,
    `  rate limit:      ${rate > 0 ? `${rate} requests per second` : "off"}`,
    "  action URLs for data-osdi-action (any id works):",
    ...EXAMPLE_ACTIONS.map((a) => `    ${a.kind.padEnd(9)}${sandbox.url}${a.path}`),
    `  API key for the keyed API (OSDI-API-Token): ${sandbox.apiKey}`,
    `    curl -H 'OSDI-API-Token: ${sandbox.apiKey}' '${sandbox.url}/api/v2/petitions'`,
    `    curl -H 'OSDI-API-Token: ${sandbox.apiKey}' '${sandbox.url}${EXAMPLE_ACTIONS[0]?.path}/signatures'`,
  ];
  console.log(lines.join("\n"));
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

const invoked = process.argv[1];
if (invoked && pathToFileURL(path.resolve(invoked)).href === import.meta.url) {
  main().catch((error) => {
    console.error(`sandbox: ${/** @type {Error} */ (error).message}`);
    process.exit(1);
  });
}
