/**
 * The document shown in a message's sandboxed frame. Pure: the sanitised body goes in,
 * a full HTML document with its own Content-Security-Policy comes out.
 *
 * The frame's policy is stricter than the app page's (which the srcdoc also inherits):
 * nothing but inline styles and data: images, plus http(s) images when the person has
 * allowed remote content for this message. No script source at all.
 */

export interface FrameDocOptions {
  readonly allowRemote: boolean;
  readonly theme: 'light' | 'dark';
  /** Plain text bodies get a monospace-free, pre-wrapped layout. */
  readonly kind?: 'html' | 'text';
}

export function frameCsp(allowRemote: boolean): string {
  return [
    "default-src 'none'",
    "script-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src data:${allowRemote ? ' https: http:' : ''}`,
    'font-src data:',
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "child-src 'none'",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

const BASE_STYLE = `
html{color-scheme:light;-webkit-text-size-adjust:100%}
body{margin:0;padding:12px 16px 16px;background:#ffffff;color:#1b1d22;
  font:14px/1.55 'Inter','Segoe UI',system-ui,-apple-system,'Helvetica Neue','Noto Sans',sans-serif;overflow-wrap:anywhere;word-break:normal}
img{max-width:100%;height:auto}
table{max-width:100%}
a{color:#2f4de0}
blockquote{margin:0 0 0 4px;padding-left:12px;border-left:3px solid #d3d6dd;color:#5d6270}
pre{white-space:pre-wrap}
html:not(.skimmer-show-quotes) .skimmer-quote{display:none}
mark.skimmer-hit{background:#ffe08a;color:inherit;border-radius:2px}
.skimmer-blocked-img{display:inline-block;min-width:16px;min-height:16px;
  background:repeating-linear-gradient(45deg,#eef0f4,#eef0f4 6px,#f6f7f9 6px,#f6f7f9 12px);border-radius:4px;vertical-align:middle}
`;

export function escapeHtmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function buildFrameDocument(sanitizedBody: string, options: FrameDocOptions): string {
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtmlAttr(frameCsp(options.allowRemote))}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta http-equiv="x-dns-prefetch-control" content="off">',
    `<style>${BASE_STYLE}</style>`,
    '</head><body>',
    sanitizedBody,
    '</body></html>',
  ].join('');
}
