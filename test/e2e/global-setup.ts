/** Builds the harness once and serves it on a free localhost port for the end-to-end tests. */
import type { TestProject } from "vitest/node";
import { buildHarness } from "../../scripts/build-harness";
import { startHarnessServer, type HarnessServer } from "../../scripts/server";

let server: HarnessServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  await buildHarness();
  server = await startHarnessServer({ port: 0 });
  project.provide("harnessUrl", server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    harnessUrl: string;
  }
}
