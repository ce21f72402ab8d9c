// One linter for the whole tree (docs/decisions/005-formatting-and-linting.md): Next's
// core-web-vitals rules (with React, react-hooks and the compiler-era hook rules such as
// set-state-in-effect), typescript-eslint's type-aware recommended rules and jsx-a11y's
// recommended rules. `npm run lint` fails on any warning.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import tseslint from "typescript-eslint";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ["**/*.tsx"],
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A region that scrolls sideways (a wide table on a phone) must take focus so that keyboard
      // users can scroll it (axe: scrollable-region-focusable); other non-interactive roles may not.
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"], tags: [] }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
    },
  },
  {
    // zod only through lib/validation/zod.ts, which installs the Swedish error map in every bundle.
    files: ["**/*.{ts,tsx}"],
    ignores: ["lib/validation/zod.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "zod",
              message: 'Import z from "@/lib/validation/zod" (it installs the Swedish messages).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".data/**",
    "lib/generated/**",
    "test-results/**",
    "playwright-report/**",
    "bench-results/**",
    "bench/yardstick/.next/**",
    "next-env.d.ts",
  ]),
]);
