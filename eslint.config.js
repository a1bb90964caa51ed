import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

// The functional core (workbook, indicators, plan) must stay plain TypeScript:
// it runs unchanged in Node, in a Web Worker and in tests.
const coreRestrictions = {
  patterns: [
    { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "The core imports no UI." },
    { group: ["@pnp/*", "@microsoft/teams-js", "@azure/*"], message: "The core knows nothing of SharePoint, Teams or sign-in." },
    { group: ["node:*", "fs", "path", "os", "http"], message: "The core does no I/O; pass bytes in." },
    { group: ["**/ui/**", "**/sharepoint/**", "**/teams/**", "**/auth/**", "**/localsp/**", "**/cli/**"], message: "Imports point inward." },
  ],
};

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", ".localsp/**", "appPackage/**", ".stryker-tmp/**", "reports/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
    },
  },
  {
    files: ["src/**/*.tsx", "src/ui/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    // Before the core's block: a later block's rule replaces an earlier one's for the files both match.
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/localsp/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/localsp", "**/localsp/**"], message: "The local SharePoint server is a stand-in for development and tests: the app reaches it only over HTTP, as it reaches SharePoint Online." }] },
      ],
    },
  },
  {
    files: ["src/workbook/**/*.ts", "src/indicators/**/*.ts", "src/plan/**/*.ts"],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      "no-restricted-imports": ["error", coreRestrictions],
      "no-restricted-globals": ["error", "window", "document", "localStorage", "sessionStorage", "fetch", "process"],
    },
  },
);
