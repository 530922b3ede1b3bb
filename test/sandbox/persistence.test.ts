import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox/server.mjs";
import {
  control,
  FORM,
  get,
  PETITION,
  personBody,
  post,
  type SandboxEmail,
  type SandboxRecord,
  type SandboxRejection,
  type SandboxRequest,
} from "./support";

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "osdi-sandbox-persist-"));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const start = () => startSandbox({ port: 0, dataDir, quiet: true, rateLimit: 0 });
const autoresponse = { triggers: { autoresponse: { enabled: true } } };

describe("persistence", () => {
  it("keeps records, people, rejections, outbox, requests and the key across a restart", async () => {
    const first = await start();
    await post(first, PETITION, personBody("ada@example.org", autoresponse));
    await post(first, FORM, { person: {} });
    const before = {
      records: await control<SandboxRecord[]>(first, "records"),
      people: await control<unknown[]>(first, "people"),
      rejections: await control<SandboxRejection[]>(first, "rejections"),
      outbox: await control<SandboxEmail[]>(first, "outbox"),
      requests: await control<SandboxRequest[]>(first, "requests"),
    };
    const key = first.apiKey;
    await first.close();

    const files = readdirSync(dataDir).sort();
    expect(files).toEqual([
      "config.json",
      "outbox.json",
      "people.json",
      "records.json",
      "rejections.json",
      "requests.json",
    ]);
    expect(JSON.parse(readFileSync(path.join(dataDir, "config.json"), "utf8"))).toEqual({
      apiKey: key,
    });

    const second = await start();
    try {
      expect(second.apiKey).toBe(key);
      expect(await control(second, "records")).toEqual(before.records);
      expect(await control(second, "people")).toEqual(before.people);
      expect(await control(second, "rejections")).toEqual(before.rejections);
      expect(await control(second, "outbox")).toEqual(before.outbox);
      expect(before.records).toHaveLength(1);
      expect(before.rejections).toHaveLength(1);
      expect(before.outbox).toHaveLength(1);
      expect(await control(second, "requests")).toEqual(before.requests);
      expect(before.requests).toHaveLength(2);

      // Dedup still knows the person after the restart.
      await post(second, PETITION, personBody("ada@example.org", autoresponse));
      const records = await control<SandboxRecord[]>(second, "records");
      expect(records).toHaveLength(1);
      expect(records[0]?.updates).toBe(1);
      expect(await control<unknown[]>(second, "outbox")).toHaveLength(1);
      expect((await get(second, PETITION)).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("leaves no temp files behind", async () => {
    const sandbox = await start();
    for (let i = 0; i < 5; i += 1) await post(sandbox, PETITION, personBody(`p${i}@example.org`));
    await sandbox.close();
    expect(readdirSync(dataDir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("processes a queued background post before close resolves", async () => {
    const first = await start();
    await post(first, `${PETITION}?background_request=true`, personBody());
    await first.close();
    const second = await start();
    try {
      const records = await control<SandboxRecord[]>(second, "records");
      expect(records).toHaveLength(1);
      expect(records[0]?.background).toBe(true);
    } finally {
      await second.close();
    }
  });

  it("reset clears every table but keeps the key", async () => {
    const sandbox = await start();
    try {
      await post(sandbox, PETITION, personBody("ada@example.org", autoresponse));
      await post(sandbox, PETITION, { person: {} });
      const key = sandbox.apiKey;
      const answer = await control<{ ok: boolean }>(sandbox, "reset", { method: "POST" });
      expect(answer.ok).toBe(true);
      for (const name of ["records", "people", "rejections", "outbox", "requests"]) {
        expect(await control<unknown[]>(sandbox, name)).toEqual([]);
        expect(JSON.parse(readFileSync(path.join(dataDir, `${name}.json`), "utf8"))).toEqual([]);
      }
      expect((await get(sandbox, PETITION, key)).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it("uses an apiKey option without replacing the stored one", async () => {
    const first = await start();
    const stored = first.apiKey;
    await first.close();
    const custom = await startSandbox({ port: 0, dataDir, quiet: true, apiKey: "custom-key" });
    try {
      expect(custom.apiKey).toBe("custom-key");
      expect((await get(custom, PETITION, "custom-key")).status).toBe(200);
      expect((await get(custom, PETITION, stored)).status).toBe(403);
    } finally {
      await custom.close();
    }
    const again = await start();
    expect(again.apiKey).toBe(stored);
    await again.close();
  });

  it("refuses to start over a corrupt data file rather than overwrite it", async () => {
    const first = await start();
    await first.close();
    writeFileSync(path.join(dataDir, "records.json"), "{ half");
    await expect(start()).rejects.toThrow(/records\.json/);
  });
});
