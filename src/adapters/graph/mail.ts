/**
 * Sends a report by e-mail through Graph (`POST /me/sendMail`, delegated Mail.Send; or
 * `/users/{sender}/sendMail` for a shared sender the signed-in account may send as). The report is
 * the message body; its CSV goes as an attachment. Graph answers 202 with no body.
 */
import { pathSegment } from "./odata";
import type { Client } from "@microsoft/microsoft-graph-client";

export interface ReportMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly html: string;
  readonly attachments?: readonly { readonly name: string; readonly contentType: string; readonly content: string }[];
  /** Send as this mailbox instead of the signed-in user. */
  readonly from?: string;
}

function base64(text: string): string {
  let binary = "";
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

export async function sendReportMail(client: Client, mail: ReportMail): Promise<void> {
  const path = mail.from ? `/users/${pathSegment(mail.from)}/sendMail` : "/me/sendMail";
  await client.api(path).post({
    message: {
      subject: mail.subject,
      body: { contentType: "HTML", content: mail.html },
      toRecipients: mail.to.map((address) => ({ emailAddress: { address } })),
      attachments: (mail.attachments ?? []).map((a) => ({
        "@odata.type": "#microsoft.graph.fileAttachment",
        name: a.name,
        contentType: a.contentType,
        contentBytes: base64(a.content),
      })),
    },
    saveToSentItems: true,
  });
}
