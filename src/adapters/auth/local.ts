import type { SignIn, SignedInUser } from "./types";

/** The harness's sign-in: a fixed local user, no Microsoft account, a token only the emulator accepts. */
export class LocalSignIn implements SignIn {
  readonly kind = "local" as const;
  constructor(private readonly signedIn: SignedInUser) {}
  async user(): Promise<SignedInUser> {
    return this.signedIn;
  }
  async getAccessToken(): Promise<string> {
    return "local-harness";
  }
}
