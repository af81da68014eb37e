/**
 * Which language a piece of explanation is written in, by script share. Mixed Chinese/English
 * text counts as Chinese as soon as it carries a few Han characters: in these notes English words
 * inside Chinese sentences are command and product names, never the other way round.
 */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const KANA = /[\u3040-\u30ff]/g;
const HANGUL = /[\uac00-\ud7af]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

export function detectLang(text: string): string | undefined {
  const han = text.match(HAN)?.length ?? 0;
  const kana = text.match(KANA)?.length ?? 0;
  const hangul = text.match(HANGUL)?.length ?? 0;
  if (kana >= 2 && kana * 4 >= han) return 'ja';
  if (hangul >= 2) return 'ko';
  const words = text.match(LATIN_WORD)?.length ?? 0;
  if (han >= 2 || (han === 1 && words <= 2)) return 'zh';
  if (words >= 1) return 'en';
  return undefined;
}

/** True when the text contains any Han character (used to end a command where prose begins). */
export function hasHan(text: string): boolean {
  return /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(text);
}

export const CJK_CHAR = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u3040-\u30ff\uac00-\ud7af]/;
