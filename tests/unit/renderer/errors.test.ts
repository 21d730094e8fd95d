import { describe, expect, it } from 'vitest';
import { IPC_ERROR_CODES } from '../../../common/ipc';
import { errorMessage, isRetryable, signInErrorMessage } from '../../../renderer/src/lib/errors';
import { englishT, koreanT } from '../i18n/translators';

describe('error messages', () => {
  it('has a human sentence for every code', () => {
    for (const code of IPC_ERROR_CODES) {
      const text = errorMessage({ code, message: 'raw detail' }, englishT);
      expect(text.length, code).toBeGreaterThan(5);
      expect(text, code).not.toBe('raw detail');
    }
    expect(errorMessage(null, englishT)).toBe('');
  });
  it('words sign-in failures for the sign-in screen', () => {
    expect(signInErrorMessage({ code: 'offline', message: 'ENOTFOUND' }, englishT)).toMatch(/reach Google/);
    expect(signInErrorMessage({ code: 'cancelled', message: '' }, englishT)).toMatch(/cancelled/);
    expect(signInErrorMessage({ code: 'needs_sign_in', message: 'You chose Deny.' }, englishT)).toBe('You chose Deny.');
  });
  it('has a Korean sentence for every code', () => {
    for (const code of IPC_ERROR_CODES) expect(errorMessage({ code, message: 'raw detail' }, koreanT), code).toMatch(/[가-힣]/);
  });
  it('offers Retry only where retrying can help', () => {
    expect(isRetryable('offline')).toBe(true);
    expect(isRetryable('rate_limited')).toBe(true);
    expect(isRetryable('needs_reauth')).toBe(false);
    expect(isRetryable('invalid_query')).toBe(false);
  });
});
