/**
 * The rooms of src/ and their one-way imports, enforced (decision 50): ui → app → adapters → domain.
 * - `boundaries/dependencies`: which room may import which, and which packages each may use;
 * - `no-restricted-globals` in the domain: no browser or Office global (its own tsconfig, without
 *   DOM and office-js types, refuses them at compile time too);
 * - react-hooks' rules in the UI, and Microsoft's office-addins rules on every Office call.
 * Formatting is Prettier's (`npm run format:check`), not a lint rule.
 */
import boundaries from "eslint-plugin-boundaries";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const ROOMS = ["domain", "adapters", "app", "ui", "harness", "cli"];

/** What each room may import: rooms, rooms for types only, packages, and whether node's own modules (`node`). */
const ALLOWED = {
  domain: { rooms: ["domain"], packages: [] },
  adapters: { rooms: ["adapters", "domain"], packages: ["@azure/msal-browser", "@microsoft/microsoft-graph-client", "idb"] },
  app: { rooms: ["app", "adapters", "domain"], packages: ["dompurify", "@azure/msal-browser"] },
  // the UI reaches the adapters only for their types (the app composes them)
  ui: { rooms: ["ui", "app", "domain", "assets"], typeRooms: ["adapters"], packages: ["react", "react-dom", "react-dom/client", "@fluentui/react-components"] },
  harness: {
    rooms: ["harness", "ui", "app", "adapters", "domain"],
    node: true,
    packages: ["react", "react-dom", "react-dom/client", "@fluentui/react-components"],
  },
  cli: { rooms: ["cli", "app", "adapters", "domain"], node: true, packages: ["@microsoft/microsoft-graph-client"] },
};

const BROWSER_AND_OFFICE = [
  "window",
  "document",
  "navigator",
  "localStorage",
  "sessionStorage",
  "indexedDB",
  "location",
  "fetch",
  "XMLHttpRequest",
  "Office",
  "OfficeRuntime",
  "Excel",
  "Word",
].map((name) => ({
  name,
  message: "The domain core is plain TypeScript: reach the browser or Office through an adapter (src/adapters/).",
}));

export default tseslint.config(
  { ignores: ["dist/**", "dist-*/**", "node_modules/**", ".harness-data/**", "coverage/**", "reports/**", ".stryker-tmp/**"] },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: "latest", sourceType: "module", ecmaFeatures: { jsx: true } } },
    plugins: { boundaries, "react-hooks": reactHooks, "office-addins": officeAddins },
    settings: {
      "boundaries/elements": [...ROOMS.map((type) => ({ type, pattern: `src/${type}` })), { type: "assets", pattern: "assets" }],
      "boundaries/include": ["src/**/*", "assets/**/*"],
      "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".json"] } },
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          checkAllOrigins: true,
          policies: ROOMS.flatMap((room) => {
            const a = ALLOWED[room];
            return [
              { from: { element: { type: room } }, allow: { to: { element: { types: { anyOf: a.rooms } } } } },
              ...(a.typeRooms
                ? [{ from: { element: { type: room } }, allow: { to: { element: { types: { anyOf: a.typeRooms } } }, dependency: { kind: "type" } } }]
                : []),
              ...(a.packages.length ? [{ from: { element: { type: room } }, allow: { to: { module: { origin: "external", source: a.packages } } } }] : []),
              ...(a.node ? [{ from: { element: { type: room } }, allow: { to: { module: { origin: "core" } } } }] : []),
            ];
          }),
        },
      ],
      "boundaries/no-unknown-dependencies": "error",
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}", "src/harness/**/*.{ts,tsx}"],
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["src/domain/**/*.ts"],
    ignores: ["src/domain/**/*.test.ts"],
    rules: { "no-restricted-globals": ["error", ...BROWSER_AND_OFFICE] },
  },
  {
    // tests may use their fixtures and node's own modules anywhere
    files: ["src/**/*.test.{ts,tsx}"],
    rules: { "boundaries/dependencies": "off", "boundaries/no-unknown-dependencies": "off" },
  },
);
