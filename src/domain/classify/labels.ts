/** The contract's labels for the classifier's fields (contract section 1), defined once. */

export const CATEGORIES = [
  "claims_billing",
  "eligibility_enrollment",
  "benefits_coverage",
  "authorization",
  "provider_search",
  "member_materials",
  "language_access",
  "portal_access",
  "grievance",
  "appeal",
  "out_of_scope",
  "general_inquiry",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SENDER_TYPES = ["member", "provider", "agent", "internal", "unknown"] as const;
export type SenderType = (typeof SENDER_TYPES)[number];

export const FLAGS = [
  "clinical_referral",
  "account_verification_required",
  "missing_required_info",
  "mixed_lines_of_business",
  "repeat_contact",
  "non_english",
] as const;
export type Flag = (typeof FLAGS)[number];

/** The flags the model learns; the others are rules (the procedures' required fields, the language). */
export const LEARNED_FLAGS = ["clinical_referral", "account_verification_required", "repeat_contact", "mixed_lines_of_business"] as const;

