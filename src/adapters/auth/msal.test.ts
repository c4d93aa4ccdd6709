import { InteractionRequiredAuthError, type IPublicClientApplication } from "@azure/msal-browser";
import { describe, expect, it, vi } from "vitest";
import { MicrosoftSignIn, type MsalFactories } from "./msal";
import { SignInRequired } from "./types";

const options = { clientId: "c", authority: "https://login.microsoftonline.com/organizations", scopes: ["Sites.Selected"], redirectUri: "https://addin.example.org/taskpane.html" };
const account = { username: "Ana@Plan.Example", name: "Ana", homeAccountId: "h", environment: "e", tenantId: "t", localAccountId: "l" };

function fakePca(over: Partial<Record<"silent" | "popup" | "sso", () => Promise<unknown>>>, accounts = [account]) {
  return {
    ssoSilent: vi.fn(over.sso ?? (async () => ({ accessToken: "sso-token", account }))),
    getActiveAccount: () => null,
    getAllAccounts: () => accounts,
    setActiveAccount: vi.fn(),
    acquireTokenSilent: vi.fn(over.silent ?? (async () => ({ accessToken: "silent-token" }))),
    acquireTokenPopup: vi.fn(over.popup ?? (async () => ({ accessToken: "popup-token", account }))),
  } as unknown as IPublicClientApplication & { acquireTokenSilent: ReturnType<typeof vi.fn>; acquireTokenPopup: ReturnType<typeof vi.fn>; ssoSilent: ReturnType<typeof vi.fn> };
}

function factories(pca: IPublicClientApplication, naa = true, dialog?: MsalFactories["dialog"], loginHint?: string): MsalFactories & { nestable: ReturnType<typeof vi.fn>; standard: ReturnType<typeof vi.fn> } {
  return {
    ...(loginHint ? { loginHint: async () => loginHint } : {}),
    nestable: vi.fn(async () => pca),
    standard: vi.fn(async () => pca),
    naaSupported: () => naa,
    dialog: dialog ?? (async () => ({ accessToken: "dialog-token", username: "Ben@Plan.Example", name: "Ben" })),
    log: vi.fn(),
  } as never;
}

describe("Microsoft sign-in", () => {
  it("uses nested app authentication when Outlook supports it, and a silent token first", async () => {
    const pca = fakePca({});
    const f = factories(pca, true);
    const s = new MicrosoftSignIn(options, f);
    expect(await s.getAccessToken()).toBe("silent-token");
    expect(f.nestable).toHaveBeenCalledTimes(1);
    expect(f.standard).not.toHaveBeenCalled();
    expect(await s.user()).toEqual({ upn: "ana@plan.example", name: "Ana" });
    const config = f.nestable.mock.calls[0]![0] as { cache: { cacheLocation: string }; system: { loggerOptions: { piiLoggingEnabled: boolean } } };
    expect(config.cache.cacheLocation).toBe("localStorage");
    expect(config.system.loggerOptions.piiLoggingEnabled).toBe(false);
  });

  it("falls back to a popup when interaction is required, and to the Office dialog when the popup is blocked", async () => {
    const needsUser = async () => {
      throw new InteractionRequiredAuthError("interaction_required", "interaction required");
    };
    const popupOk = fakePca({ silent: needsUser });
    expect(await new MicrosoftSignIn(options, factories(popupOk, false)).getAccessToken()).toBe("popup-token");
    const blocked = fakePca({ silent: needsUser, popup: async () => Promise.reject(Object.assign(new Error("x"), { errorCode: "popup_window_error" })) });
    const s = new MicrosoftSignIn(options, factories(blocked, false));
    expect(await s.getAccessToken()).toBe("dialog-token");
    expect(await s.user()).toEqual({ upn: "ben@plan.example", name: "Ben" });
  });

  it("asks the advocate to sign in when every way fails, without a token or message in the error", async () => {
    const needsUser = async () => {
      throw new InteractionRequiredAuthError("interaction_required", "interaction required");
    };
    const blocked = fakePca({ silent: needsUser, popup: async () => Promise.reject(Object.assign(new Error("secret"), { errorCode: "popup_window_error" })) });
    const s = new MicrosoftSignIn(options, factories(blocked, false, async () => Promise.reject(new Error("12006"))));
    await expect(s.getAccessToken()).rejects.toEqual(new SignInRequired("Sign-in did not finish. Try again, or allow pop-ups for Outlook."));
    const cancelled = fakePca({ silent: needsUser, popup: async () => Promise.reject(Object.assign(new Error("x"), { errorCode: "user_cancelled" })) });
    await expect(new MicrosoftSignIn(options, factories(cancelled)).getAccessToken()).rejects.toThrow("Sign-in was cancelled.");
  });

  it("signs in the Office user's own account with the login hint from getAuthContext when MSAL has none cached", async () => {
    const pca = fakePca({}, []);
    const s = new MicrosoftSignIn(options, factories(pca, true, undefined, "ana@plan.example"));
    expect(await s.getAccessToken()).toBe("sso-token");
    expect(pca.ssoSilent).toHaveBeenCalledWith({ scopes: ["Sites.Selected"], loginHint: "ana@plan.example" });
    expect(pca.acquireTokenSilent).not.toHaveBeenCalled();
    const needsUser = async () => {
      throw new InteractionRequiredAuthError("interaction_required", "interaction required");
    };
    const prompt = fakePca({ sso: needsUser }, []);
    expect(await new MicrosoftSignIn(options, factories(prompt, true, undefined, "ana@plan.example")).getAccessToken()).toBe("popup-token");
    expect(prompt.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ["Sites.Selected"], loginHint: "ana@plan.example" });
  });

  it("uses the cached account, not the hint, once MSAL has one", async () => {
    const pca = fakePca({});
    expect(await new MicrosoftSignIn(options, factories(pca, true, undefined, "ana@plan.example")).getAccessToken()).toBe("silent-token");
    expect(pca.ssoSilent).not.toHaveBeenCalled();
  });
});

