/**
 * Deployment settings: everything that belongs to one customer rather than to the product. The
 * defaults are fictional; the names and numbers in the customer's procedures are examples of their
 * own settings, never shipped as text.
 */
import { CLOUD_NAMES, isCloud, type Cloud } from "./clouds";
import { BusinessCalendar, DEFAULT_CALENDAR, type CalendarConfig } from "./calendar/calendar";
import { NO_TEAM, type RoleRule, type TeamMember, type TeamSettings } from "./team/roles";
import { DEFAULT_POLICIES, DEFAULT_ROUTES, isMailbox, type MailboxRoute, type Mailbox, type SlaPolicy } from "./sla/policies";

export interface Organisation {
  readonly name: string;
  readonly memberServicesPhone: string;
  readonly ttyPhone: string;
  readonly hours: string;
  readonly appealsCoordinator: string;
  readonly clinicalTeam: string;
  /** Where "Forward to A&G" sends a grievance or appeal ("" : the advocate types the address). */
  readonly appealsCoordinatorAddress: string;
  /** Where a clinical referral is forwarded ("" : the advocate types the address). */
  readonly clinicalAddress: string;
  /** `hours` in each other template language ("es", "vi"), so a reply does not end in English. */
  readonly hoursByLanguage?: Readonly<Record<string, string>>;
}

/** The opening hours in a reply's language; undefined when the settings have no translation (the advocate types it). */
export function hoursIn(org: Organisation, language: string): string | undefined {
  if (language === "en") return org.hours;
  const h = org.hoursByLanguage?.[language];
  return typeof h === "string" && h.trim() ? h : undefined;
}

/** Where the log lives and how the pane signs in (absent: the pane does not log). */
export interface SharePointSettings {
  /** Graph site id, e.g. contoso.sharepoint.com,<site guid>,<web guid> */
  readonly site: string;
  /** The Entra app registration's client id. */
  readonly clientId: string;
  /** The tenant id (or "organizations"). */
  readonly tenantId: string;
  /** Delegated scopes; least privilege is Sites.Selected with a write grant on the one site. */
  readonly scopes: readonly string[];
}

export interface DeploymentSettings {
  /** The tenant's Microsoft 365 cloud: which office.js, Graph and sign-in hosts the add-in uses. */
  readonly cloud: Cloud;
  readonly organisation: Organisation;
  readonly calendar: CalendarConfig;
  readonly policies: readonly SlaPolicy[];
  readonly routes: Readonly<Record<Mailbox, MailboxRoute>>;
  /** Mailbox addresses → channel, so the pane knows which mailbox an item came to. */
  readonly mailboxAddresses: Readonly<Record<string, Mailbox>>;
  /** This organisation's own e-mail domains: a sender there is plan staff. */
  readonly internalDomains: readonly string[];
  readonly sharePoint?: SharePointSettings;
  /** Who leads and manages, and the advocates a lead assigns to. */
  readonly team: TeamSettings;
  /** Where `npm run report -- daily --send` mails the daily report (a distribution list). */
  readonly dailyReportTo?: string;
  /** The hosts a template's links may point to (https only; a host's subdomains too). Any other link is removed. */
  readonly templateLinkHosts: readonly string[];
}

