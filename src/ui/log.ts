/** The pane's one logger lives in the application layer (src/app/log.ts); the UI uses it from here. */
export { logEvent } from "../app/log";
