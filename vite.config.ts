import { defineConfig } from "vitest/config";
import { transform } from "./scripts/transform.mjs";

export default defineConfig({
  oxc: { jsx: transform.jsx, typescript: transform.typescript },
  define: transform.define,
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
      {
        extends: true,
        test: { name: "cli", include: ["test/cli/**/*.test.ts"], environment: "node" },
      },
    ],
  },
});
