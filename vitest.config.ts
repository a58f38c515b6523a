import "./scripts/node20-polyfills.ts";
import { defineConfig } from "vitest/config";

// Unit and integration tests sit beside the code (x.test.ts). Browser journeys live in e2e/ with their own config.
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "apps/*/src/**/*.test.tsx"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
