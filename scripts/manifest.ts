/** Manifest helpers shared by the build and the manifest test. */

export const DEV_HOST = "https://localhost:3000";

/** Points every URL of the manifest at `host` (an https origin, no path). */
export function rewriteManifest(xml: string, host: string): string {
  let url: URL;
  try {
    url = new URL(host);
  } catch {
    throw new Error(`--host "${host}" is not a URL such as https://addin.example.org`);
  }
  if (url.protocol !== "https:") throw new Error(`--host must be https (Outlook loads add-ins over HTTPS only), not ${url.protocol}`);
  const origin = `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  return xml.split(DEV_HOST).join(origin);
}
