/**
 * The classifier's model as the pane gets it: one file fetched from the add-in's own origin (never
 * anywhere else), started as the pane's code starts so the first paint can show the classification.
 */
import { LinearModel } from "../../domain/classify/model";

export async function fetchModel(url: string, fetcher: typeof fetch = fetch): Promise<LinearModel> {
  const response = await fetcher(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`model-http-${response.status}`);
  return LinearModel.decode(new Uint8Array(await response.arrayBuffer()));
}
