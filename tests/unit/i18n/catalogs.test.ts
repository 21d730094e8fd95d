import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { MAIN_CATALOGS } from '../../../main/i18n/translate';
import { CATALOGS } from '../../../renderer/src/i18n/translate';
import { keyReferences, sourceFiles, translateCallKeys } from './source-scan';

/**
 * The arguments a message prints (plain, number, date, or a plural's `#`) and those it only
 * branches on. A translation prints the same values; it may drop a plural English needs
 * (Korean counts have one form) but may not invent an argument.
 */
function argumentsOf(elements: MessageFormatElement[], into = { printed: new Set<string>(), all: new Set<string>() }) {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    into.all.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      for (const option of Object.values(el.options)) {
        if (el.type === TYPE.plural && option.value.some((o) => o.type === TYPE.pound)) into.printed.add(el.value);
        argumentsOf(option.value, into);
      }
    } else if (el.type === TYPE.tag) argumentsOf(el.children, into);
    else into.printed.add(el.value);
  }
  return into;
}

const catalogs = [
  { name: 'main', catalogs: MAIN_CATALOGS, sources: [...sourceFiles('main', ['.ts']), ...sourceFiles('common', ['.ts'])], catalogDir: 'main/i18n/' },
  { name: 'renderer', catalogs: CATALOGS, sources: sourceFiles('renderer/src', ['.ts', '.tsx']), catalogDir: 'renderer/src/i18n/' },
];

describe.each(catalogs)('$name message catalogs', ({ catalogs: pair, sources, catalogDir }) => {
  const en: Record<string, string> = pair.en;
  const ko: Record<string, string> = pair.ko;
  // The catalogs themselves name every key; the code is everything else.
  const code = sources.filter((f) => f !== `${catalogDir}en.ts` && f !== `${catalogDir}ko.ts`);

  it('English and Korean have exactly the same keys', () => {
    const enKeys = Object.keys(en).sort();
    const koKeys = Object.keys(ko).sort();
    expect(
      koKeys.filter((k) => !enKeys.includes(k)),
      'keys only in ko',
    ).toEqual([]);
    expect(
      enKeys.filter((k) => !koKeys.includes(k)),
      'keys missing from ko',
    ).toEqual([]);
  });

  it('every message is valid ICU and the Korean one prints the same values', () => {
    for (const key of Object.keys(en)) {
      const english = argumentsOf(parse(en[key]!, { ignoreTag: true }));
      const korean = argumentsOf(parse(ko[key] ?? '', { ignoreTag: true }));
      expect(
        [...english.printed].filter((a) => !korean.all.has(a)),
        `${key}: values the translation leaves out`,
      ).toEqual([]);
      expect(
        [...korean.all].filter((a) => !english.all.has(a)),
        `${key}: arguments English does not pass`,
      ).toEqual([]);
      expect(ko[key]?.trim(), `${key} is empty in ko`).toBeTruthy();
    }
  });

  it('every key the code passes to t() is in the catalog', () => {
    const missing = translateCallKeys(code).filter(({ key }) => !(key in en));
    expect(missing).toEqual([]);
  });

  it('every key in the catalog is used by the code', () => {
    const { literals, patterns } = keyReferences(code);
    const unused = Object.keys(en).filter((key) => !literals.has(key) && !patterns.some((p) => p.test(key)));
    expect(unused).toEqual([]);
  });
});
