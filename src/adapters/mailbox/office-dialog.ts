/**
 * The Office dialog API as the last sign-in fallback: opens the add-in's own sign-in page in an
 * Office dialog, which signs in with MSAL and sends the token back with messageParent.
 */
import type { OfficeApi } from "./office";

export interface DialogToken {
  readonly accessToken: string;
  readonly username: string;
  readonly name: string;
}

/** Parses the dialog's message (untrusted until read). */
export function parseDialogMessage(message: string): DialogToken | null {
  try {
    const o = JSON.parse(message) as Record<string, unknown>;
    if (o["status"] !== "success" || typeof o["accessToken"] !== "string" || typeof o["username"] !== "string") return null;
    return { accessToken: o["accessToken"], username: o["username"], name: typeof o["name"] === "string" ? o["name"] : o["username"] };
  } catch {
    return null;
  }
}

export function signInWithDialog(office: Pick<typeof Office, "context" | "EventType" | "AsyncResultStatus">, url: string): Promise<DialogToken> {
  return new Promise((resolve, reject) => {
    office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) {
        reject(new Error(`dialog ${result.error?.code ?? "failed"}`));
        return;
      }
      const dialog = result.value;
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const token = "message" in arg ? parseDialogMessage(arg.message) : null;
        if (token) resolve(token);
        else reject(new Error("sign-in failed"));
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, (arg) => {
        reject(new Error(`dialog closed (${"error" in arg ? arg.error : "unknown"})`)); // 12006: the user closed it
      });
    });
  });
}

export type { OfficeApi };
