/**
 * For an end-to-end file that needs its own list: a harness server on a free port and a browser,
 * started before the file's tests and closed after them, and the list item of one email as the
 * emulator holds it.
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { startHarnessServer, type HarnessServer } from "../../scripts/server";
import { launch } from "./browser";

export interface OwnHarness {
  readonly browser: Browser;
  readonly server: HarnessServer;
  /** The "Member Inquiries" item of the email with this Internet message id, as stored. */
  listItem(messageId: string): Record<string, unknown> | undefined;
}

export function ownHarness(): OwnHarness {
  let browser: Browser | undefined;
  let server: HarnessServer | undefined;
  beforeAll(async () => {
    server = await startHarnessServer({ port: 0 });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get server() {
      return server!;
    },
    listItem(messageId) {
      const list = server!.emulator.snapshot().lists.find((l) => l.displayName === "Member Inquiries");
      return list?.items.find((i) => i.fields["InternetMessageId"] === messageId)?.fields;
    },
  };
}
