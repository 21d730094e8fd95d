/**
 * CSS from mail, made inert. Pure string work, so it is unit-tested in Node and applied
 * identically to `<style>` elements and `style=""` attributes.
 *
 * The rewriter first decodes CSS escapes and drops comments, so what it checks is what
 * the browser will read (`u\72l(` is `url(`). Then it removes everything that can make a
 * request: `@import`, `@font-face`, `@namespace`, every `url()` (kept only when remote
 * content is allowed and the URL is http(s)), `image-set()`, and any string that still
 * looks like a URL. Legacy script hooks (`expression()`, `behavior`, `-moz-binding`,
 * `javascript:`) go too. `<` is re-escaped so a style element can't be closed early.
 */

export interface CssResult {
  readonly css: string;
  /** How many remote references were removed (for the "images hidden" bar). */
  readonly blocked: number;
}

function decodeEscapes(css: string): string {
  return css
    .replace(/\\(?:\r\n|\n|\r|\f)/g, '')
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?/g, (_m, hex: string) => {
      const code = parseInt(hex, 16);
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    })
    .replace(/\\([\s\S])/g, '$1')
    .replace(/\\$/, '');
}

/** Removes `@name ... { ... }` blocks with balanced braces. */
function removeAtBlocks(css: string, name: RegExp): string {
  let out = css;
  for (let guard = 0; guard < 1000; guard += 1) {
    const match = name.exec(out);
    if (!match) break;
    const start = match.index;
    const open = out.indexOf('{', start);
    const semi = out.indexOf(';', start);
    if (open === -1 || (semi !== -1 && semi < open)) {
      out = out.slice(0, start) + out.slice(semi === -1 ? out.length : semi + 1);
      continue;
    }
    let depth = 0;
    let end = out.length;
    for (let i = open; i < out.length; i += 1) {
      if (out[i] === '{') depth += 1;
      else if (out[i] === '}') {
        depth -= 1;
        if (depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    out = out.slice(0, start) + out.slice(end);
  }
  return out;
}

export function isRemoteHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|bmp);base64,[a-z0-9+/=\s]*$/i;

export function isSafeDataImage(value: string): boolean {
  return SAFE_DATA_IMAGE.test(value.trim());
}

export function sanitizeCss(input: string, allowRemote: boolean): CssResult {
  let blocked = 0;
  let css = decodeEscapes(input.replace(/\0/g, ''));
  css = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
  css = css.replace(/<!--|-->/g, ' ');
  const before = css;
  css = removeAtBlocks(css, /@import\b/i);
  css = removeAtBlocks(css, /@font-face\b/i);
  css = removeAtBlocks(css, /@namespace\b/i);
  css = removeAtBlocks(css, /@document\b|@-moz-document\b/i);
  if (css !== before) blocked += 1;
  // Script hooks from old browsers: inert in Chromium, removed anyway.
  css = css.replace(/expression\s*\(/gi, 'x(');
  css = css.replace(/(?:-moz-binding|behavior|-ms-behavior)\s*:/gi, 'x-removed:');
  css = css.replace(/javascript\s*:|vbscript\s*:/gi, 'removed:');
  // url(...) in all its forms: quoted, unquoted. Kept ones are parked as placeholders so
  // the string checks below can't touch them.
  const kept: string[] = [];
  const park = (value: string) => {
    kept.push(value);
    return `\u0000${kept.length - 1}\u0000`;
  };
  css = css.replace(/url\s*\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*?))\s*\)/gi, (_m, dq?: string, sq?: string, bare?: string) => {
    const value = (dq ?? sq ?? bare ?? '').trim();
    if (isSafeDataImage(value)) return park(`url("${value.replace(/\s/g, '')}")`);
    if (allowRemote && isRemoteHttpUrl(value)) return park(`url("${value.replace(/["\\\n\r]/g, encodeURIComponent)}")`);
    if (value.length > 0) blocked += 1;
    return 'none';
  });
  // image-set() and friends take bare strings as URLs.
  css = css.replace(/(?<![\w-])(?:-webkit-)?(?:image-set|cross-fade|image|element|paint|src)\s*\(/gi, (m) => {
    blocked += 1;
    return m.replace(/[a-z-]+/i, 'x-removed');
  });
  // A url( that never closes (truncated CSS): the browser would read it to the end.
  css = css.replace(/url\s*\([^;}]*/gi, () => {
    blocked += 1;
    return 'none';
  });
  // Any string that still names a URL (content: "http://...", leftovers of the above).
  css = css.replace(/(["'])((?:(?!\1)[\s\S])*)\1/g, (m, _q: string, inner: string) => {
    if (/^\s*(?:[a-z][a-z0-9+.-]*:\/\/|\/\/|data:|javascript:|vbscript:|file:|ftp:)/i.test(inner)) {
      blocked += 1;
      return '""';
    }
    return m;
  });
  // eslint-disable-next-line no-control-regex -- NUL is our own placeholder marker (input NULs were stripped).
  css = css.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => kept[Number(i)] ?? 'none');
  css = css.replace(/</g, '\\3c ');
  return { css, blocked };
}
