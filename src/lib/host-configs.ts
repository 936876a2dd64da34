/**
 * Host configs are copied from public/ as they are, except for what depends on SITE_BASE.
 * IIS resolves the custom 404 page from the site root, not from the folder web.config sits in,
 * so a build for /mim-help/ must say /mim-help/404.html; rewriting it at build time means a
 * redeploy (robocopy /MIR) never brings back a hand-edited path.
 */

/** web.config with its 404 page path under `base` ("/" leaves it as it is). */
export function rebaseWebConfig(xml: string, base: string): string {
  const pattern = /(<error\s+statusCode="404"\s+path=")\/404\.html(")/;
  if (!pattern.test(xml)) {
    throw new Error(
      'public/web.config has no <error statusCode="404" path="/404.html" …/> entry to point at the 404 page under SITE_BASE. Restore that line.',
    );
  }
  return xml.replace(pattern, `$1${base}404.html$2`);
}
