import { Classifier } from "../domain/classify/classifier";
import { classifyRequest } from "../domain/classify/request";
import { loadModel } from "./model";
import { loadSettings } from "./settings";
import { runJsonl } from "./jsonl";

const settings = loadSettings();
const classifier = new Classifier({ model: loadModel(), internalDomains: settings.internalDomains, routes: settings.routes });
await runJsonl(process.argv.slice(2), (line) => classifyRequest(line, classifier));
