/** Scope names, their aliases and how the consent page describes them. */

export const GMAIL = 'https://www.googleapis.com/auth/gmail.';
export const SCOPES = {
  mailFull: 'https://mail.google.com/',
  modify: `${GMAIL}modify`,
  readonly: `${GMAIL}readonly`,
  metadata: `${GMAIL}metadata`,
  labels: `${GMAIL}labels`,
  compose: `${GMAIL}compose`,
  send: `${GMAIL}send`,
  insert: `${GMAIL}insert`,
  userinfoEmail: 'https://www.googleapis.com/auth/userinfo.email',
  userinfoProfile: 'https://www.googleapis.com/auth/userinfo.profile',
  openid: 'openid',
} as const;

const DESCRIPTIONS: Record<string, { title: string; detail: string; sensitive: boolean }> = {
  [SCOPES.mailFull]: { title: 'Read, compose, send and permanently delete all your email from Gmail', detail: 'Full access to your mailbox.', sensitive: true },
  [SCOPES.modify]: { title: 'Read, compose and send emails from your Gmail account', detail: 'Also change labels and move mail to the bin.', sensitive: true },
  [SCOPES.readonly]: { title: 'View your email messages and settings', detail: 'Read messages, threads, labels, attachments and history. Nothing can be changed.', sensitive: true },
  [SCOPES.metadata]: { title: 'View your email message metadata such as labels and headers, but not the email body', detail: 'Headers, labels and history only.', sensitive: true },
  [SCOPES.labels]: { title: 'See and edit your email labels', detail: 'Label names and colours only.', sensitive: false },
  [SCOPES.compose]: { title: 'Manage drafts and send emails', detail: '', sensitive: true },
  [SCOPES.send]: { title: 'Send email on your behalf', detail: '', sensitive: true },
  [SCOPES.insert]: { title: 'Add emails into your Gmail mailbox', detail: '', sensitive: true },
  [SCOPES.userinfoEmail]: { title: 'See your primary Google Account email address', detail: '', sensitive: false },
  [SCOPES.userinfoProfile]: { title: "See your personal info, including any personal info you've made publicly available", detail: 'Name and profile picture.', sensitive: false },
  [SCOPES.openid]: { title: 'Associate you with your personal info on Google', detail: '', sensitive: false },
};

const ALIASES: Record<string, string> = {
  email: SCOPES.userinfoEmail,
  profile: SCOPES.userinfoProfile,
};

/** The canonical form Google reports in token responses (`email` -> userinfo.email URL). */
export function canonicalScope(s: string): string {
  return ALIASES[s] ?? s;
}

export function isKnownScope(s: string): boolean {
  return canonicalScope(s) in DESCRIPTIONS;
}

export function describeScope(s: string): { title: string; detail: string; sensitive: boolean } {
  return DESCRIPTIONS[canonicalScope(s)] ?? { title: s, detail: '', sensitive: false };
}

export function isIdentityScope(s: string): boolean {
  const c = canonicalScope(s);
  return c === SCOPES.openid || c === SCOPES.userinfoEmail || c === SCOPES.userinfoProfile;
}

/** Split a scope parameter (space separated, `+` already decoded by URLSearchParams). */
export function splitScopes(param: string): string[] {
  return [...new Set(param.split(/\s+/).filter(Boolean))];
}

export function hasEmail(scopes: Iterable<string>): boolean {
  for (const s of scopes) if (canonicalScope(s) === SCOPES.userinfoEmail) return true;
  return false;
}

export function hasProfile(scopes: Iterable<string>): boolean {
  for (const s of scopes) if (canonicalScope(s) === SCOPES.userinfoProfile) return true;
  return false;
}

export function hasOpenid(scopes: Iterable<string>): boolean {
  for (const s of scopes) if (s === SCOPES.openid) return true;
  return false;
}
