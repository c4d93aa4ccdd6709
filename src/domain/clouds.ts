/**
 * The Microsoft 365 clouds a plan's tenant can live in, and the hosts the add-in talks to in each
 * (decision 44). Every host is Microsoft's documented one, from these pages:
 * - office.js: "Guidance for deploying Office Add-ins on government clouds" (GCC may use the public
 *   CDN, Microsoft recommends its GCC CDN; GCC High and DoD cannot reach the public CDN at all).
 * - Graph and sign-in: "Microsoft Graph national cloud deployments" (GCC keeps the worldwide
 *   endpoints; GCC High graph.microsoft.us; DoD dod-graph.microsoft.us; both sign in at
 *   login.microsoftonline.us).
 */
export type Cloud = "commercial" | "gcc" | "gccHigh" | "dod";

export interface CloudHosts {
  /** The office.js script URL. */
  readonly officeJs: string;
  /** Microsoft Graph's service root (no trailing slash). */
  readonly graph: string;
  /** The Microsoft Entra sign-in host. */
  readonly login: string;
}

export const CLOUDS: Readonly<Record<Cloud, CloudHosts>> = {
  commercial: {
    officeJs: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
    graph: "https://graph.microsoft.com",
    login: "https://login.microsoftonline.com",
  },
  gcc: {
    officeJs: "https://appsforoffice.gcc.cdn.office.net/appsforoffice/lib/1/hosted/office.js",
    graph: "https://graph.microsoft.com",
    login: "https://login.microsoftonline.com",
  },
  gccHigh: {
    officeJs: "https://appsforoffice.gcch.cdn.office.net/appsforoffice/lib/1/hosted/office.js",
    graph: "https://graph.microsoft.us",
    login: "https://login.microsoftonline.us",
  },
  dod: {
    officeJs: "https://appsforoffice.dod.cdn.office.net/appsforoffice/lib/1/hosted/office.js",
    graph: "https://dod-graph.microsoft.us",
    login: "https://login.microsoftonline.us",
  },
};

/** The names alone, so the settings check does not carry every cloud's hosts into the pane's bundle. */
export const CLOUD_NAMES: readonly Cloud[] = ["commercial", "gcc", "gccHigh", "dod"];

export function isCloud(v: unknown): v is Cloud {
  return typeof v === "string" && (CLOUD_NAMES as readonly string[]).includes(v);
}
