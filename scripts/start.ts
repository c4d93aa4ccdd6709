/** `npm start`: build the harness and serve it on localhost. No account, tenant or network needed. */
import { buildHarness } from "./build-harness";
import { resolve } from "node:path";
import { startHarnessServer } from "./server";

const port = Number(process.env["PORT"] ?? 3000);
await buildHarness();
const server = await startHarnessServer({
  port: Number.isFinite(port) ? port : 3000,
  dataFile: resolve(import.meta.dirname, "..", ".harness-data", "sharepoint.json"),
});
console.log(`\nMember inbox triage — local harness (an Outlook stand-in with sample emails)\n\n  Open ${server.url}\n\nPress Ctrl+C to stop.`);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
