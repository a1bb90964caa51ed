import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import fs from "node:fs";
import path from "node:path";

// The functional core (workbook, indicators, plan) must stay plain TypeScript:
// it runs unchanged in Node, in a Web Worker and in tests.
const coreRestrictions = {
  patterns: [
    { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "The core imports no UI." },
    {
      group: ["@pnp/*", "@microsoft/teams-js", "@azure/*"],
      message: "The core knows nothing of SharePoint, Teams or sign-in.",
    },
    { group: ["node:*", "fs", "path", "os", "http"], message: "The core does no I/O; pass bytes in." },
    {
      group: ["**/ui/**", "**/sharepoint/**", "**/teams/**", "**/auth/**", "**/localsp/**", "**/cli/**"],
      message: "Imports point inward.",
    },
  ],
};

// The src/ folders the rule above leaves open to the core; each core folder below closes those it must not reach.
const OTHER_FOLDERS = ["workbook", "indicators", "plan", "reports", "demo", "i18n", "packaging", "shared"];
const folders = (names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);
const otherFoldersThan = (...allowed) => folders(OTHER_FOLDERS.filter((name) => !allowed.includes(name)));
const coreWith = (...patterns) => ["error", { patterns: [...coreRestrictions.patterns, ...patterns] }];

// A folder of src with an index.ts shows the rest of the app that index alone: code outside the folder imports
// the folder (or a sub-folder with its own index.ts), never a file inside it, so the folder may rearrange its
// insides. A dynamic import() may name one module: it loads that module on demand, apart from the first download.
const publicFaces = {
  meta: {
    type: "problem",
    schema: [],
    messages: { inside: 'Import "{{folder}}" through its index ("{{face}}"), not a file inside it.' },
  },
  create(context) {
    const src = path.join(context.cwd, "src");
    const file = path.resolve(context.cwd, context.filename);
    const within = (p, dir) => p === dir || p.startsWith(dir + path.sep);
    const isFace = (dir) => fs.existsSync(path.join(dir, "index.ts"));
    const moduleFile = (base) =>
      [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((c) => fs.existsSync(c));
    function check(node) {
      const spec = node?.value;
      if (typeof spec !== "string" || !spec.startsWith(".")) return;
      const base = path.resolve(path.dirname(file), spec);
      const target = moduleFile(base);
      if (!target) return;
      let folder = null; // the outermost face around the target that the importing file is outside of
      for (let dir = path.dirname(target); within(dir, src) && dir !== src; dir = path.dirname(dir)) {
        if (isFace(dir) && !within(file, dir)) folder = dir;
      }
      if (!folder || target.endsWith(`${path.sep}index.ts`)) return;
      let face = path.dirname(target);
      while (!isFace(face)) face = path.dirname(face);
      let suggestion = path.relative(path.dirname(file), face).split(path.sep).join("/");
      if (!suggestion.startsWith(".")) suggestion = `./${suggestion}`;
      context.report({ node, messageId: "inside", data: { folder: path.relative(src, folder), face: suggestion } });
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "build/**",
      "node_modules/**",
      "coverage/**",
      ".localsp/**",
      "appPackage/**",
      ".stryker-tmp/**",
      "reports/**",
    ],
  },
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
        {
          patterns: [
            {
              group: ["**/localsp", "**/localsp/**"],
              message:
                "The local SharePoint server is a stand-in for development and tests: the app reaches it only over HTTP, as it reaches SharePoint Online.",
            },
          ],
        },
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
  {
    // The indicators count records of their own input model (src/indicators/input), whatever supplied them
    // (a workbook, a CSV, a database, an API), so another standard can reuse them.
    files: ["src/indicators/**/*.ts"],
    rules: {
      "no-restricted-imports": coreWith({
        group: otherFoldersThan("indicators", "shared"),
        message:
          "The indicators import only their own folder and src/shared: their input model is src/indicators/input.",
      }),
    },
  },
  {
    // The input model is the indicators' contract with every source: it stands on its own.
    files: ["src/indicators/input/**/*.ts"],
    rules: {
      "no-restricted-imports": coreWith({
        regex: "^\\.\\./",
        message: "The indicators' input model imports nothing outside src/indicators/input.",
      }),
    },
  },
  {
    // The reader is an adapter onto the indicators' input model: it may build those records, nothing more of the indicators.
    files: ["src/workbook/**/*.ts"],
    rules: {
      "no-restricted-imports": coreWith(
        {
          regex: "(^|/)indicators(?!/input$)(/|$)",
          message: "The workbook reader imports of the indicators only their input model, src/indicators/input.",
        },
        {
          group: otherFoldersThan("workbook", "indicators", "shared"),
          message: "The workbook reader imports only its own folder, src/indicators/input and src/shared.",
        },
      ),
    },
  },
  {
    files: ["src/shared/**/*.ts"],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      "no-restricted-imports": coreWith({
        group: otherFoldersThan("shared"),
        message: "src/shared is imported by the other folders and imports none of them.",
      }),
      "no-restricted-globals": ["error", "window", "document", "localStorage", "sessionStorage", "fetch", "process"],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    plugins: { wres: { rules: { "public-faces": publicFaces } } },
    rules: { "wres/public-faces": "error" },
  },
  {
    // CommonJS on purpose (the command line's launcher: see its header), so require is how it loads.
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
