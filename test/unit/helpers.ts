/** Shared fixtures for the unit tests: action URLs of every kind, a page, and error capture. */
import { AuthorError } from "../../src/config/log";
import { type Options, parseOptions } from "../../src/config/parse";

export const PETITION =
  "https://actionnetwork.org/api/v2/petitions/7580a324-9a72-11e3-a2e9-12313d316c29";
export const FORM = "https://actionnetwork.org/api/v2/forms/2b2e4a3c-1d5f-4f6a-9c3e-7f1a2b3c4d5e";
export const EVENT = "https://actionnetwork.org/api/v2/events/8a625981-67a4-4457-8b55-2e30b267b2c2";
export const CAMPAIGN_EVENT =
  "https://actionnetwork.org/api/v2/event_campaigns/0d0a4b8e-51c2-4f3c-8f2b-6b7f1c9a2e31/events/8a625981-67a4-4457-8b55-2e30b267b2c2";

export const PAGE = { href: "https://example.org/take-action" };

/** parseOptions with a petition action unless the attributes say otherwise. */
export const parse = (attrs: Record<string, string> = {}, page = PAGE): Options =>
  parseOptions({ action: PETITION, ...attrs }, page);

/** The AuthorError that fn throws; fails the test if it throws nothing or something else. */
export function authorError(fn: () => unknown): AuthorError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AuthorError) return e;
    throw new Error(`expected an AuthorError, got ${String(e)}`);
  }
  throw new Error("expected an AuthorError, but nothing was thrown");
}
