import { describe, expect, it } from 'vitest';
import { hostShownIn, linkMismatch, linkTooltip, normalizeOpenableUrl, stripBidi } from '../../../renderer/src/lib/link-safety';

describe('link safety', () => {
  it('normalises what leaves the app', () => {
    expect(normalizeOpenableUrl('https:\\\\bank.example\\login')).toBe('https://bank.example/login');
    expect(normalizeOpenableUrl('https://раураl.com/')).toBe('https://xn--l-7sba6dbr.com/');
    expect(normalizeOpenableUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeOpenableUrl('https://u:p@bank.example')).toBeNull();
  });
  it('warns when the text shows another host', () => {
    expect(linkMismatch('https://evil.example/x', 'https://bank.example/login')).toContain('bank.example');
    expect(linkMismatch('https://evil.example/x', 'www.bank.example')).toContain('evil.example');
    expect(linkMismatch('https://www.bank.example/x', 'bank.example')).toBeNull();
    expect(linkMismatch('https://evil.example/x', 'Click here')).toBeNull();
    expect(hostShownIn('раураl.com')).toBe('xn--l-7sba6dbr.com');
  });
  it('shows the real target, not the mail title', () => {
    expect(linkTooltip('https://evil.example/a', 'https://bank.example')).toMatch(/Warning.*\nhttps:\/\/evil\.example\/a$/);
  });
  it('removes bidi controls', () => {
    expect(stripBidi('Ana\u202e gpj.exe\u2066\u200f\u061c')).toBe('Ana gpj.exe');
  });
});
