import { calendarFor } from "../app/compose";
import { evaluateSlaRequest } from "../domain/sla/request";
import { loadSettings } from "./settings";
import { runJsonl } from "./jsonl";

const settings = loadSettings();
const calendar = calendarFor(settings);
await runJsonl(process.argv.slice(2), (line) => evaluateSlaRequest(line, calendar, settings.policies));
