/**
 * What the pane shows of a classification, beyond the labels: the reasons (which of the sender's
 * words are quoted, how they are joined into phrases and cut, when the quoted history or the
 * subject is quoted), the "may be a grievance / an appeal" warning and the sentence it quotes, the
 * confidence, the thresholds (a probability at a threshold counts), the precedence of the rules
 * that stand beside the model (agent-support's Medicaid rule, the agent template's fields, the
 * specialist request's specialty, mixed lines of business), and the probabilities that calibration
 * reads. The shipped model is used where the behaviour is the product's; where a test needs exact
 * pushes (a tie, a word at the cut-off), a tiny hand-made model stands in: a few words, each pushing
 * the outputs it names by a weight given here, and biases for the rest.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Classifier, MODEL_HEADS, type Classification, type ClassifierOptions, type EmailInput } from "./classifier";
import { ownWordHash, subjectWordHash } from "./features";
import { CATEGORIES, LEARNED_FLAGS } from "./labels";
import { LinearModel, type HeadSpec } from "./model";
import { loadModel } from "../../cli/model";

const email = (over: Partial<EmailInput>): EmailInput => ({
  mailbox: "secure-message",
  from: "pat.doe@example.com",
  subject: "",
  body: "",
  bodyType: "text",
  ...over,
});

/** An output of a tiny model: "category.appeal", "senderType.agent", "priority.high", a flag, or a yes/no head's name. */
type Pushes = Readonly<Record<string, number>>;

interface Tiny {
  readonly heads?: readonly HeadSpec[];
  readonly bias?: Pushes;
  /** Words of the body (own words and quoted history alike), each with what it pushes. */
  readonly words?: Readonly<Record<string, Pushes>>;
  /** Words of the subject. */
  readonly subjectWords?: Readonly<Record<string, Pushes>>;
  readonly thresholds?: Readonly<Record<string, number>>;
}

const BITS = 16;

/** A model that reads words only (no pairs, n-grams, negation or concepts), each word pushing as told. */
function tinyModel(t: Tiny): LinearModel {
  const heads = t.heads ?? MODEL_HEADS;
  const names = heads.flatMap((h) => (h.kind === "softmax" ? h.labels.map((l) => `${h.name}.${l}`) : [h.name]));
  const column = (name: string): number => {
    const k = names.indexOf(name);
    if (k < 0) throw new Error(`no output ${name}`);
    return k;
  };
  const rows = new Map<number, Float32Array>();
  const taken = new Map<number, number>();
  const add = (hash: number, pushes: Pushes) => {
    const bucket = hash >>> (32 - BITS);
    if ((taken.get(bucket) ?? hash) !== hash) throw new Error("two words of a tiny model share a bucket: rename one");
    taken.set(bucket, hash);
    const row = rows.get(bucket) ?? new Float32Array(names.length);
    for (const [name, v] of Object.entries(pushes)) row[column(name)]! += v;
    rows.set(bucket, row);
  };
  for (const [w, p] of Object.entries(t.words ?? {})) add(ownWordHash(w), p);
  for (const [w, p] of Object.entries(t.subjectWords ?? {})) add(subjectWordHash(w), p);
  const buckets = Uint32Array.from(rows.keys());
  const weights = new Float32Array(buckets.length * names.length);
  [...rows.values()].forEach((row, r) => weights.set(row, r * names.length));
  const bias = new Float32Array(names.length);
  // a yes/no head says no unless told otherwise
  for (const h of heads) if (h.kind === "logistic") bias[column(h.name)] = -8;
  for (const [name, v] of Object.entries(t.bias ?? {})) bias[column(name)] = v;
  return new LinearModel(
    {
      format: "triage-linear",
      version: "tiny-1",
      bits: BITS,
      features: { charNgrams: [], bigrams: false, quotedWeight: 0.35, subjectWeight: 1.5, charWeight: 0.5, negation: false, concepts: false },
      heads,
      temperature: {},
      thresholds: t.thresholds ?? {},
      trainedOn: { emails: 0, writers: 0, corpusHash: "" },
    },
    buckets,
    weights,
    bias,
  );
}

const tiny = (t: Tiny, options: Omit<ClassifierOptions, "model"> = {}) => new Classifier({ model: tinyModel(t), ...options });

