/**
 * Which language a piece of explanation is written in, by script share. Mixed Chinese/English
 * text counts as Chinese as soon as it carries a few Han characters: in these notes English words
 * inside Chinese sentences are command and product names, never the other way round.
 */
const isLatin = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

export function detectLang(text: string): string | undefined {
  // one pass over the characters (this runs for every line of explanation in a note)
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let words = 0;
  let run = 0; // letters in the current Latin run; a run of two or more is a word
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isLatin(c)) {
      if (++run === 2) words++;
      continue;
    }
    run = 0;
    if (c < 0x3040) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) han++;
    else if (c <= 0x30ff) kana++;
    else if (c >= 0xac00 && c <= 0xd7af) hangul++;
  }
  if (kana >= 2 && kana * 4 >= han) return 'ja';
  if (hangul >= 2) return 'ko';
  if (han >= 2 || (han === 1 && words <= 2)) return 'zh';
  if (words >= 1) return 'en';
  return undefined;
}

/** True when the text contains any Han character (used to end a command where prose begins). */
export function hasHan(text: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(text);
}

export const CJK_CHAR = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u3040-\u30ff\uac00-\ud7af]/;
