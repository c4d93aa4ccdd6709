import { BusinessCalendar } from "../domain/calendar/calendar";
import { evaluateSlaRequest } from "../domain/sla/request";
import { loadSettings } from "./settings";
import { runJsonl } from "./jsonl";

const settings = loadSettings();
const calendar = new BusinessCalendar(settings.calendar);
await runJsonl(process.argv.slice(2), (line) => evaluateSlaRequest(line, calendar, settings.policies));