describe("the Office dialog's token", () => {
  const needsUser = async () => {
    throw new InteractionRequiredAuthError("interaction_required", "interaction required");
  };
  const blockedPopup = async () => Promise.reject(Object.assign(new Error("x"), { errorCode: "popup_window_error" }));
  const jwt = (exp: number) => `h.${btoa(JSON.stringify({ exp })).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")}.s`;

  it("is kept only until its own expiry, and dropped when the list refuses it", async () => {
    let clock = Date.parse("2026-03-04T16:00:00Z");
    let n = 0;
    const dialog = vi.fn(async () => ({ accessToken: jwt(clock / 1000 + 10 * 60 + n++), username: "ben@plan.example", name: "Ben" }));
    const s = new MicrosoftSignIn(options, factories(fakePca({ silent: needsUser, popup: blockedPopup }), false, dialog), () => clock);
    const first = await s.getAccessToken();
    expect(await s.getAccessToken()).toBe(first); // kept while it is valid
    expect(dialog).toHaveBeenCalledTimes(1);
    clock += 9 * 60_000 + 1; // within a minute of its exp: not used any more
    expect(await s.getAccessToken()).not.toBe(first);
    expect(dialog).toHaveBeenCalledTimes(2);
    s.tokenRejected(); // a 401 from the list
    await s.getAccessToken();
    expect(dialog).toHaveBeenCalledTimes(3);
  });

  it("is not kept at all when its expiry cannot be read", async () => {
    const dialog = vi.fn(async () => ({ accessToken: "opaque", username: "ben@plan.example", name: "Ben" }));
    const s = new MicrosoftSignIn(options, factories(fakePca({ silent: needsUser, popup: blockedPopup }), false, dialog));
    await s.getAccessToken();
    await s.getAccessToken();
    expect(dialog).toHaveBeenCalledTimes(2);
  });
});

describe("the sign-in dialog page", () => {
  it("takes its client id, authority and scopes from the build's settings, never from its address", async () => {
    const { readFileSync } = await import("node:fs");
    const { dialogSignInConfig } = await import("./dialog-config");
    const page = readFileSync(new URL("./dialog-page.ts", import.meta.url), "utf8");
    expect(page).not.toMatch(/location\.search|URLSearchParams|location\.hash/);
    const clientId = "11111111-2222-3333-4444-555555555555";
    const tenantId = "66666666-7777-8888-9999-000000000000";
    expect(dialogSignInConfig({ sharePoint: { site: "s", clientId, tenantId, scopes: ["Sites.Selected"] } })).toEqual({
      clientId, authority: `https://login.microsoftonline.com/${tenantId}`, scopes: ["Sites.Selected"],
    });
    expect(dialogSignInConfig(null)).toBeNull();
  });
});
