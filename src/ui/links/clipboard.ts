/**
 * Puts text on the clipboard. Returns false where the browser refuses (no permission, headless, not a
 * secure context, or no answer within a second): the caller then selects the text for Ctrl+C.
 */
export async function copyText(text: string): Promise<boolean> {
  if (!navigator.clipboard?.writeText) return false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refused = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 1000)));
  try {
    return await Promise.race([navigator.clipboard.writeText(text).then(() => true), refused]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
