/**
 * Reads the Netlify/Cloudflare `_headers` format: the indented "Name: value" lines of the "/*"
 * block. scripts/serve.mjs sends these headers, and the host-config test compares them with the
 * IIS, Azure and nginx configs, so both read the file the same way.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseHeadersFile(text) {
  /** @type {Record<string, string>} */
  const headers = {};
  let inBlock = false;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      inBlock = line.trim() === '/*';
      continue;
    }
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (inBlock && m) headers[m[1]] = m[2].trim();
  }
  return headers;
}
