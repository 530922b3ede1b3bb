// Runs the package's command (bin/osdi-embed.mjs) as a user would: its own Node
// process, the key in its environment, its output and exit code read back.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import path from "node:path";

export const COMMAND = path.resolve("bin/osdi-embed.mjs");

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment without any key of the machine running the tests. */
function cleanEnv(extra: Record<string, string>) {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== "ACTION_NETWORK_API_KEY") env[name] = value;
  }
  return { ...env, ...extra };
}

/** Runs `osdi-embed <args>` with stdin closed (not a terminal). */
export function runCommand(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [COMMAND, ...args], {
      env: cleanEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs the command in a pseudo-terminal (util-linux `script`), types `typed` once the
 * key prompt shows, and gives back everything the terminal showed.
 */
export function runInTerminal(
  args: string[],
  typed: string,
): Promise<{ code: number | null; shown: string }> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, COMMAND, ...args]
      .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
      .join(" ");
    const child = spawn("script", ["-qec", command, "/dev/null"], {
      env: cleanEnv({}),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let shown = "";
    let typedYet = false;
    child.stdout.on("data", (chunk) => {
      shown += chunk;
      if (!typedYet && shown.includes("(not shown): ")) {
        typedYet = true;
        child.stdin.write(typed);
      }
    });
    child.stderr.on("data", (chunk) => {
      shown += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, shown }));
  });
}

/** A server answering every request with one status and headers, for the errors the sandbox cannot make. */
export async function stubServer(
  status: number,
  headers: Record<string, string>,
  body: string,
): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(status, { "Content-Type": "application/json", ...headers });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A local port where nothing listens. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  await new Promise((resolve) => server.close(resolve));
  return address.port;
}