export const DEFAULT_SETTINGS: DeploymentSettings = {
  cloud: "commercial",
  organisation: {
    name: "Prairie Lantern Health",
    memberServicesPhone: "1-800-555-0100",
    ttyPhone: "711",
    hours: "Monday to Friday, 8 a.m. to 5 p.m. Central time",
    appealsCoordinator: "Appeals & Grievances coordinator",
    clinicalTeam: "clinical staff (utilization management nurse line)",
    appealsCoordinatorAddress: "appeals.grievances@plan.example",
    clinicalAddress: "um.nurseline@plan.example",
    hoursByLanguage: {
      es: "de lunes a viernes, de 8 a. m. a 5 p. m., hora del centro",
      vi: "thứ Hai đến thứ Sáu, từ 8 giờ sáng đến 5 giờ chiều, giờ miền Trung",
    },
  },
  templateLinkHosts: ["plan.example"],
  calendar: DEFAULT_CALENDAR,
  policies: DEFAULT_POLICIES,
  routes: DEFAULT_ROUTES,
  mailboxAddresses: {
    "memberservices@plan.example": "member-services-email",
    "mco-escalations@plan.example": "mco-escalations",
    "securemessages@plan.example": "secure-message",
    "contactus@plan.example": "contact-us",
    "specialist@plan.example": "specialist",
    "memberadvocate@plan.example": "member-advocate",
    "memberservices-voicemail@plan.example": "voicemail-followup",
    "agentsupport@plan.example": "agent-support",
  },
  internalDomains: ["plan.example"],
  // fictional people for the harness; a deployment's settings name its own groups and advocates
  team: {
    lead: { groups: [], addresses: ["lead@plan.example"] },
    manager: { groups: [], addresses: ["manager@plan.example"] },
    advocates: [
      { address: "ana@plan.example", name: "Ana Sample" },
      { address: "ben@plan.example", name: "Ben Sample" },
      { address: "cam@plan.example", name: "Cam Sample" },
    ],
  },
};

