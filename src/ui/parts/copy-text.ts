/**
 * What the Copy button puts on the clipboard: the command as the screen shows it. Characters
 * the screen does not show — direction overrides and isolates (U+202A–202E, U+2066–2069, the
 * marks U+200E/200F/061C), terminal escapes and other control characters, zero-width spaces —
 * are dropped, so a pasted command cannot run differently from what the user read.
 * Tabs and line breaks stay.
 */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

export function copyableText(text: string): string {
  return text.replace(INVISIBLE, '');
}
