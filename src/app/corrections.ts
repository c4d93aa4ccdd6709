/**
 * The use case "an advocate's correction becomes a training example" (docs/decisions/0070),
 * framework-free: from the email as the pane read it, the labels the advocate gave and the shared
 * model, the record the "Triage Corrections" list keeps — the email's privacy-safe hashed
 * features and the shared model's scores of it, never its text, subject, addresses or ids, and no
 * link to the inquiry. The pane hands the record to the outbox, which writes it in the background.
 */
import type { CorrectionKind, CorrectionRecord } from "../adapters/sharepoint/corrections-list";
import { prepareEmail, type Classification, type EmailInput } from "../domain/classify/classifier";
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

/** The open email as the pane triaged it: what the classifier read and said, and the labels shown now. */
export interface TriagedEmail {
  /** The email as the classifier read it (the mailbox it was triaged for included). */
  readonly email: EmailInput;
  readonly classification: Pick<Classification, "category" | "priority" | "senderType" | "flags" | "modelVersion">;
  /** The labels the pane shows now (the advocate's correction over the classification). */
  readonly category: string;
  readonly priority: string;
}

export interface TrainingRecorderDeps {
  /** The shared model (its vocabulary and scores, decision 70). */
  readonly shared: LinearModel;
  readonly internalDomains?: readonly string[];
  /** Stores the record durably and sends it in the background (the corrections outbox). */
  readonly write: (record: CorrectionRecord) => Promise<void>;
  readonly newKey: () => string;
}

/**
 * The pane's side of "corrections teach the tenant's model" (docs/decisions/0074): one training
 * example per email per session. A correction writes the labels the advocate now stands behind;
 * correcting the same email again rewrites the same example (same key: a changed mind is not two
 * examples); an action on an email left as classified is a confirmation, once per email per
 * session, and never after a correction of it.
 */
export class TrainingRecorder {
  /** Message key → the key of this session's example for it. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly deps: TrainingRecorderDeps) {}

  /** The advocate changed the category, priority or mailbox of the email: the example holds the labels shown now. */
  corrected(messageKey: string, t: TriagedEmail, advocate: string, now: Date): Promise<void> {
    const changed = t.category !== t.classification.category || t.priority !== t.classification.priority;
    // a mailbox alone teaches no label; undoing a correction makes this session's example a confirmation
    if (!changed && !this.keys.has(messageKey)) return Promise.resolve();
    return this.write(messageKey, t, changed ? "correction" : "confirmation", advocate, now);
  }

  /** The advocate acted on the email as classified: a confirmation, unless this session already has an example of it. */
  confirmed(messageKey: string, t: TriagedEmail, advocate: string, now: Date): Promise<void> {
    if (this.keys.has(messageKey)) return Promise.resolve();
    if (t.category !== t.classification.category || t.priority !== t.classification.priority) return Promise.resolve(); // corrected earlier: not a confirmation
    return this.write(messageKey, t, "confirmation", advocate, now);
  }

  private write(messageKey: string, t: TriagedEmail, kind: CorrectionKind, advocate: string, now: Date): Promise<void> {
    let key = this.keys.get(messageKey);
    if (!key) {
      key = this.deps.newKey();
      this.keys.set(messageKey, key);
    }
    const fixed = key;
    const record = correctionRecord({
      email: t.email,
      labels: { category: t.category, priority: t.priority, senderType: t.classification.senderType, flags: t.classification.flags },
      kind,
      shared: this.deps.shared,
      classifiedBy: t.classification.modelVersion,
      advocate,
      now,
      ...(this.deps.internalDomains ? { internalDomains: this.deps.internalDomains } : {}),
      newKey: () => fixed,
    });
    return this.deps.write(record);
  }
}
