import { describe, expect, it } from 'vitest';
import { isRemoteHttpUrl, isSafeDataImage, sanitizeCss } from '../../../renderer/src/lib/mail-css';
import { buildFrameDocument, frameCsp } from '../../../renderer/src/lib/mail-frame-doc';

const blocked = (css: string) => sanitizeCss(css, false);

describe('sanitizeCss: nothing remote unless allowed', () => {
  it.each([
    'background:url(http://t.example/a.png)',
    "background-image:url('https://t.example/a.png')",
    'background:URL( "//t.example/a.png" )',
    'list-style:url(/relative.png)',
    'cursor:url(x.cur),auto',
    'background:u\\72l(http://t.example/esc.png)',
    'background:\\75\\72\\6c(http://t.example/hex.png)',
    'background:image-set("http://t.example/a.png" 1x)',
    'background:-webkit-image-set("http://t.example/a.png" 1x)',
    'content:"http://t.example/x"',
    'background:url(http://t.example/a.png',
    'background:src("http://t.example/a.png")',
  ])('removes the URL from %s', (css) => {
    const out = blocked(css);
    expect(out.css).not.toMatch(/t\.example|relative\.png|x\.cur/);
    expect(out.blocked).toBeGreaterThan(0);
  });

  it('removes @import, @font-face and @namespace with their blocks', () => {
    const out = blocked(`@import url(http://t.example/a.css); @import "http://t.example/b.css";
      @font-face { font-family: x; src: url(http://t.example/f.woff) }
      @namespace svg url(http://www.w3.org/2000/svg);
      p { color: red }`);
    expect(out.css).not.toMatch(/t\.example|@import|@font-face|@namespace/);
    expect(out.css).toMatch(/p\{color:red\}/);
  });

  it('drops escaped @import and comment-split tokens', () => {
    expect(blocked('@\\69mport "http://t.example/a.css"; p{}').css).not.toMatch(/t\.example/);
    expect(blocked('background:url/**/(http://t.example/a.png)').css).not.toMatch(/t\.example/);
  });

  it('neutralises legacy script hooks', () => {
    const out = blocked('width:expression(alert(1)); behavior:url(x.htc); -moz-binding:url(x.xml#xss); background:javascript:alert(1)');
    expect(out.css).not.toMatch(/expression\(|behavior\s*:|-moz-binding|javascript:/i);
  });

  it('cannot close a <style> element', () => {
    const out = blocked('p{}</style><script>alert(1)</script>');
    expect(out.css).not.toContain('<');
    expect(blocked('p{content:"\\3c/style>"}').css).not.toContain('<');
  });

  it('keeps ordinary styling and safe data: images', () => {
    const out = blocked('color:#333; font: 14px/1.4 Arial; background:url(data:image/png;base64,iVBORw0KGgo=)');
    expect(out.css).toContain('color:#333');
    expect(out.css).toContain('url("data:image/png;base64,iVBORw0KGgo=")');
    expect(out.blocked).toBe(0);
    expect(blocked('background:url(data:image/svg+xml;base64,PHN2Zz4=)').css).not.toContain('svg');
  });

  it('keeps http(s) images when remote content is allowed, and only those', () => {
    const out = sanitizeCss('background:url(https://cdn.example/a.png); list-style:url(javascript:alert(1))', true);
    expect(out.css).toContain('url("https://cdn.example/a.png")');
    expect(out.css).not.toContain('javascript');
    expect(sanitizeCss('@import url(https://cdn.example/a.css);', true).css).not.toContain('cdn.example');
  });
});

describe('URL checks', () => {
  it('recognises remote http(s) URLs only', () => {
    expect(isRemoteHttpUrl('https://a.example/x.png')).toBe(true);
    expect(isRemoteHttpUrl(' http://a.example ')).toBe(true);
    expect(isRemoteHttpUrl('//a.example/x.png')).toBe(false);
    expect(isRemoteHttpUrl('cid:part1')).toBe(false);
    expect(isRemoteHttpUrl('https://u:p@a.example')).toBe(false);
  });
  it('recognises raster data: images only', () => {
    expect(isSafeDataImage('data:image/gif;base64,R0lGODlhAQABAAAAACw=')).toBe(true);
    expect(isSafeDataImage('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isSafeDataImage('data:text/html;base64,PHNjcmlwdD4=')).toBe(false);
  });
});

describe('the frame document', () => {
  it('carries a script-free CSP that opens images only when allowed', () => {
    expect(frameCsp(false)).toContain("script-src 'none'");
    expect(frameCsp(false)).toContain('img-src data:;');
    expect(frameCsp(false)).not.toContain('https:');
    expect(frameCsp(true)).toContain('img-src data: https: http:');
    expect(frameCsp(true)).toContain("default-src 'none'");
  });
  it('puts the policy first in the head, before any mail content', () => {
    const doc = buildFrameDocument('<p>hi</p>', { allowRemote: false, theme: 'light' });
    const meta = doc.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(doc.indexOf('<p>hi</p>'));
    expect(doc).toContain('name="referrer" content="no-referrer"');
    expect(doc).not.toMatch(/<script/i);
  });
});

describe('sanitizeCss: escapes are decoded once, by a spec tokenizer', () => {
  it.each([
    'p{background:\\5c 75rl(http://t.example/a.png)}',
    'p{background:\\\\75rl(http://t.example/a.png)}',
    '@\\5c 69mport "http://t.example/a.css"; p{}',
    '@\\69mport url(http://t.example/a.css); p{}',
    '@\\66ont-face{font-family:x;src:url(http://t.example/f.woff)} p{}',
    'p{background:\\69mage-set("http://t.example/a.png" 1x)}',
    'p{background:-webkit-\\69mage-set(\\"http://t.example/a.png\\" 1x)}',
    'p{background:url/**/(http://t.example/a.png)}',
    'p{--x:url(http://t.example/a.png);background:var(--x)}',
    'p{background:url(\\68ttp://t.example/a.png)}',
  ])('nothing in %s can fetch', (css) => {
    const out = sanitizeCss(css, false);
    expect(out.css).not.toMatch(/t\.example/);
    expect(out.css).not.toMatch(/url\(|@import|@font-face|image-set/i);
  });

  it('counts what it removed so the images bar appears', () => {
    expect(sanitizeCss('@\\69mport url(http://t.example/a.css); p{}', false).blocked).toBeGreaterThan(0);
    expect(sanitizeCss('@font-face{font-family:x;src:url(http://t.example/f.woff)}', false).blocked).toBeGreaterThan(0);
    expect(sanitizeCss('p{background:\\69mage-set("http://t.example/a.png" 1x)}', false).blocked).toBeGreaterThan(0);
  });

  it('is linear on url( followed by long runs of spaces', () => {
    for (const n of [3_000, 6_000, 200_000]) {
      const start = performance.now();
      sanitizeCss(`p{background:url(${' '.repeat(n)}`, false);
      sanitizeCss(`background:url(${' '.repeat(n)}x`, false);
      expect(performance.now() - start).toBeLessThan(200);
    }
  });

  it('keeps http(s) only in image properties when allowed', () => {
    expect(sanitizeCss('p{cursor:url(https://cdn.example/c.cur),auto}', true).css).not.toContain('cdn.example');
    expect(sanitizeCss('p{background-image:url( https://cdn.example/a.png )}', true).css).toContain('url("https://cdn.example/a.png")');
  });
});
