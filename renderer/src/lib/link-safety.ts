/**
 * Links and names that lie. Pure, unit-tested.
 * - The URL shown (tooltip) and opened is `new URL(x).href`: the host comes out in
 *   punycode (`xn--...`) for look-alike Unicode hosts, backslashes become slashes.
 * - Link text that shows a host different from the target's host gets a warning.
 * - Bidi controls in names and subjects are removed so text can't be reordered.
 */

/** U+202A–202E, U+2066–2069, U+200E/F, U+061C. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export function stripBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The normalised http(s) URL that may leave the app, or null. */
export function normalizeOpenableUrl(candidate: string): string | null {
  if (candidate.length > 8192) return null;
  try {
    const url = new URL(candidate.trim());
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

const HOST_IN_TEXT = /(?:https?:\/\/)?((?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,})(?=[/:?#\s]|$)/iu;

/** The host the link text claims to go to, punycoded, or null when it shows no host. */
export function hostShownIn(text: string): string | null {
  const m = HOST_IN_TEXT.exec(stripBidi(text).trim());
  if (!m?.[1]) return null;
  try {
    return new URL(`https://${m[1]}`).hostname;
  } catch {
    return null;
  }
}

const sameSite = (a: string, b: string) => a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);

/** A warning when the text shows one host and the href goes to another. */
export function linkMismatch(href: string, text: string): string | null {
  const target = normalizeOpenableUrl(href);
  if (!target) return null;
  const shown = hostShownIn(text);
  const real = new URL(target).hostname;
  if (shown && !sameSite(shown.replace(/^www\./, ''), real.replace(/^www\./, ''))) return `Warning: the text shows ${shown} but the link goes to ${real}`;
  return null;
}

export function linkTooltip(href: string, text: string): string {
  const target = normalizeOpenableUrl(href) ?? href;
  const shown = target.length > 200 ? `${target.slice(0, 200)}…` : target;
  const warning = linkMismatch(href, text);
  return warning ? `${warning}\n${shown}` : shown;
}
