// Shared set-up for the helper sandbox tests: a sandbox on a free port over a temp dir.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Sandbox, SandboxOptions } from "../../sandbox/server.mjs";
import { startSandbox } from "../../sandbox/server.mjs";

export interface Opened {
  sandbox: Sandbox;
  dataDir: string;
  /** Stops the sandbox and deletes its data. */
  dispose(): Promise<void>;
}

/** Rate limit off unless a test asks for it, so only the rate-limit tests see 429s. */
export async function openSandbox(options: SandboxOptions = {}): Promise<Opened> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "osdi-sandbox-"));
  const sandbox = await startSandbox({ port: 0, quiet: true, rateLimit: 0, ...options, dataDir });
  return {
    sandbox,
    dataDir,
    async dispose() {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PETITION = "/api/v2/petitions/7580a324-9a72-11e3-a2e9-12313d316c29/signatures";
export const FORM = "/api/v2/forms/65345d7d-cd24-466a-a698-4a7686ef684f/submissions";
export const EVENT = "/api/v2/events/8a625981-67a4-4457-8b55-2e30b267b2c2/attendances";
export const CAMPAIGN_EVENT =
  "/api/v2/event_campaigns/ec-1/events/8a625981-67a4-4457-8b55-2e30b267b2c2/attendances";

/** The body of section 4 of the embed contract. */
export function contractBody(): Record<string, unknown> {
  return {
    person: {
      given_name: "Ada",
      family_name: "Lovelace",
      email_addresses: [{ address: "ada@example.org" }],
      phone_numbers: [{ number: "12025550123" }],
      postal_addresses: [{ postal_code: "20009", country: "US" }],
      custom_fields: { issue: "Housing" },
    },
    comments: "petitions only, when given",
    add_tags: ["climate", "volunteer"],
    triggers: { autoresponse: { enabled: true } },
    "action_network:referrer_data": { source: "newsletter", website: "example.org" },
  };
}

/** A minimal valid body for any kind (no comments). */
export function personBody(email = "ada@example.org", extra: Record<string, unknown> = {}) {
  return { person: { given_name: "Ada", email_addresses: [{ address: email }] }, ...extra };
}

export function post(
  sandbox: Sandbox,
  pathAndQuery: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(sandbox.url + pathAndQuery, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: "http://host.example", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function get(sandbox: Sandbox, pathAndQuery: string, key: string | null = sandbox.apiKey) {
  return fetch(pathAndQuery.startsWith("http") ? pathAndQuery : sandbox.url + pathAndQuery, {
    headers: key === null ? {} : { "OSDI-API-Token": key },
  });
}

export async function control<T = unknown>(
  sandbox: Sandbox,
  name: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(`${sandbox.url}/_sandbox/${name}`, {
    method: init.method ?? "GET",
    ...(init.body === undefined
      ? {}
      : { headers: { "Content-Type": "application/json" }, body: JSON.stringify(init.body) }),
  });
  return (await response.json()) as T;
}

export async function waitFor<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 2000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("waitFor: timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface SandboxRecord {
  id: string;
  kind: string;
  actionId: string;
  eventCampaignId?: string;
  path: string;
  body: unknown;
  background: boolean;
  created_date: string;
  modified_date: string;
  updates: number;
  personId: string;
  tags: string[];
  warnings: string[];
}

export interface SandboxRejection {
  code: string;
  reason: string;
  reasons: { code: string; message: string }[];
  status: number;
  background: boolean;
  path: string;
  body: unknown;
}

export interface SandboxEmail {
  to: string;
  subject: string;
  text: string;
  action: { kind: string; id: string };
}

export interface SandboxRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  origin: string | null;
  contentType: string | null;
  credentials: boolean;
  outcome: string;
}
