import { defineConfig } from "vitest/config";

/** Shared by the library build (scripts/build.mjs) and the unit tests. */
export const oxc = { jsx: { runtime: "automatic" as const, importSource: "preact" } };

export default defineConfig({
  oxc,
  define: { __VERSION__: JSON.stringify(process.env.npm_package_version ?? "dev") },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.{ts,tsx}"], environment: "happy-dom" },
      },
      {
        extends: true,
        test: { name: "sandbox", include: ["test/sandbox/**/*.test.ts"], environment: "node" },
      },
    ],
  },
});
