/**
 * SLA policies and the mailbox → policy choice of contract section 2, as data a deployment can
 * replace. Durations are business days (due at close of business) or business hours.
 */

export const CLOCK_NAMES = ["acknowledgement", "firstResponse", "resolution", "followUp"] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

export const EVENT_TYPES = ["acknowledged", "responded", "followedUp", "resolved", "reopened"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const PRIORITIES = ["high", "escalated", "routine"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const MAILBOXES = [
  "member-services-email",
  "mco-escalations",
  "secure-message",
  "contact-us",
  "specialist",
  "member-advocate",
  "voicemail-followup",
  "agent-support",
] as const;
export type Mailbox = (typeof MAILBOXES)[number];

export type Duration =
  | { readonly unit: "businessDays"; readonly amount: number }
  | { readonly unit: "businessHours"; readonly amount: number };

export interface ClockDefinition {
  readonly name: ClockName;
  readonly duration: Duration;
  /** Shown to the advocate: the procedure's goal for this clock. */
  readonly goal?: string;
  /** "At risk" once this many business minutes are left (default: one business day for day clocks, a quarter of an hour clock). */
  readonly atRiskMinutesLeft?: number;
}

export interface SlaPolicy {
  readonly id: string;
  readonly label: string;
  readonly clocks: readonly ClockDefinition[];
}

const days = (amount: number): Duration => ({ unit: "businessDays", amount });
const hours = (amount: number): Duration => ({ unit: "businessHours", amount });

export const DEFAULT_POLICIES: readonly SlaPolicy[] = [
  {
    id: "member-services-email",
    label: "Member services e-mail",
    clocks: [
      { name: "firstResponse", duration: days(5), goal: "90% answered within 5 business days; an interim response if it cannot be completed" },
      { name: "resolution", duration: days(15), goal: "100% completed within 15 business days" },
    ],
  },
  {
    id: "mco-high-priority",
    label: "MCO escalation, high priority",
    clocks: [
      { name: "firstResponse", duration: hours(4), goal: "respond within 2 business hours, 4 at most", atRiskMinutesLeft: 120 },
    ],
  },
  {
    id: "mco-escalated",
    label: "MCO escalation",
    clocks: [{ name: "firstResponse", duration: days(3), goal: "respond within 1 business day, 3 at most" }],
  },
  {
    id: "secure-message",
    label: "Secure message and public mailboxes",
    clocks: [
      { name: "firstResponse", duration: days(1), goal: "an e-mailed response within 1 business day; an automatic acknowledgement does not count" },
      { name: "resolution", duration: days(15), goal: "95% resolved within 2 business days, 98% within 5, 100% within 15" },
    ],
  },
  {
    id: "agent-support",
    label: "Agent support",
    clocks: [
      { name: "acknowledgement", duration: days(1), goal: "acknowledge within 1 business day" },
      { name: "firstResponse", duration: days(3), goal: "respond within 72 hours (3 business days)" },
      { name: "followUp", duration: days(5), goal: "an update every 5 business days until resolved" },
    ],
  },
];

/** A `high` email in any mailbox answers within this many business hours at most. */
export const HIGH_PRIORITY_FIRST_RESPONSE: Duration = hours(4);

export interface MailboxRoute {
  readonly policy: string;
  /** Policy used instead when the priority is high. */
  readonly highPriorityPolicy?: string;
}

export const DEFAULT_ROUTES: Readonly<Record<Mailbox, MailboxRoute>> = {
  "member-services-email": { policy: "member-services-email" },
  "mco-escalations": { policy: "mco-escalated", highPriorityPolicy: "mco-high-priority" },
  "secure-message": { policy: "secure-message" },
  "contact-us": { policy: "secure-message" },
  specialist: { policy: "secure-message" },
  "member-advocate": { policy: "secure-message" },
  "voicemail-followup": { policy: "secure-message" },
  "agent-support": { policy: "agent-support" },
};

export function isMailbox(value: unknown): value is Mailbox {
  return typeof value === "string" && (MAILBOXES as readonly string[]).includes(value);
}

export function isPriority(value: unknown): value is Priority {
  return typeof value === "string" && (PRIORITIES as readonly string[]).includes(value);
}

/** The policy id for a mailbox and priority (contract section 2). */
export function policyFor(
  mailbox: Mailbox,
  priority: Priority,
  routes: Readonly<Record<string, MailboxRoute>> = DEFAULT_ROUTES,
): string {
  const route = routes[mailbox] ?? DEFAULT_ROUTES[mailbox];
  return priority === "high" && route.highPriorityPolicy ? route.highPriorityPolicy : route.policy;
}

export function findPolicy(id: string, policies: readonly SlaPolicy[] = DEFAULT_POLICIES): SlaPolicy | undefined {
  return policies.find((p) => p.id === id);
}

/** Whether the policy asks for follow-up updates until the inquiry is resolved. */
export function hasFollowUp(id: string, policies: readonly SlaPolicy[] = DEFAULT_POLICIES): boolean {
  return findPolicy(id, policies)?.clocks.some((c) => c.name === "followUp") ?? false;
}
