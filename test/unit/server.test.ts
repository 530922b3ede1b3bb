// @vitest-environment node
/**
 * On a server (server-side rendering, a plain Node import) there is no document:
 * importing the package does nothing, and mount, scan, observe and unmount do
 * nothing either, without throwing.
 */
import { expect, it, vi } from "vitest";
import { PETITION } from "./helpers";

it("imports without touching anything global, and every call does nothing", async () => {
  const globals = Object.getOwnPropertyNames(globalThis);
  const timer = vi.spyOn(globalThis, "setTimeout");
  const api = await import("../../src/index");
  expect(Object.getOwnPropertyNames(globalThis)).toEqual(globals);
  expect(timer).not.toHaveBeenCalled();

  // What a server-rendered component would pass: no element yet, or a stand-in.
  const el = {} as HTMLElement;
  expect(api.mount(el)).toBeNull();
  expect(api.mount(el, { action: PETITION, fields: ["email"], onReady() {} })).toBeNull();
  expect(api.mount(undefined as never)).toBeNull();
  expect(api.scan()).toEqual([]);
  expect(api.scan(el)).toEqual([]);
  expect(api.observe()).toBeUndefined();
  expect(api.unmount(el)).toBeUndefined();
  expect(api.unmount(undefined as never)).toBeUndefined();
  expect(Object.getOwnPropertyNames(globalThis)).toEqual(globals);
  expect(timer).not.toHaveBeenCalled();

  // What needs no page works as anywhere.
  expect(typeof api.version).toBe("string");
  expect(api.parseOptions({ action: PETITION }, { href: "https://example.org/" }).kind).toBe(
    "petition",
  );
});

it("loads the script tag's own file on a server without throwing or setting a global", async () => {
  const globals = Object.getOwnPropertyNames(globalThis);
  await import("../../src/browser");
  expect(Object.getOwnPropertyNames(globalThis)).toEqual(globals);
  expect((globalThis as { OsdiEmbed?: unknown }).OsdiEmbed).toBeUndefined();
});
