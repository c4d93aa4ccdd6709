/**
 * The use case "an advocate's correction becomes a training example" (docs/decisions/0070),
 * framework-free: from the email as the pane read it, the labels the advocate gave and the shared
 * model, the record the "Triage Corrections" list keeps — the email's privacy-safe hashed
 * features and the shared model's scores of it, never its text, subject, addresses or ids, and no
 * link to the inquiry. The pane hands the record to the outbox, which writes it in the background.
 */
import type { CorrectionKind, CorrectionRecord } from "../adapters/sharepoint/corrections-list";
import { prepareEmail, type EmailInput } from "../domain/classify/classifier";
import { WordBuffer, readEmail } from "../domain/classify/features";
import { Scorer, type LinearModel } from "../domain/classify/model";
import { privateFeatures } from "../domain/classify/private-features";

export interface CorrectionInput {
  readonly email: EmailInput;
  /** The labels the email should have (the advocate's correction, or the classification confirmed). */
  readonly labels: CorrectionRecord["labels"];
  readonly kind: CorrectionKind;
  /** The shared model: its vocabulary decides which words may be kept, its scores are the base. */
  readonly shared: LinearModel;
  /** The version of the model whose classification is corrected (shared, or shared + tenant). */
  readonly classifiedBy: string;
  readonly advocate: string;
  readonly now: Date;
  readonly internalDomains?: readonly string[];
  /** A fresh random key (crypto.randomUUID in the pane). */
  readonly newKey: () => string;
}

export function correctionRecord(input: CorrectionInput): CorrectionRecord {
  const p = prepareEmail(input.email, input.internalDomains);
  const parts = { subject: p.subject, own: p.own, quoted: p.quoted, structure: p.structure };
  const buf = new WordBuffer();
  readEmail(parts, input.shared.features, buf);
  const logits = new Scorer(input.shared).logits(buf);
  return {
    key: input.newKey(),
    kind: input.kind,
    labels: { category: input.labels.category, senderType: input.labels.senderType, priority: input.labels.priority, flags: [...input.labels.flags] },
    features: privateFeatures(parts, input.shared, buf),
    base: { version: input.shared.header.version, logits },
    classifiedBy: input.classifiedBy,
    correctedBy: input.advocate.toLowerCase(),
    correctedAt: input.now.toISOString(),
  };
}
