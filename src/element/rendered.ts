/**
 * Markup rendered ahead (osdi-embed/server) carries a mark on its container:
 * data-osdi-rendered="<uid> <stamp>". The stamp is a short hash of what the markup
 * was rendered for: the version, the container's data-osdi-* attributes and how many
 * elements it holds. The script hydrates markup only when it computes the same
 * stamp for the container as it finds; anything else is drawn afresh.
 */
import { PREFIX } from "../config/attributes";
import type { Raw } from "../config/parse";
import { version } from "../version";

export const RENDERED = `${PREFIX}rendered`;

/** The stamp for these attributes (the marks "rendered" and "mounted" left out) and element count. */
export function stamp(raw: Raw, elements: number): string {
  // In the order written (the server writes them in one order, the page keeps it).
  const text = JSON.stringify([
    version,
    elements,
    Object.entries(raw).filter(([name]) => name !== "rendered" && name !== "mounted"),
  ]);
  // FNV-1a, 32 bits: cheap, and any change of a character changes it.
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36);
}
