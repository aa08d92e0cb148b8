/**
 * A light English stemmer (in the spirit of Porter's step 1, far smaller): plurals, -ed, -ing and a final e
 * fold, so "prices", "priced" and "pricing" are one key, as are "delivery" and "deliveries". The key is only a key:
 * what a theme shows is the form people wrote most.
 */
const KEEP_S = /(ss|us|is|ous)$/;
const UNDOUBLE = /([bdgkmnprt])\1$/;

export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length <= 2) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(x|ch|sh|ss|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !KEEP_S.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ed') && !w.endsWith('eed') && /[aeiouy]/.test(w.slice(0, -2)) && w.length > 4) {
    w = w.slice(0, -2).replace(UNDOUBLE, '$1');
  } else if (w.endsWith('ing') && /[aeiouy]/.test(w.slice(0, -3)) && w.length > 4) {
    w = w.slice(0, -3).replace(UNDOUBLE, '$1');
  }
  if (w.endsWith('e') && w.length >= 3 && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}
