/**
 * `npm run train -- --site <site> [--base-url <graph>]`: the tenant's model (docs/decisions/0071,
 * 0073). Reads the "Triage Corrections" list, fits the tenant's adjustment on top of the shipped
 * shared model, and publishes it to the site's "Triage Models" list only when the guard rails pass
 * (not worse than the shared model on a held-out slice of the corrections and on the shipped
 * evaluation sets; grievance/appeal recall never lower). The same code is what a scheduled run calls.
 *   --rollback <tenant-vN|none>   make an earlier tenant model, or none (the shared model), the active one
 *   --models                      list the published tenant models and the active one
 * GRAPH_TOKEN: a delegated token that can read and write the site's lists (none for the local harness).
 */
import { parseArgs } from "node:util";
import { readCorrections } from "../src/adapters/sharepoint/corrections-list";
import { listTenantModels, nextTenantVersion, provisionModelsList, publishTenantModel, setActiveTenantModel } from "../src/adapters/sharepoint/tenant-models";
import { graphClient } from "../src/cli/graph";
import { loadModel } from "../src/cli/model";
import { Classifier } from "../src/domain/classify/classifier";
import { score, type Expected } from "../src/domain/classify/evaluate";
import type { LinearModel } from "../src/domain/classify/model";
import { fitGuarded } from "../src/domain/classify/tenant";
import { TRAINING } from "../src/domain/classify/training";
import { readCorpus, readUnseenSets } from "./corpus";
import { TENANT_TRAINING, anchorExamples } from "./tenant-examples";

const USAGE = "usage: [GRAPH_TOKEN=<token>] npm run train -- --site <site> [--base-url <graph address>] [--rollback <tenant-vN|none>] [--models]\n";

export async function trainTenant(argv: string[]): Promise<number> {
  let values: { site?: string | undefined; "base-url"?: string | undefined; rollback?: string | undefined; models?: boolean | undefined; by?: string | undefined };
  try {
    values = parseArgs({ args: argv, options: { site: { type: "string" }, "base-url": { type: "string" }, rollback: { type: "string" }, models: { type: "boolean" }, by: { type: "string" } } }).values;
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const site = values.site ?? (values["base-url"] && /^http:\/\/(localhost|127\.0\.0\.1)/.test(values["base-url"]) ? "harness" : undefined);
  const client = graphClient(values["base-url"]);
  if (!site || typeof client === "string") {
    process.stderr.write(`${typeof client === "string" ? `${client}\n` : ""}${USAGE}`);
    return 2;
  }
  const by = values.by ?? "npm run train";
  const now = new Date();
  try {
    await provisionModelsList(client, site);
    if (values.models) {
      const { models, active } = await listTenantModels(client, site);
      for (const m of models) process.stdout.write(`${m.version} on ${m.base}, published ${m.at}${m.version === active ? " (active)" : ""}: ${m.summary}\n`);
      process.stdout.write(`active: ${active}\n`);
      return 0;
    }
    if (values.rollback !== undefined) {
      await setActiveTenantModel(client, site, values.rollback, by, now);
      process.stdout.write(values.rollback === "none" ? "Panes use the shared model alone from their next start.\n" : `Panes use ${values.rollback} from their next start.\n`);
      return 0;
    }
    const shared = loadModel();
    const { examples, skipped } = await readCorrections(client, site);
    for (const s of skipped) process.stderr.write(`skipped ${s}\n`);
    process.stdout.write(`${examples.length} corrections and confirmations read (${examples.filter((e) => e.weight >= 1).length} corrections)\n`);
    if (examples.length < 3) {
      process.stdout.write("Too few corrections to learn from: nothing published; panes keep their model.\n");
      return 0;
    }
    const thresholds = shared.header.thresholds;
    const rows = readUnseenSets().flatMap((s) => s.rows);
    const shipped = (m: LinearModel) => {
      const c = new Classifier({ model: m });
      return score(rows.map((r) => ({ expected: r.expected as Expected, got: c.classify(r) })));
    };
    const version = await nextTenantVersion(client, site);
    // anchors from the shipped corpus (never the evaluation sets): decision 72
    const anchors = anchorExamples(shared, readCorpus().flatMap((s) => s.rows), TENANT_TRAINING.anchors, TENANT_TRAINING.anchorWeight);
    const fit = fitGuarded(shared, examples, thresholds, shipped, { version, classWeights: TRAINING.classWeights ?? {}, ...TENANT_TRAINING.adjust, anchors });
    const summary = fit.figures.map((f) => `${f.name}: category ${f.shared.category.toFixed(3)} → ${f.tenant.category.toFixed(3)}, G&A recall ${f.shared.gaRecall.toFixed(3)} → ${f.tenant.gaRecall.toFixed(3)}`).join("; ");
    process.stdout.write(`${summary}\n`);
    if (!fit.verdict.publish) {
      process.stdout.write(`Not published (the guard rails): ${fit.verdict.reasons.join("; ")}\n`);
      return 0;
    }
    await publishTenantModel(client, site, fit.adjustment, summary, by, now);
    process.stdout.write(`Published ${version} on ${shared.header.version}: panes use it from their next start (roll back with npm run train -- --site ${site} --rollback none).\n`);
    return 0;
  } catch (e) {
    const status = (e as { statusCode?: number }).statusCode;
    process.stderr.write(status === 401 || status === 403 ? `Graph refused the request (${status}): the token needs to read and write the site's lists.\n` : `Tenant training failed${status ? ` (Graph ${status})` : ""}: ${(e as Error).message}\n`);
    return 1;
  }
}