/** The text of the reason given for one field (the first, for flags). */
const reason = (c: Classification, field: string): string | undefined => c.reasons.find((r) => r.field === field)?.text;
const PLAIN = email({ body: "Hello there, a question." });
const pOf = (p: { category: number[] }, c: string) => p.category[CATEGORIES.indexOf(c as (typeof CATEGORIES)[number])]!;

let shipped: Classifier;
beforeAll(() => {
  // built here, not at load, so that a change to the constructor is in force when it runs
  shipped = new Classifier({ model: loadModel() });
});

const YES_NO = ["grievanceOrAppeal", "highPriority"];
/** A model made before the two yes/no heads were added. */
const OLDER_HEADS = MODEL_HEADS.filter((h) => !YES_NO.includes(h.name));
const first = (name: string) => [MODEL_HEADS.find((h) => h.name === name)!, ...MODEL_HEADS.filter((h) => h.name !== name)];

describe("the model's probabilities and heads", () => {
  it("gives calibration every category, priority and learned flag, and the two yes/no heads, as probabilities", () => {
    const e = email({ body: "I want to file a complaint: the driver never came for my dialysis ride and nobody called." });
    const p = shipped.probabilities(e);
    expect(p.category).toHaveLength(CATEGORIES.length);
    expect(p.category.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(p.priority).toHaveLength(3);
    expect(p.priority.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(Object.keys(p.flags).sort()).toEqual([...LEARNED_FLAGS].sort());
    for (const v of [p.ga, p.high, ...Object.values(p.flags)]) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(1);
    }
    // the pane's grievance is the likeliest category there, and the yes/no head agrees
    expect(shipped.classify(e).category).toBe("grievance");
    expect(p.ga).toBeGreaterThan(0.5);
  });

  it("names the model that decided", () => {
    expect(shipped.modelVersion).toBe(loadModel().header.version);
    expect(shipped.classify(PLAIN).modelVersion).toBe(shipped.modelVersion);
    expect(tiny({}).modelVersion).toBe("tiny-1");
  });

  it("averages the high-priority yes/no head with the priority's softmax: a sure head makes a softmax third high", () => {
    // P(high) by the softmax is 1/3, below the 0.4 threshold; the head's 0.99 lifts the average to 0.66
    const c = tiny({ bias: { highPriority: 5 } }).classify(PLAIN);
    expect(c.priority).toBe("high");
    expect(reason(c, "priority")).toBe("immediate risk to access to care");
    expect(tiny({}).classify(PLAIN).priority).toBe("routine");
  });

  it("reads a model without the two yes/no heads: the softmax alone decides, and calibration is told they are absent", () => {
    // P(grievance) + P(appeal) = 0.41 by the softmax, claims billing the likeliest single category
    const older = tiny({ heads: OLDER_HEADS, bias: { "category.claims_billing": 2.5, "category.grievance": 2, "category.appeal": 2, "priority.high": 0.5 } });
    const p = older.probabilities(PLAIN);
    expect([p.ga, p.high]).toEqual([-1, -1]);
    const c = older.classify(PLAIN);
    expect(c.category).toBe("appeal");
    expect(c.priority).toBe("high");
  });

  it("finds the yes/no heads by name, wherever the model puts them", () => {
    const gaFirst = tiny({ heads: first("grievanceOrAppeal"), bias: { grievanceOrAppeal: 5, "category.general_inquiry": 1 } });
    expect(gaFirst.probabilities(PLAIN).ga).toBeCloseTo(1 / (1 + Math.exp(-5)), 6);
    // the head's 0.99 and the softmax's 0.15 average above the 0.4 at which grievance or appeal is chosen
    expect(gaFirst.classify(PLAIN).category).toBe("appeal");
    const highFirst = tiny({ heads: first("highPriority"), bias: { highPriority: 5 } });
    expect(highFirst.probabilities(PLAIN).high).toBeCloseTo(1 / (1 + Math.exp(-5)), 6);
    expect(highFirst.classify(PLAIN).priority).toBe("high");
  });
});

describe("thresholds and ties", () => {
  it("counts a probability exactly at its threshold as reaching it: grievance chosen, the warning shown, a flag set, high priority", () => {
    const T: Tiny = {
      bias: { "category.claims_billing": 3, "category.grievance": 2, grievanceOrAppeal: -1, repeat_contact: 0.3, highPriority: -0.5, "priority.high": 0.2 },
    };
    const p = tiny(T).probabilities(PLAIN);
    const ga = (p.ga + pOf(p, "grievance") + pOf(p, "appeal")) / 2;
    const high = (p.high + p.priority[2]!) / 2;
    expect(tiny(T, { thresholds: { gaPick: ga } }).classify(PLAIN).category).toBe("grievance");
    expect(tiny(T, { thresholds: { gaPick: ga + 0.01 } }).classify(PLAIN).category).toBe("claims_billing");
    expect(tiny(T, { thresholds: { gaWarn: ga, gaPick: 1 } }).classify(PLAIN).mayBe?.category).toBe("grievance");
    expect(tiny(T, { thresholds: { gaWarn: ga + 0.01, gaPick: 1 } }).classify(PLAIN).mayBe).toBeUndefined();
    expect(tiny(T, { thresholds: { repeat_contact: p.flags["repeat_contact"]! } }).classify(PLAIN).flags).toContain("repeat_contact");
    expect(tiny(T, { thresholds: { repeat_contact: p.flags["repeat_contact"]! + 0.01 } }).classify(PLAIN).flags).not.toContain("repeat_contact");
    expect(tiny(T, { thresholds: { high } }).classify(PLAIN).priority).toBe("high");
    expect(tiny(T, { thresholds: { high: high + 0.01 } }).classify(PLAIN).priority).not.toBe("high");
  });

  it("gives the label first in the contract's list when two are exactly as likely: a topic, a sender type, routine before escalated", () => {
    const c = tiny({ bias: { "category.claims_billing": 2, "category.benefits_coverage": 2, "senderType.member": 1, "senderType.provider": 1 } }).classify(
      PLAIN,
    );
    expect([c.category, c.senderType, c.priority]).toEqual(["claims_billing", "member", "routine"]);
    expect(c.reasons.map((r) => r.field)).not.toContain("priority");
  });

  it("explains a category against the runner-up first in the contract's list when two are exactly as likely behind it", () => {
    // eligibility and benefits tie for second; "gamma" pushes claims above eligibility only, "delta" above benefits only
    const T = tiny({
      bias: { "category.claims_billing": 3, "category.eligibility_enrollment": 1, "category.benefits_coverage": 1 },
      words: {
        gamma: { "category.claims_billing": 1, "category.benefits_coverage": 1 },
        delta: { "category.claims_billing": 1, "category.eligibility_enrollment": 1 },
      },
    });
    const p = T.probabilities(email({ body: "gamma delta" }));
    expect(pOf(p, "eligibility_enrollment")).toBe(pOf(p, "benefits_coverage"));
    expect(reason(T.classify(email({ body: "gamma delta" })), "category")).toBe("claims billing: “gamma”");
  });

  it("puts appeal before grievance when the two are exactly as likely, in the category and in the warning", () => {
    expect(tiny({ bias: { "category.grievance": 2, "category.appeal": 2, grievanceOrAppeal: 5 } }).classify(PLAIN).category).toBe("appeal");
    // each 0.17: together below the 0.4 that picks them, above the 0.15 that warns
    const warned = tiny({ bias: { "category.claims_billing": 3, "category.grievance": 2, "category.appeal": 2 } }).classify(PLAIN);
    expect(warned.category).toBe("claims_billing");
    expect(warned.mayBe).toMatchObject({ category: "appeal", probability: 0.17 });
  });

  it("gives the likeliest topic when the yes/no head says no to a softmax appeal (the first on a tie), and warns it may be an appeal", () => {
    // P(appeal) 0.53 and P(grievance) 0.03 by the softmax, the yes/no head near 0: averaged 0.28, below the 0.4 that picks it
    const T = tiny({
      bias: { "category.appeal": 3 },
      words: {
        alpha: { "category.claims_billing": 1.5, "category.eligibility_enrollment": 1.5 },
        beta: { "category.benefits_coverage": 1.5 },
      },
    });
    const tie = T.classify(email({ body: "alpha" }));
    expect(tie.category).toBe("claims_billing");
    expect(tie.mayBe?.category).toBe("appeal");
    expect(tie.mayBe?.probability).toBe(0.28);
    const benefits = T.classify(email({ body: "beta" }));
    expect(benefits.category).toBe("benefits_coverage");
    expect(benefits.mayBe?.category).toBe("appeal");
  });
});

describe("priority's reasons", () => {
  it("says why a model-escalated or high email is so, without a colon when no word of the sender's carried it", () => {
    const escalated = tiny({ bias: { "priority.escalated": 2 } }).classify(PLAIN);
    expect(escalated.priority).toBe("escalated");
    expect(reason(escalated, "priority")).toBe("arrived through an escalation path");
  });
});

const AGENT = { mailbox: "agent-support", from: "ann@agency-insurance.example" } as const;
const TEMPLATE = "Agent Name: Ann Lee\nAgent SAN: 4417\nMember ID #: PLH-M-1\nMember Name: Tanya Brooks\nSummary of issue: ";

describe("the rules beside the model", () => {
  it("puts a Medicaid member's question to agent-support out of scope when only the body says Medicaid", () => {
    const c = shipped.classify(
      email({ ...AGENT, subject: "Question about my client", body: `${TEMPLATE}my client is a Medicaid member and she wants to change her PCP.` }),
    );
    expect(c.category).toBe("out_of_scope");
    expect(reason(c, "category")).toBe("a Medicaid member's question in the agent-support mailbox, which serves Medicare and Individual members only");
    expect(c.confidence).toBe(0.95);
  });

  it("keeps a Medicaid member's appeal or grievance sent to agent-support as such: it must be forwarded", () => {
    const appeal = shipped.classify(
      email({
        ...AGENT,
        subject: "Brooks, Tanya Medicaid",
        body: `${TEMPLATE}she wants to appeal the denial of her wheelchair. Please reconsider the decision and send the appeal form.`,
      }),
    );
    expect(appeal.category).toBe("appeal");
    const grievance = shipped.classify(
      email({
        ...AGENT,
        subject: "Brooks, Tanya Medicaid",
        body: `${TEMPLATE}she wants to file a complaint about the rude driver who never came. Please file a grievance.`,
      }),
    );
    expect(grievance.category).toBe("grievance");
  });

  it("keeps a Medicaid member's appeal to agent-support an appeal when the yes/no head says so, though a topic ranks first", () => {
    const body = `${TEMPLATE}my client is a Medicaid member and she wants to change her PCP.`;
    // the softmax ranks claims first; the grievance-or-appeal head says yes
    const c = tiny({ bias: { "category.claims_billing": 3, "category.appeal": 2, grievanceOrAppeal: 5 } }).classify(
      email({ ...AGENT, subject: "Question", body }),
    );
    expect(c.category).toBe("appeal");
    expect(reason(c, "category")).not.toMatch(/agent-support mailbox/);
    // the head says no: the Medicaid question is out of scope there
    const no = tiny({ bias: { "category.claims_billing": 3, "category.appeal": 2, grievanceOrAppeal: -5 } }).classify(
      email({ ...AGENT, subject: "Question", body }),
    );
    expect(no.category).toBe("out_of_scope");
  });

  it("reads 'Medicaid member' for agent-support's rule only as words of their own: a word glued onto 'Medicaid' is not read as saying it", () => {
    const c = shipped.classify(
      email({ ...AGENT, subject: "Question about my client", body: `${TEMPLATE}my client is anMedicaid member and she wants to change her PCP.` }),
    );
    expect(reason(c, "category")).not.toMatch(/agent-support mailbox/);
  });

  it("does not file an agent's question as a Medicaid member's when the agent says the member is not on Medicaid", () => {
    for (const said of ["my client is not a Medicaid member", "my client is a non-Medicaid member", "she has no Medicaid coverage"]) {
      const c = shipped.classify(email({ ...AGENT, subject: "Question about my client", body: `${TEMPLATE}${said} and she wants to change her PCP.` }));
      expect(reason(c, "category"), said).not.toMatch(/agent-support mailbox/);
    }
    const on = shipped.classify(
      email({ ...AGENT, subject: "Question about my client", body: `${TEMPLATE}my client is a Medicaid member and she wants to change her PCP.` }),
    );
    expect(on.category).toBe("out_of_scope");
    expect(reason(on, "category")).toMatch(/agent-support mailbox/);
  });

  it("checks the agent template only for an agent's email to agent-support, not for plan staff there or an agent elsewhere", () => {
    const staff = shipped.classify(
      email({ mailbox: "agent-support", from: "csr@plan.example", subject: "question", body: "A member called about her ID card." }),
    );
    expect(staff.senderType).toBe("internal");
    expect(staff.missingFields).toEqual([]);
    expect(staff.flags).not.toContain("missing_required_info");
    const agents = tiny({ bias: { "senderType.agent": 3 } });
    expect(agents.classify(email({ body: "Hello there, a question." })).missingFields).toEqual([]);
    expect(agents.classify(email({ mailbox: "agent-support", body: "Hello there, a question." })).missingFields).toEqual([
      "Agent Name",
      "Agent SAN",
      "Member ID #",
      "Member Name",
      "Summary of issue",
      "subject in the form 'Last, First Medicare' or 'Last, First Individual'",
    ]);
  });

  it("counts a template field left blank, or filled with dashes or an underscore, as missing; a subject in the form with a stray tab before it is in the form", () => {
    const c = shipped.classify(
      email({
        ...AGENT,
        subject: "\tBrooks, Tanya Medicare",
        body: "Agent Name: Ann Lee\nAgent SAN:\nMember ID #: --  \nMember Name: _\nSummary of issue: card not received",
      }),
    );
    expect(c.senderType).toBe("agent");
    expect(c.missingFields).toEqual(["Agent SAN", "Member ID #", "Member Name"]);
    expect(reason(c, "flags")).toBe("missing: Agent SAN; Member ID #; Member Name");
  });

  it("asks for the specialty and location only of a specialist request for a provider or an authorization", () => {
    const auth = shipped.classify(
      email({ mailbox: "specialist", from: "referrals@clinic.example", body: "Please check the status of the prior authorization we sent for our patient." }),
    );
    expect(auth.category).toBe("authorization");
    expect(auth.missingFields).toEqual(["the specialty needed", "the member's location"]);
    const claim = shipped.classify(
      email({
        mailbox: "specialist",
        from: "referrals@clinic.example",
        body: "What is the status of our claim for the patient's visit on March 3? It was billed in January.",
      }),
    );
    expect(claim.category).toBe("claims_billing");
    expect(claim.missingFields).toEqual([]);
    const elsewhere = shipped.classify(email({ body: "Can you help me find a new doctor near me?" }));
    expect(elsewhere.category).toBe("provider_search");
    expect(elsewhere.missingFields).toEqual([]);
  });

  it("reads a specialist request's specialty on both sides of the word 'specialist', which it leaves out", () => {
    const c = shipped.classify(
      email({ mailbox: "specialist", from: "pat.doe@example.com", body: "Can you help me find an ear,specialist nose and throat doctor near me?" }),
    );
    expect(c.category).toBe("provider_search");
    expect(c.missingFields).toEqual([]);
  });

  it("sets the learned mixed-lines flag when the model says so, with its reason, but never on an out-of-scope email", () => {
    const on = tiny({ bias: { "category.claims_billing": 2, mixed_lines_of_business: 5 } }).classify(PLAIN);
    expect(on.flags).toContain("mixed_lines_of_business");
    expect(on.reasons).toContainEqual({ field: "flags", text: "raises issues of both a Medicare member and an Individual member" });
    const out = tiny({ bias: { "category.out_of_scope": 2, mixed_lines_of_business: 5 } }).classify(PLAIN);
    expect(out.category).toBe("out_of_scope");
    expect(out.flags).not.toContain("mixed_lines_of_business");
  });
});

describe("what the reasons quote", () => {
  it("words each reason as the label and the sender's own words that carried it", () => {
    const c = shipped.classify(email({ body: "My bill was never paid and I got charged twice." }));
    expect(c.category).toBe("claims_billing");
    expect(reason(c, "category")).toMatch(/^claims billing: “[^”]+”/);
    expect(reason(c, "senderType")).toMatch(/^member: “[^”]+”/);
  });

  it("quotes the first 30 characters of a contact form's long 'I am a' answer", () => {
    const c = shipped.classify(
      email({ mailbox: "contact-us", body: "Name: A\nI am a: Provider office staff at Riverbend Family Clinic\nMessage:\nclaim status for my patient?" }),
    );
    expect(c.senderType).toBe("provider");
    expect(reason(c, "senderType")).toBe("the contact form says “Provider office staff at River”");
  });

  it("says nothing in the email points elsewhere when no word of it pushed the decision", () => {
    const c = tiny({ bias: { "category.claims_billing": 2 } }).classify(PLAIN);
    expect(reason(c, "category")).toBe("claims billing: nothing in the email's own words points elsewhere");
    expect(reason(c, "senderType")).toBe("member: from the address and the mailbox");
  });

  it("quotes the quoted history, and says so, only when it pushed more than the sender's own words", () => {
    // "thanks" pushes 1.5 in the sender's words, "bill" 8 × 0.35 = 2.8 in the quoted history
    const T = tiny({
      bias: { "category.general_inquiry": 0.2 },
      words: { thanks: { "category.claims_billing": 1.5 }, bill: { "category.claims_billing": 8 } },
    });
    const c = T.classify(
      email({ body: "Thanks for your help, see below.\n\n-----Original Message-----\nFrom: Pat\nSent: Monday\nSubject: my claim\n\nThe bill was never paid." }),
    );
    expect(reason(c, "category")).toBe("claims billing: “bill” in the quoted message");
    // pushing less in all than the sender's own words, a strong quoted word is not quoted
    const own = tiny({ bias: { "category.general_inquiry": 0.2 }, words: { bill: { "category.claims_billing": 2 }, paid: { "category.claims_billing": 4 } } });
    const d = own.classify(email({ body: "My bill is wrong.\n\n-----Original Message-----\nFrom: Pat\n\nIt was paid." }));
    expect(reason(d, "category")).toBe("claims billing: “bill”");
  });

  it("quotes the sender's own words when the quoted history pushed exactly as much", () => {
    // 2 × 0.35 at full weight against 2 at the quoted history's weight 0.35: the same push
    const T = tiny({
      bias: { "category.general_inquiry": 0.2 },
      words: { payment: { "category.claims_billing": 2 * Math.fround(0.35) }, bill: { "category.claims_billing": 2 } },
    });
    const c = T.classify(email({ body: "The payment is late.\n\n-----Original Message-----\nFrom: Pat\n\nThe bill." }));
    expect(reason(c, "category")).toBe("claims billing: “payment”");
  });

  it("quotes a subject word that decided, and says it is in the subject, wherever it stands in the subject", () => {
    const T = tiny({ bias: { "category.general_inquiry": 0.2 }, subjectWords: { refund: { "category.claims_billing": 3 } } });
    expect(reason(T.classify(email({ subject: "Refund please", body: "Hello there." })), "category")).toBe("claims billing: “Refund” in the subject");
    // further into the subject than the whole body is long (where a signature would start in the body)
    expect(reason(T.classify(email({ subject: "A question about my refund", body: "Hello." })), "category")).toBe("claims billing: “refund” in the subject");
  });

  it("quotes a word that pushed 35 % of the strongest word's push, and joins near words into one phrase", () => {
    // four words, so each word's push is its weight / 2 exactly: 10 for "bill", 3.5 for "paid"
    const T = tiny({ words: { bill: { "category.claims_billing": 20 }, paid: { "category.claims_billing": 7 } } });
    expect(reason(T.classify(email({ body: "bill was not paid" })), "category")).toBe("claims billing: “bill was not paid”");
  });

  it("quotes the strongest six words of more, the earlier of two equals kept", () => {
    const weights = (w: readonly number[]) =>
      tiny({ words: Object.fromEntries(["ant", "bee", "cat", "dog", "eel", "fox", "gnu"].map((word, i) => [word, { "category.claims_billing": w[i]! }])) });
    const body = email({ body: "ant bee cat dog eel fox gnu." });
    // "ant" and "bee" tie for the weakest when "gnu" comes: the first of them gives way
    expect(reason(weights([5, 5, 8, 8, 8, 8, 10]).classify(body), "category")).toBe("claims billing: “bee cat dog eel fox gnu”");
    // "gnu" only equals the weakest kept: it does not displace it
    expect(reason(weights([5, 8, 8, 8, 8, 8, 5]).classify(body), "category")).toBe("claims billing: “ant bee cat dog eel fox”");
  });

  it("reads a phrase that runs over a line break as one line", () => {
    const T = tiny({ words: { bill: { "category.claims_billing": 2 }, paid: { "category.claims_billing": 2 } } });
    expect(reason(T.classify(email({ body: "My bill\n    was paid twice." })), "category")).toBe("claims billing: “bill was paid”");
  });

  it("cuts a phrase longer than 60 characters to 57 and an ellipsis; one of 60 is quoted whole", () => {
    const phraseOf = (words: readonly string[]) => {
      const T = tiny({ words: Object.fromEntries(words.map((w) => [w, { "category.claims_billing": 1 }])) });
      return reason(T.classify(email({ body: `${words.join(" ")}.` })), "category");
    };
    const sixty = ["reimbursement", "overpayment", "statement", "deductible", "copay", "refunds"];
    expect(sixty.join(" ")).toHaveLength(60);
    expect(phraseOf(sixty)).toBe(`claims billing: “${sixty.join(" ")}”`);
    const longer = ["reimbursement", "overpayment", "statement", "deductible", "coinsurance", "remittance"];
    expect(phraseOf(longer)).toBe(`claims billing: “${longer.join(" ").slice(0, 57)}…”`);
  });

  it("quotes a long letter's deciding words however far down they stand", () => {
    const T = tiny({ words: { bill: { "category.claims_billing": 3 } } });
    const c = T.classify(email({ body: `${"hello ".repeat(1100)}The bill.` }));
    expect(reason(c, "category")).toBe("claims billing: “bill”");
  });

  it("quotes two Chinese cues written together as one phrase", () => {
    // 拒绝 (denied) and 申诉 (appeal), one after the other in one run of characters
    const c = shipped.classify(email({ body: "他们拒绝申诉。" }));
    expect(c.category).toBe("appeal");
    expect(reason(c, "category")).toBe("appeal: “拒绝申诉”");
  });
});

describe("the sentence the may-be warning quotes", () => {
  // warns on every email that is not a grievance or an appeal, which picks neither
  const warns = (words: NonNullable<Tiny["words"]>, subjectWords: NonNullable<Tiny["subjectWords"]> = {}) =>
    tiny({ bias: { "category.claims_billing": 2 }, words, subjectWords, thresholds: { gaWarn: 0, gaPick: 2 } });
  const RUDE = { rude: { "category.grievance": 1 } };
  const sentence = (c: Classifier, over: Partial<EmailInput>) => c.classify(email(over)).mayBe?.sentence;

  it("is the paragraph or sentence of the sender's words that points at it, a line break inside it read as a space", () => {
    const c = warns(RUDE);
    expect(sentence(c, { body: "Thanks for the card\n  \nThe driver was rude  to me\nand left without me\n\nPlease call" })).toBe(
      "The driver was rude to me and left without me",
    );
  });

  it("is empty when none of the sender's words points at it", () => {
    const m = warns(RUDE).classify(email({ body: "Please send my card." })).mayBe;
    expect(m).toMatchObject({ category: "appeal", sentence: "" });
  });

  it("is never a sentence the subject alone points at", () => {
    const c = warns(RUDE, { complaint: { "category.grievance": 5 } });
    expect(sentence(c, { subject: "complaint", body: "Thanks for the card. The driver was rude." })).toBe("The driver was rude.");
  });

  it("is never the signature, from its closing line's first word on, though the signature points at it more", () => {
    const c = warns({ ...RUDE, regards: { "category.grievance": 5 }, complaints: { "category.grievance": 5 } });
    const body = "Where is my card? The driver was rude.\nRegards,\nPat Doe\nComplaints Unit";
    expect(sentence(c, { body })).toBe("The driver was rude.");
    expect(sentence(c, { body: "Where is my card?\nRegards,\nPat Doe\nComplaints Unit" })).toBe("");
  });

  it("counts a sentence's first word in that sentence", () => {
    expect(sentence(warns(RUDE), { body: "Thanks for the card. Rude driver again." })).toBe("Rude driver again.");
  });

  it("is the first of two sentences that point at it equally", () => {
    expect(sentence(warns(RUDE), { body: "The driver was rude. The nurse was rude too." })).toBe("The driver was rude.");
  });

  it("is quoted whole up to 200 characters", () => {
    const long = `${`The driver was rude to me${" and then".repeat(30)}`.slice(0, 199)}.`;
    expect(long).toHaveLength(200);
    expect(sentence(warns(RUDE), { body: `${long} Please call me.` })).toBe(long);
  });

  it("does not depend on the email classified before it", () => {
    const c = warns({ ...RUDE, zzz: { "senderType.member": 1 } });
    c.classify(email({ body: "zzz zzz zzz zzz zzz zzz zzz zzz zzz zzz" }));
    expect(sentence(c, { body: "Please send my card." })).toBe("");
  });
});