export class SettingsError extends Error {
  override name = "SettingsError";
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readSharePoint(raw: Record<string, unknown>): SharePointSettings {
  const site = raw["site"];
  const clientId = raw["clientId"];
  const tenantId = raw["tenantId"] ?? "organizations";
  const scopes = raw["scopes"] ?? ["Sites.Selected"];
  if (typeof site !== "string" || site.trim() === "") throw new SettingsError("sharePoint.site: the Graph site id is required");
  if (typeof clientId !== "string" || !GUID.test(clientId)) throw new SettingsError("sharePoint.clientId: the app registration's client id (a GUID) is required");
  if (typeof tenantId !== "string" || !(GUID.test(tenantId) || tenantId === "organizations")) throw new SettingsError("sharePoint.tenantId: a tenant GUID or \"organizations\"");
  if (!Array.isArray(scopes) || scopes.length === 0 || !scopes.every((x) => typeof x === "string")) throw new SettingsError("sharePoint.scopes: a list of delegated Graph scopes");
  return { site: site.trim(), clientId, tenantId, scopes };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function readRule(raw: unknown, field: string): RoleRule {
  if (raw === undefined) return { groups: [], addresses: [] };
  if (!isRecord(raw)) throw new SettingsError(`team.${field}: an object with "groups" (Entra group ids) and/or "addresses"`);
  const groups = raw["groups"] ?? [];
  const addresses = raw["addresses"] ?? [];
  if (!Array.isArray(groups) || !groups.every((g) => typeof g === "string" && GUID.test(g))) throw new SettingsError(`team.${field}.groups: a list of Entra group object ids (GUIDs)`);
  if (!Array.isArray(addresses) || !addresses.every((a) => typeof a === "string" && EMAIL.test(a))) throw new SettingsError(`team.${field}.addresses: a list of sign-in addresses`);
  return { groups: groups as string[], addresses: (addresses as string[]).map((a) => a.toLowerCase()) };
}

function readTeam(raw: Record<string, unknown>): TeamSettings {
  const advocates = raw["advocates"] ?? [];
  if (!Array.isArray(advocates)) throw new SettingsError("team.advocates: a list of { address, name }");
  const members: TeamMember[] = advocates.map((a: unknown, i) => {
    if (!isRecord(a) || typeof a["address"] !== "string" || !EMAIL.test(a["address"])) throw new SettingsError(`team.advocates[${i}]: needs an address`);
    const name = typeof a["name"] === "string" && a["name"].trim() ? a["name"].trim() : a["address"];
    return { address: a["address"].toLowerCase(), name };
  });
  return { ...NO_TEAM, lead: readRule(raw["lead"], "lead"), manager: readRule(raw["manager"], "manager"), advocates: members };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function readHosts(raw: unknown): string[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.some((h) => typeof h !== "string" || !HOST.test(h.trim().toLowerCase()))) {
    throw new SettingsError("templateLinkHosts: a list of host names such as \"www.example-plan.org\"");
  }
  return raw.map((h: string) => h.trim().toLowerCase());
}

/**
 * Reads settings from untrusted JSON: known sections replace the defaults, the calendar is checked
 * by building it, and anything wrong is a SettingsError that names the field.
 */
export function parseSettings(raw: unknown): DeploymentSettings {
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS;
  if (!isRecord(raw)) throw new SettingsError("settings must be a JSON object");
  if (raw["cloud"] !== undefined && !isCloud(raw["cloud"])) {
    throw new SettingsError(`cloud: "${String(raw["cloud"])}" is not one of ${CLOUD_NAMES.join(", ")}`);
  }
  const merged = {
    ...DEFAULT_SETTINGS,
    ...(isCloud(raw["cloud"]) ? { cloud: raw["cloud"] } : {}),
    ...(isRecord(raw["organisation"]) ? { organisation: { ...DEFAULT_SETTINGS.organisation, appealsCoordinatorAddress: "", clinicalAddress: "", hoursByLanguage: {}, ...(raw["organisation"] as object) } } : {}),
    ...(isRecord(raw["calendar"]) ? { calendar: { ...DEFAULT_CALENDAR, ...(raw["calendar"] as object) } } : {}),
    ...(Array.isArray(raw["policies"]) ? { policies: raw["policies"] as SlaPolicy[] } : {}),
    ...(isRecord(raw["mailboxAddresses"]) ? { mailboxAddresses: raw["mailboxAddresses"] as Record<string, Mailbox> } : {}),
    ...(Array.isArray(raw["internalDomains"]) ? { internalDomains: raw["internalDomains"] as string[] } : {}),
    ...(isRecord(raw["sharePoint"]) ? { sharePoint: readSharePoint(raw["sharePoint"]) } : {}),
    // a deployment's settings name their own team; the fictional one never carries over
    team: isRecord(raw["team"]) ? readTeam(raw["team"]) : NO_TEAM,
    ...(typeof raw["dailyReportTo"] === "string" ? { dailyReportTo: raw["dailyReportTo"] } : {}),
    // a deployment's links go to its own hosts: the fictional host never carries over
    templateLinkHosts: readHosts(raw["templateLinkHosts"]),
  } satisfies DeploymentSettings;
  for (const [address, box] of Object.entries(merged.mailboxAddresses)) {
    if (!isMailbox(box)) throw new SettingsError(`mailboxAddresses: "${address}" maps to "${String(box)}", which is not a mailbox channel`);
  }
  for (const p of merged.policies) {
    if (!p || typeof p.id !== "string" || !Array.isArray(p.clocks)) throw new SettingsError("policies: each policy needs an id and a list of clocks");
    for (const c of p.clocks) {
      const d = c?.duration;
      if (!d || (d.unit !== "businessDays" && d.unit !== "businessHours") || !(typeof d.amount === "number" && d.amount > 0 && d.amount < 1000)) {
        throw new SettingsError(`policies: ${p.id}: each clock needs a duration of 1 to 999 businessDays or businessHours`);
      }
    }
  }
  if (merged.dailyReportTo !== undefined && !EMAIL.test(merged.dailyReportTo)) throw new SettingsError("dailyReportTo: the distribution list's e-mail address");
  for (const [k, v] of Object.entries(merged.organisation)) {
    if (k === "hoursByLanguage") {
      if (!isRecord(v) || Object.values(v).some((h) => typeof h !== "string")) throw new SettingsError("organisation.hoursByLanguage: the hours as text per language code, e.g. { \"es\": \"…\" }");
    } else if (typeof v !== "string") throw new SettingsError(`organisation.${k} must be text`);
  }
  // the fictional hand-off addresses never carry over; a deployment's must be addresses
  for (const k of ["appealsCoordinatorAddress", "clinicalAddress"] as const) {
    const v = merged.organisation[k];
    if (v !== "" && !EMAIL.test(v)) throw new SettingsError(`organisation.${k}: an e-mail address, or leave it out`);
  }
  try {
    new BusinessCalendar(merged.calendar);
  } catch (e) {
    // a calendar section of the wrong shape ("hours": null) fails inside the calendar: still a settings error, named as such
    throw new SettingsError(`calendar: ${(e as Error).message}`);
  }
  return merged;
}
