/**
 * Copies text to the clipboard, for the share bar, code blocks and the analyzer's ticket copy.
 * navigator.clipboard needs a secure context; on a plain-http intranet server (where many admins
 * run the site) it does not exist, so the fallback selects a hidden textarea and runs
 * document.execCommand('copy'). Resolves true when the text was copied.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the selection-based copy.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'visually-hidden';
  document.body.append(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}
