import { stripBidi } from './link-safety';
/** Pure formatting helpers for the mail UI (names, avatar colours, ETAs); dates and numbers are in intl-format.ts. */
import type { MailAddress } from '../../../common/mail-types';
import type { Translate } from '../i18n/translate';

/** "Ana Lima" for a named address, else the local part of the email. */
export function displayName(address: MailAddress | undefined | null): string {
  if (!address) return '';
  // Bidi controls could reorder what the person reads ("gpj.exe" shown as "exe.jpg").
  const name = stripBidi(address.name)
    .trim()
    .replace(/^["']|["']$/g, '');
  if (name) return name;
  const local = address.email.split('@')[0];
  return local || address.email;
}

/** "Ana Lima <ana@example.com>" or just the email. */
export function fullAddress(address: MailAddress): string {
  const name = stripBidi(address.name).trim();
  return name && name !== address.email ? `${name} <${address.email}>` : address.email;
}

/** Stable 32-bit FNV-1a hash of a string. */
export function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A pleasant, stable hue for an email address (avatars). */
export function avatarHue(email: string): number {
  return hashString(email.trim().toLowerCase()) % 360;
}

/** Initials for an avatar: "Ana Lima" -> "AL", "ana@x" -> "A". */
export function initialsFor(name: string, email: string): string {
  const words = name
    .replace(/[<>"'()[\]]/g, ' ')
    .split(/\s+/)
    .filter((w) => /^\p{L}/u.test(w));
  if (words.length >= 2) return `${words[0]!.charAt(0)}${words[words.length - 1]!.charAt(0)}`.toUpperCase();
  if (words.length === 1) return words[0]!.charAt(0).toUpperCase();
  return (email.charAt(0) || '?').toUpperCase();
}

/** "Ana, Bo, me" from participants (deduplicated, oldest first), shortened to fit. */
export function participantsLabel(participants: readonly string[], max = 3, me = 'me'): string {
  const unique: string[] = [];
  for (const p of participants) if (p && !unique.includes(p)) unique.push(p);
  if (unique.length === 0) return '';
  if (unique.length === 1) return unique[0] === 'me' ? me : unique[0]!;
  const firstNames = unique.map((p) => (p === 'me' ? me : (p.split(/\s+/)[0] ?? p)));
  if (firstNames.length <= max) return firstNames.join(', ');
  return `${firstNames[0]} … ${firstNames.slice(-(max - 1)).join(', ')}`;
}

/** "about 2 min left", "약 2분 남음" for an ETA; numbers in the locale's digits. */
export function formatEta(seconds: number | null, t: Translate): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 60) return t('eta.seconds', { seconds: Math.max(1, Math.round(seconds)) });
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t('eta.minutes', { minutes });
  return t('eta.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}
