/** Splits plain text into text and link parts (http(s), www., mailto-ish emails). Pure. */

export type TextPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'link'; readonly text: string; readonly href: string };

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]}>'"]$/;

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const index = match.index ?? 0;
    let raw = match[0];
    // Drop trailing punctuation, but keep a closing paren the URL opened ("wiki/Foo_(bar)").
    while (raw.length > 0 && TRAILING.test(raw.slice(-1))) {
      const last = raw.slice(-1);
      if (last === ')' && (raw.match(/\(/g)?.length ?? 0) >= (raw.match(/\)/g)?.length ?? 0)) break;
      raw = raw.slice(0, -1);
    }
    if (raw.length === 0) continue;
    if (index > last) parts.push({ kind: 'text', text: text.slice(last, index) });
    const href = raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw;
    parts.push({ kind: 'link', text: raw, href });
    last = index + raw.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** Only http(s) leaves the app, and never with credentials in it. */
export function isOpenableUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && url.hostname.length > 0;
  } catch {
    return false;
  }
}
