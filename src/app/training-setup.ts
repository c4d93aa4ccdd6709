/**
 * The pane's training side, composed once for the harness and for Outlook (docs/decisions/0074).
 * Loaded with the log, after the first paint.
 */
import { makeGraphClient } from "../adapters/graph/list-client";
import { CorrectionsSender } from "../adapters/sharepoint/corrections-sender";
import { writeCorrection } from "../adapters/sharepoint/corrections-list";
import { loadActiveTenantModel } from "../adapters/sharepoint/tenant-models";
import { TrainingOutbox } from "../adapters/storage/training-outbox";
import { logEvent } from "./log";
import type { PaneLogParts } from "./services";

/**
 * The site's training side (decisions 70, 74): the corrections outbox and its sender, writing to
 * the "Triage Corrections" list of the same site as the inquiries, and the read of the active
 * tenant model from its "Triage Models" list. Without IndexedDB the pane writes no examples.
 */
export async function trainingParts(
  graphBase: string,
  getAccessToken: () => Promise<string>,
  site: string,
  outboxName: string,
): Promise<Pick<PaneLogParts, "corrections" | "tenantModel">> {
  const graph = makeGraphClient(graphBase, { getAccessToken });
  const tenantModel = () => loadActiveTenantModel(graph, site);
  let outbox: TrainingOutbox;
  try {
    outbox = await TrainingOutbox.open(outboxName);
  } catch {
    logEvent("training.outbox-unavailable");
    return { tenantModel };
  }
  const sender = new CorrectionsSender(outbox, { write: (r) => writeCorrection(graph, site, r), onFailure: (status) => logEvent("training.write-failed", status) }).start();
  return { corrections: (r) => sender.record(r), tenantModel };
}
