/**
 * The Snowball "english" (Porter2) stemmer, used for Gmail's word-variant matching
 * (decision table rule 5c). Written out here rather than pulled from npm so that the
 * emulator and the SQL back end are guaranteed to stem identically, with no runtime
 * dependency in common/.
 *
 * Input is expected to be a case-folded token of ASCII letters; anything else is
 * returned unchanged (the tokeniser never produces apostrophes, so the apostrophe steps
 * of the algorithm are not needed).
 */

const VOWELS = 'aeiouy';
const DOUBLES = ['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'];
const LI_ENDINGS = 'cdeghkmnrt';

// A Map, not an object literal: words such as "constructor" must not find Object.prototype members.
// prettier-ignore
const EXCEPTIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie',
  idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
  sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes',
}));
const AFTER_1A_INVARIANTS = new Set(['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed']);

// prettier-ignore
const STEP2: ReadonlyArray<readonly [string, string]> = [
  ['ization', 'ize'], ['ational', 'ate'], ['fulness', 'ful'], ['ousness', 'ous'], ['iveness', 'ive'],
  ['tional', 'tion'], ['biliti', 'ble'], ['lessli', 'less'], ['entli', 'ent'], ['ation', 'ate'],
  ['alism', 'al'], ['aliti', 'al'], ['ousli', 'ous'], ['iviti', 'ive'], ['fulli', 'ful'],
  ['enci', 'ence'], ['anci', 'ance'], ['abli', 'able'], ['izer', 'ize'], ['ator', 'ate'],
  ['alli', 'al'], ['bli', 'ble'], ['ogi', 'og'], ['li', ''],
];
// prettier-ignore
const STEP3: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['iciti', 'ic'],
  ['ative', ''], ['ical', 'ic'], ['ness', ''], ['ful', ''],
];
// prettier-ignore
const STEP4 = [
  'ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous',
  'ive', 'ize', 'ion', 'al', 'er', 'ic',
];

function isVowel(w: string, i: number): boolean {
  return VOWELS.includes(w[i] ?? '');
}

/** Start of the region after the first non-vowel that follows a vowel, from `from`. */
function regionAfter(w: string, from: number): number {
  for (let i = from + 1; i < w.length; i++) {
    if (!isVowel(w, i) && isVowel(w, i - 1)) return i + 1;
  }
  return w.length;
}

function r1Start(w: string): number {
  for (const prefix of ['gener', 'commun', 'arsen']) {
    if (w.startsWith(prefix)) return prefix.length;
  }
  return regionAfter(w, 0);
}

function endsWithShortSyllable(w: string): boolean {
  const n = w.length;
  if (n === 2) return isVowel(w, 0) && !isVowel(w, 1);
  if (n < 3) return false;
  const last = w[n - 1] ?? '';
  return !isVowel(w, n - 3) && isVowel(w, n - 2) && !isVowel(w, n - 1) && !'wxY'.includes(last);
}

function containsVowel(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isVowel(s, i)) return true;
  return false;
}

function longestSuffix(w: string, suffixes: readonly string[]): string | null {
  let best: string | null = null;
  for (const s of suffixes) {
    if (w.endsWith(s) && (best === null || s.length > best.length)) best = s;
  }
  return best;
}

function markConsonantYs(w: string): string {
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const c = w[i] ?? '';
    out += c === 'y' && (i === 0 || VOWELS.includes(out[i - 1] ?? '')) ? 'Y' : c;
  }
  return out;
}

function step1a(w: string): string {
  const suffix = longestSuffix(w, ['sses', 'ied', 'ies', 'us', 'ss', 's']);
  if (suffix === 'sses') return w.slice(0, -2);
  if (suffix === 'ied' || suffix === 'ies') return w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
  if (suffix === 's' && containsVowel(w.slice(0, -2))) return w.slice(0, -1);
  return w;
}

function step1b(w: string, r1: number): string {
  const suffix = longestSuffix(w, ['eed', 'eedly', 'ed', 'edly', 'ing', 'ingly']);
  if (suffix === null) return w;
  if (suffix === 'eed' || suffix === 'eedly') {
    return w.length - suffix.length >= r1 ? w.slice(0, -suffix.length) + 'ee' : w;
  }
  const stem = w.slice(0, -suffix.length);
  if (!containsVowel(stem)) return w;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
  if (DOUBLES.some((d) => stem.endsWith(d))) return stem.slice(0, -1);
  if (endsWithShortSyllable(stem) && r1 >= stem.length) return stem + 'e';
  return stem;
}

function step1c(w: string): string {
  const n = w.length;
  if (n > 2 && (w.endsWith('y') || w.endsWith('Y')) && !isVowel(w, n - 2)) return w.slice(0, -1) + 'i';
  return w;
}

const STEP2_SUFFIXES = STEP2.map(([s]) => s);
const STEP3_SUFFIXES = STEP3.map(([s]) => s);

function replaceInRegion(w: string, table: ReadonlyArray<readonly [string, string]>, region: number, r2: number): string {
  const suffix = longestSuffix(w, table === STEP2 ? STEP2_SUFFIXES : STEP3_SUFFIXES);
  if (suffix === null || w.length - suffix.length < region) return w;
  const stem = w.slice(0, -suffix.length);
  if (suffix === 'ogi' && !stem.endsWith('l')) return w;
  if (suffix === 'li' && !LI_ENDINGS.includes(stem[stem.length - 1] ?? '')) return w;
  if (suffix === 'ative' && w.length - suffix.length < r2) return w;
  const replacement = table.find(([s]) => s === suffix)?.[1] ?? '';
  return stem + replacement;
}

function step4(w: string, r2: number): string {
  const suffix = longestSuffix(w, STEP4);
  if (suffix === null || w.length - suffix.length < r2) return w;
  const stem = w.slice(0, -suffix.length);
  if (suffix === 'ion' && !(stem.endsWith('s') || stem.endsWith('t'))) return w;
  return stem;
}

function step5(w: string, r1: number, r2: number): string {
  const n = w.length;
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    if (n - 1 >= r2 || (n - 1 >= r1 && !endsWithShortSyllable(stem))) return stem;
  } else if (w.endsWith('ll') && n - 1 >= r2) {
    return w.slice(0, -1);
  }
  return w;
}

/** Porter2 stem of one lower-case ASCII word; other input comes back unchanged. */
export function stemEnglish(word: string): string {
  if (word.length <= 2 || !/^[a-z]+$/.test(word)) return word;
  const exception = EXCEPTIONS.get(word);
  if (exception !== undefined) return exception;
  let w = markConsonantYs(word);
  const r1 = r1Start(w);
  const r2 = regionAfter(w, r1);
  w = step1a(w);
  if (AFTER_1A_INVARIANTS.has(w)) return w;
  w = step1b(w, r1);
  w = step1c(w);
  w = replaceInRegion(w, STEP2, r1, r2);
  w = replaceInRegion(w, STEP3, r1, r2);
  w = step4(w, r2);
  w = step5(w, r1, r2);
  return w.replace(/Y/g, 'y');
}
