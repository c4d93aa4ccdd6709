/**
 * The templates list's items ↔ the domain's Template. Reading is defensive: an item a manager left
 * half-filled, with an unknown purpose or an empty body, is skipped rather than shown.
 */
import type { Flag } from "../../domain/classify/classifier";
import type { Category } from "../../domain/classify/labels";
import { PURPOSES, type Purpose, type Template } from "../../domain/templates/templates";

const list = (v: unknown) => (typeof v === "string" ? v.split(";").map((x) => x.trim()).filter(Boolean) : []);

export function templateToFields(t: Template): Record<string, unknown> {
  return {
    Title: t.title,
    TemplateId: t.id,
    Purpose: t.purpose,
    Categories: t.categories.join(";"),
    Flags: t.flags.join(";"),
    Policies: t.policies.join(";"),
    Language: t.language,
    Body: t.body,
    ApprovalStatus: t.approval.status,
    Version: t.approval.version,
    ApprovedBy: t.approval.approvedBy,
    ApprovedOn: t.approval.approvedOn,
  };
}

export function templateFromFields(f: Readonly<Record<string, unknown>>): Template | null {
  const purpose = f["Purpose"];
  const body = f["Body"];
  const id = f["TemplateId"];
  const status = f["ApprovalStatus"];
  if (typeof id !== "string" || !id || typeof body !== "string" || !body.trim()) return null;
  if (typeof purpose !== "string" || !(PURPOSES as readonly string[]).includes(purpose)) return null;
  if (status !== "Draft" && status !== "Approved" && status !== "Retired") return null;
  return {
    id,
    title: typeof f["Title"] === "string" && f["Title"] ? f["Title"] : id,
    purpose: purpose as Purpose,
    categories: list(f["Categories"]) as Category[],
    flags: list(f["Flags"]) as Flag[],
    policies: list(f["Policies"]),
    language: typeof f["Language"] === "string" && f["Language"] ? f["Language"] : "en",
    body,
    approval: {
      status,
      version: typeof f["Version"] === "number" ? f["Version"] : Number(f["Version"]) || 1,
      approvedBy: typeof f["ApprovedBy"] === "string" ? f["ApprovedBy"] : "",
      approvedOn: typeof f["ApprovedOn"] === "string" ? f["ApprovedOn"] : "",
    },
  };
}
