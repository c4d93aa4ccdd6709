/** One `classify` command-line line (contract section 3): validated, classified, answered. */
import { warningText, type Classifier } from "./classifier";

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : [];
}

export function classifyRequest(input: unknown, classifier: Classifier): Record<string, unknown> {
  if (!isRecord(input)) return { id: null, error: "each line must be a JSON object" };
  const id = input["id"] ?? null;
  if (input["body"] !== undefined && input["body"] !== null && typeof input["body"] !== "string") {
    return { id, error: "\"body\" must be a string" };
  }
  const bodyType = input["bodyType"] === "html" ? "html" : "text";
  const c = classifier.classify({
    mailbox: typeof input["mailbox"] === "string" ? input["mailbox"] : "",
    from: typeof input["from"] === "string" ? input["from"] : "",
    to: stringList(input["to"]),
    cc: stringList(input["cc"]),
    subject: typeof input["subject"] === "string" ? input["subject"] : "",
    body: typeof input["body"] === "string" ? input["body"] : "",
    bodyType,
  });
  // the must-forward safety net goes into the warnings, with the sentence that points at it
  const warnings = c.mayBe
    ? [...c.warnings.map(warningText), `this may be ${c.mayBe.category === "appeal" ? "an appeal" : "a grievance"} (${Math.round(c.mayBe.probability * 100)}%)${c.mayBe.sentence ? `: “${c.mayBe.sentence}”` : ""}`]
    : c.warnings.map(warningText);
  return {
    id,
    category: c.category,
    senderType: c.senderType,
    priority: c.priority,
    language: c.language,
    flags: c.flags,
    policy: c.policy,
    confidence: c.confidence,
    reasons: c.reasons.map((r) => `${r.field}: ${r.text}`),
    ...(c.missingFields.length ? { missingFields: c.missingFields } : {}),
    ...(warnings.length ? { warnings } : {}),
    ...(c.mayBe ? { mayBe: c.mayBe } : {}),
    model: c.modelVersion,
  };
}
