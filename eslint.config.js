// Type-aware lint: the rules STYLE.md asks for are enforced here, not only written down.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "out/**",
      "tmp/**",
      ".steward-data/**",
      "**/*.mjs",
      "bin/**",
      "eslint.config.js",
      "content/**",
      "web/dist/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      // node:test's describe/it return promises the runner itself awaits.
      "@typescript-eslint/no-floating-promises": [
        "error",
        {
          allowForKnownSafeCalls: [
            { from: "package", package: "node:test", name: ["describe", "it", "test", "suite"] },
          ],
        },
      ],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unnecessary-condition": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through src/config.ts only." },
      ],
    },
  },
  // The web UI: the rules of hooks (stale closures and conditional hooks are the bugs types miss).
  { files: ["web/**/*.{ts,tsx}"], ...reactHooks.configs.flat.recommended },
  {
    files: ["src/config.ts", "test/**", "bench/**", "**/*.test.ts"],
    rules: { "no-restricted-properties": "off" },
  },
);
