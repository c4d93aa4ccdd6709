/**
 * `npx tsx scripts/corpus-report.ts`: what the corpus holds (writers, languages, labels) and how
 * often the blind second labeller agreed with the writers, per field, before the disagreements
 * were settled by the contract (corpus/blind/).
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, readCorpus, readLabelled } from "./corpus";

const sets = readCorpus();
const rows = sets.flatMap((s) => s.rows);
const count = (f: (r: (typeof rows)[number]) => string | readonly string[]) => {
  const m = new Map<string, number>();
  for (const r of rows) for (const v of ([] as string[]).concat(f(r) as string[])) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ");
};
console.log(`${rows.length} emails from ${sets.length} writers (${sets.map((s) => `${s.name} ${s.rows.length}`).join(", ")})`);
console.log(`languages: ${count((r) => r.expected.language ?? "?")}`);
console.log(`categories: ${count((r) => r.expected.category)}`);
console.log(`priority: ${count((r) => r.expected.priority)}`);
console.log(`sender: ${count((r) => r.expected.senderType)}`);
console.log(`mailboxes: ${count((r) => r.mailbox)}`);
console.log(`flags: ${count((r) => r.expected.flags)}`);
console.log(`html bodies: ${rows.filter((r) => r.bodyType === "html").length}`);

// agreement: the blind labels against the writers' labels as first written (the settled changes undone)
const BLIND = join(ROOT, "corpus", "blind");
const settledFiles = readdirSync(BLIND).filter((f) => /^settled-[A-Z]\.json$/.test(f)).sort().map((f) => join(BLIND, f));
const settledIds = new Set(settledFiles.flatMap((f) => (JSON.parse(readFileSync(f, "utf8")) as { id: string }[]).map((d) => d.id)));
const blind = readdirSync(BLIND).filter((f) => /^labels-[A-Z]\.jsonl$/.test(f)).sort().flatMap((f) => readLabelled(join(BLIND, f)));
const byId = new Map(rows.map((r) => [r.id, r]));
const fields = ["category", "senderType", "priority", "language", "flags"] as const;
const agree = Object.fromEntries(fields.map((f) => [f, 0])) as Record<(typeof fields)[number], number>;
const original = JSON.parse(readFileSync(join(ROOT, "corpus", "blind", "first-labels.json"), "utf8")) as Record<string, Record<string, unknown>>;
for (const b of blind) {
  const w = (original[b.id] ?? byId.get(b.id)?.expected) as Record<string, unknown> | undefined;
  if (!w) continue;
  for (const f of fields) {
    const same = f === "flags" ? JSON.stringify([...(w[f] as string[])].sort()) === JSON.stringify([...b.expected.flags].sort()) : w[f] === (b.expected as unknown as Record<string, unknown>)[f];
    agree[f] += +same;
  }
}
console.log(`blind second labels: ${blind.length} emails (${((100 * blind.length) / rows.length).toFixed(1)}%), agreement with the writers: ${fields.map((f) => `${f} ${(agree[f] / blind.length).toFixed(3)}`).join(", ")}; ${settledIds.size} emails settled by the contract`);
