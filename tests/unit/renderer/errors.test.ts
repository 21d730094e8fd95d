import { describe, expect, it } from 'vitest';
import { IPC_ERROR_CODES } from '../../../common/ipc';
import { errorMessage, isRetryable, signInErrorMessage } from '../../../renderer/src/lib/errors';

describe('error messages', () => {
  it('has a human sentence for every code', () => {
    for (const code of IPC_ERROR_CODES) {
      const text = errorMessage({ code, message: 'raw detail' });
      expect(text.length, code).toBeGreaterThan(5);
      expect(text, code).not.toBe('raw detail');
    }
    expect(errorMessage(null)).toBe('');
  });
  it('words sign-in failures for the sign-in screen', () => {
    expect(signInErrorMessage({ code: 'offline', message: 'ENOTFOUND' })).toMatch(/reach Google/);
    expect(signInErrorMessage({ code: 'cancelled', message: '' })).toMatch(/cancelled/);
    expect(signInErrorMessage({ code: 'needs_sign_in', message: 'You chose Deny.' })).toBe('You chose Deny.');
  });
  it('offers Retry only where retrying can help', () => {
    expect(isRetryable('offline')).toBe(true);
    expect(isRetryable('rate_limited')).toBe(true);
    expect(isRetryable('needs_reauth')).toBe(false);
    expect(isRetryable('invalid_query')).toBe(false);
  });
});
