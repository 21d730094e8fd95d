import { describe, expect, it } from 'vitest';
import { literalUserStrings, sourceFiles } from './source-scan';

describe('no literal user-facing strings in components', () => {
  it('finds JSX text, literal attributes and literal branches (the detector itself)', () => {
    const sample = `
      export const A = ({ n }: { n: number }) => (
        <div title="Open mail" aria-label={n ? 'Many' : \`One\`} className="not-user-facing">
          Hello there
          {n > 1 && 'messages'}
          <kbd>j</kbd> <span>{' · '}</span> {t('ok.key')}
          <input placeholder={t('search.placeholder')} />
        </div>
      );`;
    const found = literalUserStrings('sample.tsx', sample).map((f) => f.text);
    expect(found).toEqual(['Open mail', 'Many', 'One', 'Hello there', 'messages']);
  });

  it('renderer/src/**/*.tsx has none: every string comes from the catalogs', () => {
    const findings = sourceFiles('renderer/src', ['.tsx']).flatMap((file) => literalUserStrings(file));
    expect(findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });
});
