import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareEmail } from "./classifier";
import { DEFAULT_FEATURES, WordBuffer, readEmail } from "./features";
import { decodePrivateFeatures, encodePrivateFeatures, privateFeatures } from "./private-features";
import type { LabelledEmail } from "./training";
import { loadModel } from "../../cli/model";

const shared = loadModel();
const CORPUS = resolve(import.meta.dirname, "..", "..", "..", "corpus", "writers");

/** The first emails of every writer: the "corrected emails" of these tests. */
const emails: LabelledEmail[] = readdirSync(CORPUS)
  .filter((f) => f.endsWith(".jsonl"))
  .sort()
  .flatMap((f) =>
    readFileSync(join(CORPUS, f), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .slice(0, 12)
      .map((l) => JSON.parse(l) as LabelledEmail),
  );

const stored = emails.map((e) => {
  const p = prepareEmail(e);
  return encodePrivateFeatures(privateFeatures({ subject: p.subject, own: p.own, quoted: p.quoted, structure: p.structure }, shared));
});
const storedHashes = new Set<number>();
for (const s of stored) for (const h of decodePrivateFeatures(s).hashes) storedHashes.add(h);

/** Common words of this mail (a few are names too elsewhere: "long", "hung", Vietnamese "thanh", "lan", "le"). */
const COMMON_WORDS = `the be to of and a in that have i it for not on with he as you do at this but his by from they we say her she or an will my one all would there their what so up out if about who get which go me when make can like time no just him know take people into year your good some could them see other than then now look only come its over think also back after use two how our work first well way even new want because any these give day most us
is are was were been has had did does am please help thank thanks need needs call called calling letter mail card claim claims bill billed billing paid pay payment denied denial appeal complaint grievance doctor provider plan member coverage covered benefit benefits pharmacy prescription medicine medication hospital visit office appointment authorization approved request review decision insurance medicaid medicare still week weeks month months since again received sent send told said asked waiting wait never always already phone number address name date today tomorrow yesterday urgent soon sorry problem issue question questions answer someone anyone everyone nobody why where here very much more less only also really about
hola gracias por favor mi su de la el los las que en con para una un no es mis tengo necesito ayuda carta tarjeta seguro medico cita
hung long agent portal voicemail caseworker
toi xin cam on ban cua va la khong duoc thanh lan le`
  .split(/\s+/)
  .filter(Boolean);

const FIRST_NAMES = `james mary robert patricia john jennifer michael linda david elizabeth william barbara richard susan joseph jessica thomas sarah charles karen christopher lisa daniel nancy matthew betty anthony margaret mark sandra donald ashley steven kimberly paul emily andrew donna joshua michelle kenneth carol kevin amanda brian dorothy george melissa timothy deborah ronald stephanie edward rebecca jason sharon jeffrey laura ryan cynthia jacob kathleen gary amy nicholas angela eric shirley jonathan anna stephen brenda larry pamela justin emma scott nicole brandon helen benjamin samantha samuel katherine gregory christine alexander debra frank rachel patrick carolyn raymond janet jack catherine dennis maria jerry heather tyler diane aaron ruth jose julie adam olivia henry joyce nathan virginia douglas victoria zachary kelly peter lauren kyle christina ethan joan walter evelyn noah judith jeremy megan christian andrea keith cheryl roger hannah terry jacqueline gerald martha harold gloria sean teresa austin ann carl sara arthur madison lawrence frances dylan kathryn jesse janice jordan jean bryan abigail billy alice joe julia bruce judy gabriel sophia logan beverly albert denise willie marilyn alan amber juan danielle wayne theresa elijah sophia randy marie roy diana vincent brittany ralph natalie eugene isabella russell charlotte bobby rose mason alexis philip kayla louis lucia carmen rosa ana luis carlos miguel javier guadalupe juana fatima ahmed mohamed hassan amina linh minh thanh hoa lan mai tuan hung duc anh wei li ming xiu ivan olga natasha dmitri farhan abdi hodan jean-pierre marie-claude fabiola wilner dorothy kessler`
  .split(/\s+/)
  .filter(Boolean);

const SURNAMES = `smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis robinson walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel myers long ross foster jimenez tran pham le hoang huynh phan vu vo dang bui do ho ngo duong ly chen wang zhang liu yang huang zhao wu zhou xu sun ma zhu hu guo ivanov petrov smirnov ali mohamud hussein warsame jean-baptiste pierre joseph louis charles`
  .split(/\s+/)
  .filter(Boolean);

/** Parts of role addresses ("rx.clinical@", "denials.clinical@", "clinical.director@"): a mailbox's job, not a person. */
const ROLE_WORDS = new Set(["clinical", "director", "denials", "billing", "review", "referrals", "appeals", "office", "care", "intake", "claims", "auth", "support", "team", "desk", "services", "admin", "info", "help"]);

/** The senders' own names: the parts of their addresses they also write as a name ("dorothy.kessler41@…" and "Dorothy Kessler"). */
const SENDER_NAMES = [
  ...new Set(
    emails.flatMap((e) =>
      String(e.from)
        .toLowerCase()
        .replace(/@.*$/, "")
        .split(/[^a-z]+/)
        .filter((w) => w.length >= 3 && !ROLE_WORDS.has(w) && new RegExp(`\\b${w[0]!.toUpperCase()}${w.slice(1)}\\b`).test(e.body)),
    ),
  ),
];

/** Every hash the tokeniser gives a word: in each part, plain and negated, and in pairs with the common words. */
function hashesOf(word: string, partners: readonly string[]): Set<number> {
  const out = new Set<number>();
  const buf = new WordBuffer();
  const config = DEFAULT_FEATURES;
  // only the hashes that hold the word: its own (the last word read) and the pairs it is in
  const read = (text: string, wordAt: "last" | "pairs") => {
    for (const part of ["subject", "own", "quoted"] as const) {
      readEmail({ subject: "", own: "", quoted: "", structure: [], [part]: text }, { ...config, quotedWeight: 1 }, buf);
      if (buf.count === 0) continue;
      if (wordAt === "last") out.add(buf.word[buf.count - 1]!);
      for (let w = 1; w < buf.count; w++) if (buf.pair[w] !== 0) out.add(buf.pair[w]!);
    }
  };
  read(word, "last");
  read(`not ${word}`, "last");
  for (const p of partners) {
    read(`${p} ${word}`, "pairs");
    read(`${word} ${p}`, "pairs");
  }
  return out;
}

function recovered(dictionary: readonly string[], partners: readonly string[] = []): string[] {
  return dictionary.filter((w) => [...hashesOf(w, partners)].some((h) => storedHashes.has(h)));
}

describe("privacy-safe features of a corrected email", () => {
  it("keep nothing of the text, subject, addresses, ids or digit runs in what is stored", () => {
    expect(emails.length).toBeGreaterThan(150);
    for (const [i, e] of emails.entries()) {
      const s = stored[i]!;
      expect(s.length).toBeGreaterThan(0);
      expect(s).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
      if (e.subject.trim().length >= 6) expect(s).not.toContain(e.subject.trim());
      expect(s.toLowerCase()).not.toContain(String(e.from).toLowerCase());
      const words = `${e.subject} ${e.body}`.match(/\p{L}{7,}/gu) ?? [];
      for (const w of words) expect(s).not.toContain(w);
      const runs = `${e.subject} ${e.body} ${e.from}`.match(/\d{4,}/g) ?? [];
      for (const r of runs) expect(s).not.toContain(r);
      const ids = `${e.subject} ${e.body}`.match(/\b(?=\w*\d)(?=\w*[A-Za-z])\w{5,}\b/g) ?? [];
      for (const id of ids) expect(s).not.toContain(id);
    }
  });

  it("give a dictionary attack common words only: no first name, surname or sender's name", () => {
    const common = new Set(COMMON_WORDS);
    const words = recovered(COMMON_WORDS);
    // the attack works: the stored features are the model's, and common words are found
    expect(words.length).toBeGreaterThan(COMMON_WORDS.length / 4);
    const names = [...new Set([...FIRST_NAMES, ...SURNAMES, ...SENDER_NAMES])].filter((n) => !common.has(n));
    expect(names.length).toBeGreaterThan(300);
    // names alone, and beside each of the most common words
    expect(recovered(names, COMMON_WORDS.slice(0, 40))).toEqual([]);
  });

  it("give a dictionary attack no number: every digit run up to 12 digits hashes to nothing stored", () => {
    const runs = new Set<string>();
    for (let n = 0; n < 100_000; n++) runs.add(String(n)); // every run of up to 5 digits, and with leading zeros below
    for (let len = 1; len <= 5; len++) for (let n = 0; n < 10 ** Math.min(len, 3); n++) runs.add(String(n).padStart(len, "0"));
    let x = 12345;
    for (let len = 6; len <= 12; len++) {
      for (let k = 0; k < 300; k++) {
        let s = "";
        for (let d = 0; d < len; d++) s += String((x = (x * 1103515245 + 12345) >>> 0) % 10);
        runs.add(s);
      }
    }
    // and every digit run the corrected emails actually hold (phone numbers, ids, dates, amounts)
    for (const e of emails) for (const r of `${e.subject} ${e.body}`.match(/\d{1,12}/g) ?? []) runs.add(r);
    const buf = new WordBuffer();
    const hit: string[] = [];
    for (const r of runs) {
      for (const part of ["subject", "own", "quoted"] as const) {
        readEmail({ subject: "", own: "", quoted: "", structure: [], [part]: `${r} ${r}` }, DEFAULT_FEATURES, buf);
        for (let w = 0; w < buf.count; w++) if (storedHashes.has(buf.word[w]!) || (buf.pair[w] !== 0 && storedHashes.has(buf.pair[w]!))) hit.push(r);
      }
      if (hit.length > 0) break;
    }
    expect(hit).toEqual([]);
  });

  it("keep the words of a sentence that carry its meaning, and drop a lower-case name after a greeting or as a sign-off", () => {
    const parts = { subject: "", own: "hi maria, my claim was denied and i want to appeal the decision.\nthanks\njosefina", quoted: "", structure: ["mailbox=secure-message", "org=river"] };
    const f = privateFeatures(parts, shared);
    const has = (w: string) => [...hashesOf(w, [])].some((h) => f.hashes.includes(h));
    expect(has("appeal")).toBe(true);
    expect(has("denied")).toBe(true);
    expect(has("maria")).toBe(false);
    expect(has("josefina")).toBe(false);
  });

  it("round-trip through the stored text, and refuse a field that is not one", () => {
    const f = privateFeatures({ subject: "claim", own: "my claim was denied", quoted: "", structure: ["mailbox=secure-message"] }, shared);
    const back = decodePrivateFeatures(encodePrivateFeatures(f));
    expect([...back.hashes]).toEqual([...f.hashes]);
    for (let i = 0; i < f.values.length; i++) expect(back.values[i]!).toBeCloseTo(f.values[i]!, 3);
    expect(() => decodePrivateFeatures("<script>")).toThrow(/base64/);
    expect(() => decodePrivateFeatures("QUJD")).toThrow(/truncated/);
    expect(() => decodePrivateFeatures(42)).toThrow();
  });
});
