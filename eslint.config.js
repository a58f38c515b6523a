// Lint, with the import boundaries of CONVENTIONS.md §11 as rules so a slip fails CI.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const onlyRelative = (message) => ({ regex: "^(?!\\.{1,2}/)", message });
const restrict = (...patterns) => ["error", { patterns }];

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "**/.kexin-data/**", "coverage/**", "**/.scratch/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "warn",
      "no-console": "off",
    },
  },
  {
    files: ["packages/analytics/src/**/*.ts"],
    ignores: ["**/*.test.ts", "**/*.test-support.ts"],
    rules: {
      "no-restricted-imports": restrict(onlyRelative("packages/analytics imports nothing outside itself")),
    },
  },
  {
    files: ["packages/analytics/src/**/*.test.ts", "packages/analytics/src/**/*.test-support.ts"],
    rules: {
      "no-restricted-imports": restrict({
        regex: "^@kexin/(?!analytics)",
        message: "analytics tests may use node: and vitest, never other Kexin packages",
      }),
    },
  },
  {
    files: ["packages/contracts/src/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict({ regex: "^(?!\\.{1,2}/|zod$)", message: "contracts import only zod" }),
    },
  },
  {
    files: ["apps/web/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "no-restricted-imports": restrict(
        {
          // survey-answers is the zod-free validation the respondent page shares with the server.
          regex: "^@kexin/(?!contracts$|contracts/survey-answers$|analytics$)",
          message: "web uses only @kexin/contracts (and its zod-free survey-answers) and @kexin/analytics",
        },
        { regex: "^node:", message: "web code runs in the browser" },
        { regex: "(\\.\\./)+(apps|packages)/", message: "reach other workspaces by package name" },
      ),
    },
  },
  {
    // The respondent page must stay small: types from @kexin/contracts only (its values load zod), no dashboard libraries.
    files: ["apps/web/src/respond/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@kexin/contracts", allowTypeImports: true, message: "import values from @kexin/contracts/survey-answers" }],
          patterns: [
            { regex: "^(react|react-dom|antd|@ant-design/.*|i18next|react-i18next|echarts|dayjs)$", message: "the respondent page does not load dashboard libraries" },
          ],
        },
      ],
    },
  },
  {
    // The CLI starts the server, so it may use the server's public entry (@kexin/server), never its internals.
    files: ["apps/cli/src/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict(
        { regex: "^@kexin/[a-z]+/.+", message: "use a package's public entry, not its internals" },
        { regex: "(\\.\\./)+(server|web)/", message: "reach other workspaces by package name" },
      ),
    },
  },
  {
    files: ["apps/server/src/domain/**/*.ts", "apps/server/src/db/**/*.ts", "apps/server/src/jobs/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict(
        { regex: "/http/", message: "nothing imports http: it is the outer layer (http → domain → db | jobs)" },
        { regex: "^@kexin/(?!contracts$|analytics$)", message: "server code uses only contracts and analytics" },
      ),
    },
  },
  {
    files: ["apps/server/src/db/migrations/**/*.ts"],
    rules: {
      "no-restricted-imports": restrict({
        regex: "^(?!kysely$)",
        message: "migrations are frozen in time: they import only kysely, never app code",
      }),
    },
  },
);
