import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { literalUserStrings, sourceFiles } from './source-scan';

describe('no literal user-facing strings in components', () => {
  it('finds JSX text, literal attributes and literal branches (the detector itself)', () => {
    const sample = `
      export const A = ({ n }: { n: number }) => (
        <div title="Open mail" aria-label={n ? 'Many' : \`One\`} className="not-user-facing">
          Hello there
          {n > 1 && 'messages'}
          <kbd>j</kbd> <span>{' · '}</span> {t('ok.key')} &lt;{email}&gt;
          <b aria-label={\`\${n} \${n > 1 ? 'unread' : 'total'}\`} />
          <input placeholder={t('search.placeholder')} />
        </div>
      );`;
    const found = literalUserStrings('sample.tsx', sample).map((f) => f.text);
    expect(found).toEqual(['Open mail', 'Many', 'One', 'Hello there', 'messages', 'unread', 'total']);
  });

  it('renderer/src/**/*.tsx has none: every string comes from the catalogs', () => {
    const isKey = (s: string) => s in en;
    const findings = sourceFiles('renderer/src', ['.tsx']).flatMap((file) => literalUserStrings(file, undefined, isKey));
    expect(findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });
});
