/**
 * Mail HTML -> a safe fragment for the message frame, with DOMPurify (in the renderer's
 * DOM; DOMPurify parses into an inert document, so nothing loads while it works).
 *
 * An allowlist, not a blocklist: text, tables, lists, images and links, with the
 * presentational attributes old mail relies on. No forms, media, frames, SVG, MathML,
 * `<link>`, `<meta>` or `<base>`. URLs are checked by hand:
 * - `a[href]`: http(s) and mailto only, forced to `target=_blank rel=noopener noreferrer`;
 * - `img[src]` and `[background]`: data: images always; http(s) only with `allowRemote`;
 *   otherwise removed and counted (the "images hidden" bar), size kept for layout;
 * - `style` attributes and `<style>` elements go through `sanitizeCss`.
 */
import DOMPurify from 'dompurify';
import { linkTooltip, normalizeOpenableUrl } from './link-safety';
import { isRemoteHttpUrl, isSafeDataImage, sanitizeStyleAttribute, sanitizeStyleSheet } from './mail-css';
import { markHtmlQuote } from './quote-fold';

export interface SanitizedMail {
  readonly html: string;
  /** Remote images, backgrounds and CSS URLs that were removed. */
  readonly blockedRemote: number;
  /** Inline (cid:) images that are not shown. */
  readonly inlineImages: number;
  /** Too large to sanitise on the window's thread: shown as text instead (html is ''). */
  readonly tooLarge?: boolean;
}

/**
 * Work bounds. DOMPurify runs on the renderer's main thread, so its input is capped:
 * above these the mail is shown as "too large to display" with its text. The CSS cleaner
 * is linear (css-tokenizer.ts); the parse and DOM walk are what cost, roughly per tag, and
 * Chromium's HTML parser is superlinear in nesting past its 512-level limit (measured in
 * Chromium: 5,000 nested divs parse in 350 ms, 29,000 in 8 s, 500 in under 1 ms), so
 * nesting is bounded before anything is parsed. bench/hostile-open.ts measures the result.
 * The largest mail in the 7,148-message corpus has 1,791 tags.
 */
export const MAX_HTML_CHARS = 2_000_000;
export const MAX_HTML_TAGS = 10_000;
export const MAX_HTML_DEPTH = 400;
/** Stylesheet text cleaned per mail (a newsletter's is under 50 KB); past it, styles are dropped. */
export const MAX_CSS_CHARS = 300_000;
/** One style attribute; longer ones are dropped whole. */
export const MAX_STYLE_ATTRIBUTE_CHARS = 8_000;

/** Elements that never nest (void), or whose end tag may be left out (closed by a sibling). */
// prettier-ignore
const NON_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'colgroup', 'caption',
  'rb', 'rt', 'rp', 'html', 'head', 'body',
]);

/** Linear pre-check, before any parsing: too long, too many tags, or nested too deep. */
export function isTooLargeToSanitize(html: string): boolean {
  if (html.length > MAX_HTML_CHARS) return true;
  let tags = 0;
  let depth = 0;
  let nextGt = -1; // the next '>' at or after the tag name; found once per '>', so linear overall
  for (let i = html.indexOf('<'); i !== -1; i = html.indexOf('<', i + 1)) {
    const closing = html.charCodeAt(i + 1) === 0x2f; // '/'
    const start = closing ? i + 2 : i + 1;
    const c = html.charCodeAt(start) | 0x20;
    if (c < 0x61 || c > 0x7a) continue;
    if (!closing && ++tags > MAX_HTML_TAGS) return true;
    let end = start;
    while (end < html.length && end - start < 10 && /[A-Za-z0-9]/.test(html[end]!)) end++;
    if (NON_NESTING.has(html.slice(start, end).toLowerCase())) continue;
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (nextGt < end) nextGt = html.indexOf('>', end) === -1 ? html.length : html.indexOf('>', end);
    if (html.charCodeAt(nextGt - 1) !== 0x2f && ++depth > MAX_HTML_DEPTH) return true; // <x/> does not nest
  }
  return false;
}

