/** The Office dialog's sign-in configuration, from the settings the build embedded (and nothing else). */
import { parseSettings } from "../../domain/settings";

export interface DialogSignInConfig {
  readonly clientId: string;
  readonly authority: string;
  readonly scopes: readonly string[];
}

export function dialogSignInConfig(embedded: unknown): DialogSignInConfig | null {
  try {
    const sp = parseSettings(embedded).sharePoint;
    if (!sp || !sp.clientId || sp.scopes.length === 0) return null;
    return { clientId: sp.clientId, authority: `https://login.microsoftonline.com/${sp.tenantId}`, scopes: sp.scopes };
  } catch {
    return null;
  }
}
