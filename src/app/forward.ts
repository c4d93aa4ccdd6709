/**
 * The hand-off the procedures ask for: a grievance or appeal goes to the Appeals & Grievances
 * coordinator at once, a clinical question to clinical staff. The pane opens a forward to the
 * address in the settings (the advocate sends it) and logs the hand-off as a `route` to that
 * address, with its time and who made it; the instruction then says it was done, and when.
 * Framework-free: the pane calls `handOff` with its own log and mailbox.
 */
import type { InquiryRecord } from "../domain/inquiry/record";
import { applyAction } from "../domain/inquiry/record";
import { allowedActions, type Action } from "../domain/inquiry/status";
import type { Instruction, InstructionKind } from "../domain/inquiry/triage";
import type { Organisation } from "../domain/settings";
import { escapeHtml } from "../domain/templates/templates";

export type HandOffTarget = "appealsGrievances" | "clinical";

export interface HandOffDestination {
  readonly target: HandOffTarget;
  /** The short name on the button: "A&G", "clinical staff". */
  readonly short: string;
  /** The settings' name for them, for sentences. */
  readonly name: string;
  /** The settings' address; "" when the deployment names none (the advocate types it in Outlook). */
  readonly address: string;
}

export function destinationOf(target: HandOffTarget, org: Organisation): HandOffDestination {
  return target === "appealsGrievances"
    ? { target, short: "A&G", name: org.appealsCoordinator, address: org.appealsCoordinatorAddress.trim() }
    : { target, short: "clinical staff", name: org.clinicalTeam, address: org.clinicalAddress.trim() };
}

/** The instruction each hand-off carries out. */
export const HANDOFF_OF: Partial<Readonly<Record<InstructionKind, HandOffTarget>>> = { appealsGrievances: "appealsGrievances", clinical: "clinical" };

/** The route's target in the log: the address it went to, or the settings' name when there is none. */
export const routeTargetOf = (d: HandOffDestination): string => (d.address || d.name).toLowerCase();

export interface HandOff {
  readonly at: number;
  readonly by: string;
}

/** The latest logged hand-off of this kind, or null. */
export function handOffOf(record: InquiryRecord | null, d: HandOffDestination): HandOff | null {
  if (!record) return null;
  const names = new Set([d.address, d.name].filter(Boolean).map((n) => n.toLowerCase()));
  for (let i = record.history.length - 1; i >= 0; i--) {
    const t = record.history[i]!;
    if (t.action === "route" && t.target && names.has(t.target.toLowerCase())) return { at: t.at, by: t.by };
  }
  return null;
}

/** The actions that log a hand-off from the record's status: nobody has it yet, so the advocate takes it first. */
export function handOffActions(record: InquiryRecord, me: string, d: HandOffDestination): Action[] | { readonly error: string } {
  if (record.status === "resolved") return { error: `This inquiry is resolved: reopen it before you forward it to ${d.name}.` };
  const out: Action[] = [];
  let status = record.status;
  if (!record.assignee || status === "new") {
    out.push({ kind: "assign", to: record.assignee ?? me });
    status = "assigned";
  }
  if (!allowedActions(status).includes("route")) return { error: `An inquiry that is ${status} cannot be forwarded from the pane.` };
  out.push({ kind: "route", to: routeTargetOf(d) });
  return out;
}

/** The note on top of the forward: what it is and its confirmation number; the email itself is attached. */
export function forwardNote(record: InquiryRecord, d: HandOffDestination, what: string): string {
  const conf = record.confirmationNumber ? ` Confirmation number ${escapeHtml(record.confirmationNumber)}.` : "";
  return `<p>For the ${escapeHtml(d.name)}: ${escapeHtml(what)} received by member services, forwarded for handling.${conf} The original email is attached.</p>`;
}

/**
 * Instructions as the log now stands: a hand-off done reads "Forwarded to A&G at …" (a note, no
 * longer "now"); one still not done on a resolved inquiry says it was never recorded.
 */
export function withHandOffs(instructions: readonly Instruction[], record: InquiryRecord | null, org: Organisation, formatTime: (ms: number) => string): Instruction[] {
  return instructions.map((ins) => {
    const target = HANDOFF_OF[ins.kind];
    if (!target) return ins;
    const d = destinationOf(target, org);
    const done = handOffOf(record, d);
    if (done) return { ...ins, tone: "info", title: `Forwarded to ${d.short} at ${formatTime(done.at)}`, detail: `${done.by} logged the hand-off to the ${d.name}${d.address ? ` (${d.address})` : ""}.` };
    if (record?.status === "resolved") return { ...ins, tone: "warning", title: `Resolved with no hand-off to the ${d.name} recorded`, detail: "Reopen it if it still has to go to them." };
    return ins;
  });
}

export interface HandOffDeps {
  readonly me: string;
  readonly at: number;
  /** Opens the forward (the mailbox adapter's `forward`). */
  readonly openForward: ((to: string, html: string) => Promise<void>) | undefined;
  /** Logs one action against the record as it stood before it. */
  readonly log: (record: InquiryRecord, action: Action) => Promise<void>;
}

/** Opens the forward, then logs the hand-off. The record after it, or a message for the advocate. */
export async function handOff(record: InquiryRecord, d: HandOffDestination, what: string, deps: HandOffDeps): Promise<{ readonly record: InquiryRecord } | { readonly error: string }> {
  const actions = handOffActions(record, deps.me, d);
  if ("error" in actions) return actions;
  if (!deps.openForward) return { error: "This Outlook cannot open a forward from the pane: forward the email yourself." };
  try {
    await deps.openForward(d.address, forwardNote(record, d, what));
  } catch {
    return { error: "Outlook could not open the forward. Forward the email yourself, then try again to log it." };
  }
  let current = record;
  for (const action of actions) {
    await deps.log(current, action);
    current = applyAction(current, action, deps.at, deps.me);
  }
  return { record: current };
}
