/**
 * The inquiry's workflow, as the procedures run it: New → Assigned → Acknowledged → In progress /
 * Awaiting information / Routed → Responded → Resolved. Each change is timestamped and attributed;
 * a jump the procedures do not allow is refused with a reason. Actions also say which SLA event
 * they log (contract section 2), so the clocks move with the work.
 */
import type { EventType } from "../sla/policies";

export const STATUSES = ["new", "assigned", "acknowledged", "inProgress", "awaitingInfo", "routed", "responded", "resolved"] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  new: "New",
  assigned: "Assigned",
  acknowledged: "Acknowledged",
  inProgress: "In progress",
  awaitingInfo: "Awaiting information",
  routed: "Routed",
  responded: "Responded",
  resolved: "Resolved",
};

export type Action =
  | { readonly kind: "assign"; readonly to: string }
  | { readonly kind: "acknowledge" }
  | { readonly kind: "startWork" }
  | { readonly kind: "awaitInformation" }
  | { readonly kind: "route"; readonly to: string }
  | { readonly kind: "respond" }
  | { readonly kind: "followUp" }
  | { readonly kind: "resolve" }
  | { readonly kind: "reopen" };

export interface Transition {
  readonly from: Status;
  readonly to: Status;
  readonly action: Action["kind"];
  /** UTC milliseconds */
  readonly at: number;
  /** The user who acted (UPN). */
  readonly by: string;
  /** For assign and route: to whom. */
  readonly target?: string;
}

/** Where each action leads. */
export const TARGET_OF: Readonly<Record<Action["kind"], Status>> = {
  assign: "assigned",
  acknowledge: "acknowledged",
  startWork: "inProgress",
  awaitInformation: "awaitingInfo",
  route: "routed",
  respond: "responded",
  followUp: "responded",
  resolve: "resolved",
  reopen: "inProgress",
};

/** The SLA event an action logs, if any (a request for missing information is a real response). */
export const EVENT_OF: Readonly<Record<Action["kind"], EventType | null>> = {
  assign: null,
  acknowledge: "acknowledged",
  startWork: null,
  awaitInformation: "responded",
  route: "acknowledged",
  respond: "responded",
  followUp: "followedUp",
  resolve: "resolved",
  reopen: "reopened",
};

/** Which actions each status allows. */
const ALLOWED: Readonly<Record<Status, readonly Action["kind"][]>> = {
  new: ["assign", "acknowledge"],
  assigned: ["assign", "acknowledge", "startWork", "awaitInformation", "route", "respond", "resolve"],
  acknowledged: ["assign", "startWork", "awaitInformation", "route", "respond", "resolve"],
  inProgress: ["assign", "awaitInformation", "route", "respond", "resolve"],
  awaitingInfo: ["assign", "startWork", "route", "respond", "resolve"],
  routed: ["assign", "startWork", "route", "respond", "resolve"],
  responded: ["assign", "startWork", "awaitInformation", "route", "followUp", "resolve"],
  resolved: ["reopen"],
};

export class TransitionError extends Error {
  override name = "TransitionError";
}

function why(status: Status, action: Action["kind"]): string {
  if (status === "new") return `Assign this inquiry before you ${ACTION_WORDS[action]}.`;
  if (status === "resolved") return `This inquiry is resolved: reopen it before you ${ACTION_WORDS[action]}.`;
  return `An inquiry that is ${STATUS_LABELS[status].toLowerCase()} cannot be ${ACTION_PAST[action]}.`;
}

const ACTION_WORDS: Readonly<Record<Action["kind"], string>> = {
  assign: "assign it",
  acknowledge: "acknowledge it",
  startWork: "work on it",
  awaitInformation: "wait for information",
  route: "route it",
  respond: "mark it responded",
  followUp: "send a follow-up",
  resolve: "resolve it",
  reopen: "reopen it",
};

const ACTION_PAST: Readonly<Record<Action["kind"], string>> = {
  assign: "assigned",
  acknowledge: "acknowledged again",
  startWork: "put in progress",
  awaitInformation: "set to awaiting information",
  route: "routed",
  respond: "marked responded",
  followUp: "followed up",
  resolve: "resolved",
  reopen: "reopened",
};

export function allowedActions(status: Status): readonly Action["kind"][] {
  return ALLOWED[status];
}

/** The transition an action makes from `status`, or a TransitionError that says why not. */
export function transition(status: Status, action: Action, at: number, by: string): Transition {
  if (!ALLOWED[status].includes(action.kind)) throw new TransitionError(why(status, action.kind));
  if ((action.kind === "assign" || action.kind === "route") && action.to.trim() === "") {
    throw new TransitionError(action.kind === "assign" ? "Choose whom to assign it to." : "Choose where to route it.");
  }
  // (re)assigning hands the work over where it stands: only a new inquiry becomes Assigned
  const to = action.kind === "assign" && status !== "new" ? status : TARGET_OF[action.kind];
  const base = { from: status, to, action: action.kind, at, by };
  return action.kind === "assign" || action.kind === "route" ? { ...base, target: action.to.trim() } : base;
}
