/** The Office dialog's sign-in configuration, from the settings the build embedded (and nothing else). */
import { CLOUDS } from "../../domain/clouds";
import { parseSettings } from "../../domain/settings";

export interface DialogSignInConfig {
  readonly clientId: string;
  readonly authority: string;
  readonly scopes: readonly string[];
}

export function dialogSignInConfig(embedded: unknown): DialogSignInConfig | null {
  try {
    const settings = parseSettings(embedded);
    const sp = settings.sharePoint;
    if (!sp || !sp.clientId || sp.scopes.length === 0) return null;
    // the sign-in host of the settings' cloud (decision 44)
    return { clientId: sp.clientId, authority: `${CLOUDS[settings.cloud].login}/${sp.tenantId}`, scopes: sp.scopes };
  } catch {
    return null;
  }
}
