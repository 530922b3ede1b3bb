import { defineConfig } from "vitest/config";

/** JSX as the library build (scripts/build.mjs) compiles it: classic h(), no jsx-runtime bytes. */
export const oxc = {
  jsx: { runtime: "classic" as const, pragma: "h", pragmaFrag: "Fragment" },
};

export default defineConfig({
  oxc,
  define: { __VERSION__: JSON.stringify(process.env.npm_package_version ?? "dev") },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
          setupFiles: ["test/setup-fixes.ts"],
        },
      },
      {
        extends: true,
        test: { name: "sandbox", include: ["test/sandbox/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: { name: "build", include: ["test/build/**/*.test.ts"], environment: "node" },
      },
    ],
  },
});