// prettier-ignore
const ALLOWED_TAGS = [
  'a', 'abbr', 'acronym', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br', 'caption',
  'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption',
  'figure', 'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li',
  'main', 'mark', 'nav', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'span',
  'strike', 'strong', 'style', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time',
  'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];

// prettier-ignore
const ALLOWED_ATTR = [
  'align', 'alt', 'background', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'class', 'clear', 'color',
  'cols', 'colspan', 'compact', 'datetime', 'dir', 'face', 'frame', 'headers', 'height', 'href', 'hspace', 'lang',
  'noshade', 'nowrap', 'open', 'rowspan', 'rules', 'scope', 'size', 'span', 'src', 'start', 'style', 'summary',
  'title', 'type', 'valign', 'value', 'vspace', 'width', 'abbr', 'reversed', 'role',
];

let blockedRemote = 0;
let inlineImages = 0;
let allowRemoteNow = false;
let cssCharsLeft = MAX_CSS_CHARS;
let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook('uponSanitizeElement', (node, data) => {
    // Before ids and `type` are stripped: they are how Outlook and Apple Mail mark a quote.
    if (node.nodeType === 1) markHtmlQuote(node as Element);
    if (data.tagName === 'style' && node.textContent) {
      cssCharsLeft -= node.textContent.length;
      if (cssCharsLeft < 0) {
        node.textContent = '';
        return;
      }
      const result = sanitizeStyleSheet(node.textContent, allowRemoteNow);
      blockedRemote += result.blocked;
      node.textContent = result.css;
    }
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (typeof el.getAttribute !== 'function') return;
    let style = el.getAttribute('style');
    if (style !== null && (style.length > MAX_STYLE_ATTRIBUTE_CHARS || (cssCharsLeft -= style.length) < 0)) {
      el.removeAttribute('style');
      style = null;
    }
    if (style !== null) {
      const result = sanitizeStyleAttribute(style, allowRemoteNow);
      blockedRemote += result.blocked;
      if (result.css.trim()) el.setAttribute('style', result.css);
      else el.removeAttribute('style');
    }
    const background = el.getAttribute('background');
    if (background !== null) {
      if (allowRemoteNow && isRemoteHttpUrl(background)) el.setAttribute('background', background.trim());
      else {
        if (!isSafeDataImage(background)) {
          el.removeAttribute('background');
          if (background.trim()) blockedRemote += 1;
        }
      }
    }
    const tag = el.tagName.toLowerCase();
    if (tag === 'a') {
      const href = (el.getAttribute('href') ?? '').trim();
      if (href && (isRemoteHttpUrl(href) || /^mailto:[^\s]+$/i.test(href))) {
        el.setAttribute('href', normalizeOpenableUrl(href) ?? href);
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
        // The tooltip is the real target (normalised, punycode host), never the mail's own title.
        el.setAttribute('title', linkTooltip(href, el.textContent ?? ''));
      } else {
        el.removeAttribute('href');
        el.removeAttribute('target');
      }
    } else if (el.hasAttribute('href')) {
      el.removeAttribute('href');
    }
    if (tag === 'img') {
      const src = (el.getAttribute('src') ?? '').trim();
      if (isSafeDataImage(src)) return;
      if (/^cid:/i.test(src)) {
        inlineImages += 1;
        el.removeAttribute('src');
        el.setAttribute('class', `${el.getAttribute('class') ?? ''} skimmer-blocked-img`.trim());
        return;
      }
      if (allowRemoteNow && isRemoteHttpUrl(src)) {
        el.setAttribute('src', src);
        return;
      }
      el.removeAttribute('src');
      if (src) {
        blockedRemote += 1;
        el.setAttribute('class', `${el.getAttribute('class') ?? ''} skimmer-blocked-img`.trim());
      }
    } else if (el.hasAttribute('src')) {
      el.removeAttribute('src');
    }
    if (el.hasAttribute('type') && tag !== 'ol' && tag !== 'ul' && tag !== 'li') el.removeAttribute('type');
  });
}

// DOMPurify drops these whatever the allowlists above say.
// prettier-ignore
const FORBID_TAGS = [
  'svg', 'math', 'form', 'input', 'button', 'textarea', 'select', 'option', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'video', 'audio', 'source', 'track', 'picture', 'script', 'noscript', 'template', 'portal',
];
// prettier-ignore
const FORBID_ATTR = [
  'srcset', 'ping', 'poster', 'formaction', 'action', 'xlink:href', 'lowsrc', 'dynsrc', 'longdesc', 'usemap', 'data', 'codebase', 'manifest', 'icon',
];

/** Sanitises one message body. Synchronous; call it from the renderer only. */
export function sanitizeMailHtml(html: string, allowRemote: boolean): SanitizedMail {
  if (isTooLargeToSanitize(html)) return { html: '', blockedRemote: 0, inlineImages: 0, tooLarge: true };
  installHooks();
  blockedRemote = 0;
  inlineImages = 0;
  cssCharsLeft = MAX_CSS_CHARS;
  allowRemoteNow = allowRemote;
  const clean = DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    FORCE_BODY: true,
    WHOLE_DOCUMENT: false,
    RETURN_TRUSTED_TYPE: false,
    USE_PROFILES: false,
    SAFE_FOR_TEMPLATES: false,
    FORBID_TAGS,
    FORBID_ATTR,
  }) as string;
  const result = { html: clean, blockedRemote, inlineImages };
  allowRemoteNow = false;
  return result;
}
