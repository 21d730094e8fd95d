/**
 * The linear pre-check that keeps DOMPurify (on the renderer's main thread) away from inputs
 * whose parse alone would block the window: too long, too many tags, nested too deep.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_HTML_DEPTH, MAX_HTML_TAGS, isTooLargeToSanitize } from '../../../renderer/src/lib/sanitize-mail';

const nested = (n: number, tag = 'div') => `${`<${tag}>`.repeat(n)}x${`</${tag}>`.repeat(n)}`;

describe('isTooLargeToSanitize', () => {
  it('bounds explicit nesting, not elements that close themselves or each other', () => {
    expect(isTooLargeToSanitize(nested(MAX_HTML_DEPTH))).toBe(false);
    expect(isTooLargeToSanitize(nested(MAX_HTML_DEPTH + 1))).toBe(true);
    expect(isTooLargeToSanitize(nested(MAX_HTML_DEPTH + 1, 'SPAN'))).toBe(true);
    // Siblings, however many, are not depth.
    expect(isTooLargeToSanitize('<div>a</div>'.repeat(5_000))).toBe(false);
    // Unclosed paragraphs, list items and cells are closed by the next one; void and self-closed tags never nest.
    expect(isTooLargeToSanitize('<p>para'.repeat(3_000))).toBe(false);
    expect(isTooLargeToSanitize('<table>' + '<tr><td>cell'.repeat(2_000) + '</table>')).toBe(false);
    expect(isTooLargeToSanitize('line<br>'.repeat(5_000) + '<img src=x>'.repeat(1_000))).toBe(false);
    expect(isTooLargeToSanitize('<div/>'.repeat(2_000))).toBe(false);
  });

  it('bounds the number of tags and the length', () => {
    expect(isTooLargeToSanitize('<b>x</b>'.repeat(MAX_HTML_TAGS))).toBe(false);
    expect(isTooLargeToSanitize('<b>x</b>'.repeat(MAX_HTML_TAGS + 1))).toBe(true);
    expect(isTooLargeToSanitize('x'.repeat(2_000_001))).toBe(true);
  });

  it('stays linear on tags that never end (each "<" would otherwise look ahead to the end)', () => {
    // Quadratic, this would run for minutes; linear it is milliseconds (vitest's 5 s timeout is the guard).
    // 9,000 opening tags and no '>' anywhere: without remembering the next '>' each would scan ~1 MB.
    expect(isTooLargeToSanitize(`${'<div x</div>'}${'y'.repeat(150)}`.repeat(9_000))).toBe(false);
    expect(isTooLargeToSanitize('<i<'.repeat(600_000))).toBe(true);
  });

  it('lets every mail of the shared corpus through (its largest has 1,791 tags)', () => {
    const dir = path.resolve(import.meta.dirname, '../../../../shared/corpus/mail');
    const refused: string[] = [];
    const walk = (d: string) => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.eml') && isTooLargeToSanitize(readFileSync(full, 'latin1'))) refused.push(entry.name);
      }
    };
    walk(dir);
    expect(refused).toEqual([]);
  });
});
