/** Development aid: leave-one-writer-out confusions of a field (`npx tsx scripts/confusion.ts [category|senderType|priority]`). */
import { readCorpus } from "./corpus";
import { classifyAll, leaveOneWriterOut } from "./lowo";

const field = (process.argv[2] ?? "category") as "category" | "senderType" | "priority";
const sets = readCorpus();
const lowo = leaveOneWriterOut(sets);
const conf = new Map<string, number>();
const examples: string[] = [];
for (const w of lowo.writers) {
  const rows = sets.find((s) => s.name === w.writer)!.rows;
  const got = classifyAll(w.model, rows, lowo.thresholds);
  rows.forEach((r, i) => {
    const g = got[i]!;
    if (g[field] !== r.expected[field]) {
      const k = `${r.expected[field]} -> ${g[field]}`;
      conf.set(k, (conf.get(k) ?? 0) + 1);
      examples.push(`${r.id} ${k} (${g.confidence}) ${r.mailbox} ${r.from} | ${r.subject.slice(0, 50)} | ${r.body.replace(/\s+/g, " ").slice(0, 140)}`);
    }
  });
}
for (const [k, v] of [...conf].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v, k);
console.log(examples.join("\n"));
