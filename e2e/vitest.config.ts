import "../scripts/node20-polyfills.ts";
import { defineConfig } from "vitest/config";

// Browser journeys: a real Kexin server on an embedded database, driven in Debian's headless Chromium.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: "forks",
    fileParallelism: false,
  },
});
