/**
 * Composes the SharePoint log for the pane. Loaded with a dynamic import after the first paint, so
 * the Graph client and IndexedDB code are not in the pane's initial JavaScript.
 */
import { LocalSignIn } from "../adapters/auth/local";
import type { SignIn } from "../adapters/auth/types";
import { InquiryListClient } from "../adapters/graph/list-client";
import { InquiryLogService } from "../adapters/graph/log-service";
import type { BusinessCalendar } from "../domain/calendar/calendar";
import type { SlaPolicy } from "../domain/sla/policies";

export interface LogDeps {
  readonly calendar: BusinessCalendar;
  readonly policies: readonly SlaPolicy[];
  readonly now: () => number;
}

/** The harness: the local list emulator on this page's own origin, and a local signed-in user. */
export async function harnessLog(origin: string, upn: string, deps: LogDeps): Promise<{ service: InquiryLogService; signIn: SignIn }> {
  const signIn = new LocalSignIn({ upn, name: upn.split("@")[0] ?? upn });
  const client = new InquiryListClient({
    baseUrl: `${origin}/graph/`,
    site: "harness",
    authProvider: { getAccessToken: () => signIn.getAccessToken() },
  });
  const service = await InquiryLogService.open(client, deps, `member-triage-outbox-${upn}`);
  return { service, signIn };
}

