import { classifierFor } from "../app/compose";
import { classifyRequest } from "../domain/classify/request";
import { loadModel } from "./model";
import { loadSettings } from "./settings";
import { runJsonl } from "./jsonl";

const settings = loadSettings();
const classifier = classifierFor(settings, loadModel());
await runJsonl(process.argv.slice(2), (line) => classifyRequest(line, classifier));
