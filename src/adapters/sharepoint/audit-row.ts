/**
 * The "Email Audit" list's columns for the NCQA audit worksheet (decision 18): a worksheet row as a
 * list item, and a list item read back as the worksheet's answers. The domain knows the worksheet's
 * columns; only this adapter knows the list's field names.
 */
import { AUDIT_COLUMNS, type AuditRow } from "../../domain/reports/audit";

export const AUDIT_FIELD: Readonly<Record<(typeof AUDIT_COLUMNS)[number], string>> = {
  "Member Id Number": "MemberId",
  "Confirmation Number": "ConfirmationNumber",
  "Request Date": "RequestDate",
  "Acknowledgement Date": "AcknowledgementDate",
  "Acknowledgement # of Business Days": "AcknowledgementBusinessDays",
  "Acknowledgement TAT Met Y/N": "AcknowledgementTatMet",
  "Resolution Date": "ResolutionDate",
  "Resolution # of Business Days": "ResolutionBusinessDays",
  "Resolution TAT Met Y/N": "ResolutionTatMet",
  "Answered Correctly (Yes/No)": "AnsweredCorrectly",
  "Reply Professional (Yes/No)": "ReplyProfessional",
  "Accurate Information (Yes/No)": "AccurateInformation",
  Notes: "Notes",
};

/** One sampled inquiry as an "Email Audit" list item: the worksheet row, the month, the seed, and a key that makes recording it twice impossible. */
export function auditListFields(row: AuditRow, month: string, seed: number, internetMessageId: string): Record<string, string | number> {
  const fields: Record<string, string | number> = { Title: `${month} ${row["Confirmation Number"] || "(no confirmation number)"}`, AuditKey: `${month} ${internetMessageId}`, AuditMonth: month, AuditSeed: seed };
  for (const c of AUDIT_COLUMNS) fields[AUDIT_FIELD[c]] = row[c];
  return fields;
}

/** An "Email Audit" list item's fields as the worksheet's columns (what the quarter's score reads); missing fields stay missing. */
export function auditRowOfFields(fields: Readonly<Record<string, unknown>>): Partial<AuditRow> {
  const row: Partial<Record<(typeof AUDIT_COLUMNS)[number], string>> = {};
  for (const c of AUDIT_COLUMNS) {
    const v = fields[AUDIT_FIELD[c]];
    if (v !== undefined && v !== null) row[c] = String(v);
  }
  return row;
}
