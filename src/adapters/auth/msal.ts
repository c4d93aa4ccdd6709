/**
 * Microsoft sign-in for the pane, as Microsoft's Outlook NAA sample does it: nested app
 * authentication where the host supports it (the token comes from Outlook's own broker), then a
 * popup, then the Office dialog API when a popup is blocked. MSAL's PII logging is off and its log
 * lines are reduced to their level. The token cache is localStorage (decision 16): an Outlook pane
 * restarts often, and sessionStorage would ask advocates to sign in again each time.
 */
import {
  InteractionRequiredAuthError,
  LogLevel,
  type AccountInfo,
  type Configuration,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import { SignInRequired, type SignIn, type SignedInUser } from "./types";

export interface MicrosoftSignInOptions {
  /** The Entra app registration's client id. */
  readonly clientId: string;
  /** https://login.microsoftonline.com/<tenant id>, or .../organizations for any work account. */
  readonly authority: string;
  /** Delegated Graph scopes, least privilege first (decision 16). */
  readonly scopes: readonly string[];
  /** The same-origin redirect page (popup and silent flows outside NAA). */
  readonly redirectUri: string;
  /** Never open a popup or dialog (the on-send runtime cannot show one): silent or SignInRequired. */
  readonly silentOnly?: boolean;
}

export interface MsalFactories {
  /** Nested app authentication (Outlook's broker); used when the host supports NestedAppAuth 1.1. */
  readonly nestable: (config: Configuration) => Promise<IPublicClientApplication>;
  readonly standard: (config: Configuration) => Promise<IPublicClientApplication>;
  readonly naaSupported: () => boolean;
  /** Opens the Office dialog with the sign-in page and resolves with a token (or rejects). */
  readonly dialog: (scopes: readonly string[]) => Promise<{ accessToken: string; username: string; name: string }>;
  /** Where MSAL's log lines go: the level only, never the message. */
  readonly log: (level: number) => void;
  /**
   * The signed-in Office user's login hint (Office.auth.getAuthContext(), NestedAppAuth 1.1), or
   * null where the host does not give it: MSAL then signs in that account without asking which.
   */
  readonly loginHint?: () => Promise<string | null>;
}

function errorCode(e: unknown): string {
  return typeof (e as { errorCode?: unknown })?.errorCode === "string" ? (e as { errorCode: string }).errorCode : "";
}

/** A JWT's `exp` (UTC ms), or null when the token is not a JWT with one. Read, never verified: only to forget it in time. */
export function tokenExpiry(token: string): number | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const json = atob(part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "="));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

export class MicrosoftSignIn implements SignIn {
  readonly kind = "microsoft" as const;
  private pca: Promise<IPublicClientApplication> | undefined;
  private dialogUser: SignedInUser | undefined;
  private dialogToken: { token: string; until: number } | undefined;

  constructor(
    private readonly options: MicrosoftSignInOptions,
    private readonly factories: MsalFactories,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private config(): Configuration {
    return {
      auth: { clientId: this.options.clientId, authority: this.options.authority, redirectUri: this.options.redirectUri },
      cache: { cacheLocation: "localStorage" },
      system: {
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (level) => this.factories.log(level),
        },
      },
    };
  }

  private app(): Promise<IPublicClientApplication> {
    this.pca ??= this.factories.naaSupported() ? this.factories.nestable(this.config()) : this.factories.standard(this.config());
    return this.pca;
  }

  private static account(pca: IPublicClientApplication): AccountInfo | null {
    return pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
  }

  async user(): Promise<SignedInUser> {
    if (this.dialogUser) return this.dialogUser;
    const pca = await this.app();
    let account = MicrosoftSignIn.account(pca);
    if (!account) {
      await this.getAccessToken();
      if (this.dialogUser) return this.dialogUser;
      account = MicrosoftSignIn.account(pca);
    }
    if (!account) throw new SignInRequired("Sign in to save your work to SharePoint.");
    // the app registration's "groups" claim, when configured (absent past 200 groups: addresses then decide)
    const groups = account.idTokenClaims?.["groups"];
    return {
      upn: account.username.toLowerCase(),
      name: account.name ?? account.username,
      ...(Array.isArray(groups) ? { groups: groups.filter((g): g is string => typeof g === "string") } : {}),
    };
  }

  /** The list refused the token (401): a dialog token is dropped, so the next call signs in again. */
  tokenRejected(): void {
    this.dialogToken = undefined;
  }

  /** Silent first; a popup when the broker or cache needs the user; the Office dialog when popups are blocked. */
  private hint: Promise<string | null> | undefined;

  private loginHint(): Promise<string | null> {
    this.hint ??= (this.factories.loginHint?.() ?? Promise.resolve(null)).then((h) => (typeof h === "string" && h ? h : null)).catch(() => null);
    return this.hint;
  }

  async getAccessToken(): Promise<string> {
    if (this.dialogToken && this.dialogToken.until > this.now()) return this.dialogToken.token;
    this.dialogToken = undefined;
    const scopes = [...this.options.scopes];
    const pca = await this.app();
    const account = MicrosoftSignIn.account(pca);
    const loginHint = account ? null : await this.loginHint();
    try {
      // no cached account yet: the Office user's login hint lets MSAL pick that account silently
      const r = loginHint ? await pca.ssoSilent({ scopes, loginHint }) : await pca.acquireTokenSilent({ scopes, ...(account ? { account } : {}) });
      if (loginHint && r.account) pca.setActiveAccount(r.account);
      return r.accessToken;
    } catch (e) {
      if (!(e instanceof InteractionRequiredAuthError) && account) throw new SignInRequired("Sign in again to save your work to SharePoint.");
    }
    if (this.options.silentOnly) throw new SignInRequired("Sign in from the pane to save your work to SharePoint.");
    try {
      const r = await pca.acquireTokenPopup({ scopes, ...(loginHint ? { loginHint } : {}) });
      if (r.account) pca.setActiveAccount(r.account);
      return r.accessToken;
    } catch (e) {
      if (errorCode(e) !== "popup_window_error" && errorCode(e) !== "empty_window_error") {
        throw new SignInRequired(errorCode(e) === "user_cancelled" ? "Sign-in was cancelled." : "Sign in to save your work to SharePoint.");
      }
    }
    try {
      const r = await this.factories.dialog(scopes);
      this.dialogUser = { upn: r.username.toLowerCase(), name: r.name };
      // kept only until the token's own expiry (a minute early); one whose expiry cannot be read is used once
      const exp = tokenExpiry(r.accessToken);
      if (exp !== null) this.dialogToken = { token: r.accessToken, until: exp - 60_000 };
      return r.accessToken;
    } catch {
      throw new SignInRequired("Sign-in did not finish. Try again, or allow pop-ups for Outlook.");
    }
  }
}
