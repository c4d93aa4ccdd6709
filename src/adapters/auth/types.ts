/**
 * Who is signed in, and a token for Microsoft Graph. Outlook uses Microsoft sign-in (nested app
 * authentication through MSAL, adapters/auth/msal.ts); the harness uses a local stand-in behind the same
 * interface and says so.
 */
export interface SignedInUser {
  /** The user principal name, e.g. ana@plan.example: what the log records as assignee and actor. */
  readonly upn: string;
  readonly name: string;
  /** Entra group ids from the ID token's groups claim, when the app registration emits it. */
  readonly groups?: readonly string[];
}

export interface SignIn {
  readonly kind: "local" | "microsoft";
  user(): Promise<SignedInUser>;
  /** A token for Graph; throws SignInRequired when the user must sign in again. */
  getAccessToken(): Promise<string>;
  /** The service refused the last token (HTTP 401): forget any token kept outside MSAL's cache. */
  tokenRejected?(): void;
}

export class SignInRequired extends Error {
  override name = "SignInRequired";
}
