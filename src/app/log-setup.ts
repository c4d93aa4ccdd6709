/**
 * Composes the SharePoint log for the pane. Loaded with a dynamic import after the first paint, so
 * the Graph client and IndexedDB code are not in the pane's initial JavaScript.
 */
import { LocalSignIn } from "../adapters/auth/local";
import { InquiryListClient } from "../adapters/graph/list-client";
import { InquiryLogService, type LogServiceDeps } from "../adapters/graph/log-service";
import { loadTemplates } from "../adapters/graph/templates-client";
import { LocalStore } from "../adapters/storage/local";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaults";
import type { PaneLogParts } from "./services";
import { trainingParts } from "./training-setup";

export type LogDeps = LogServiceDeps;

export type PaneLog = PaneLogParts;

/** The harness: the local list emulator on this page's own origin, and a local signed-in user. */
export async function harnessLog(origin: string, upn: string, deps: LogDeps): Promise<PaneLog> {
  const signIn = new LocalSignIn({ upn, name: upn.split("@")[0] ?? upn });
  const client = new InquiryListClient({
    baseUrl: `${origin}/graph/`,
    site: "harness",
    authProvider: { getAccessToken: () => signIn.getAccessToken() },
  });
  const service = await InquiryLogService.open(client, deps, `member-triage-outbox-${upn}`);
  const authProvider = { getAccessToken: () => signIn.getAccessToken() };
  const templates = loadTemplates({ baseUrl: `${origin}/graph/`, site: "harness", authProvider }, new LocalStore("member-triage-harness"), DEFAULT_TEMPLATES).then((r) => r.templates);
  const training = await trainingParts(`${origin}/graph/`, () => signIn.getAccessToken(), "harness", `member-triage-training-${upn}`);
  return { service, signIn, templates, ...training };
}

