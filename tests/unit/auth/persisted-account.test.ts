import { describe, expect, it } from 'vitest';
import { parsePersistedAccount } from '../../../main/auth/persisted-account';

describe('parsePersistedAccount', () => {
  it('keeps the known fields and drops unknown ones', () => {
    expect(parsePersistedAccount({ id: 'a1', email: 'a@example.com', name: 'A', addedAt: 5, needsReauth: true, avatarUrl: 'https://x/y', extra: 1 })).toEqual({
      id: 'a1',
      email: 'a@example.com',
      name: 'A',
      addedAt: 5,
      needsReauth: true,
      avatarUrl: 'https://x/y',
    });
    expect(parsePersistedAccount({ id: 'a1', email: 'a@example.com', name: '' })).toEqual({ id: 'a1', email: 'a@example.com', name: '' });
  });

  it('refuses an entry with a missing or wrongly typed field', () => {
    for (const bad of [
      null,
      'a1',
      [],
      {},
      { id: '', email: 'a@example.com', name: 'A' },
      { id: 'a1', name: 'A' },
      { id: 'a1', email: 'a@example.com' },
      { id: 'a1', email: 'a@example.com', name: 'A', addedAt: '5' },
      { id: 'a1', email: 'a@example.com', name: 'A', addedAt: Number.NaN },
      { id: 'a1', email: 'a@example.com', name: 'A', needsReauth: 'yes' },
      { id: 'a1', email: 'a@example.com', name: 'A', avatarUrl: 3 },
    ])
      expect(parsePersistedAccount(bad)).toBeNull();
  });
});
