/**
 * The renderer's English messages (ICU MessageFormat, read by react-intl). ko.ts has
 * exactly the same keys; tests/unit/i18n fails on a missing, extra or unused key.
 */
export const en = {
  'error.needs_sign_in': 'You are signed out. Sign in to see your mail.',
  'error.needs_reauth': 'Google needs you to sign in again. Your cached mail is still here.',
  'error.offline': 'You are offline. Showing what is on this computer.',
  'error.rate_limited': 'Gmail asked Skimmer to slow down. It goes on by itself within a minute or two.',
  'error.api_disabled':
    'The Gmail API is not enabled for your Google Cloud project. Enable it in the Google Cloud console (APIs & Services, Library, Gmail API), wait a few minutes, then try again.',
  'error.quota_exhausted': "Today's Gmail quota for your Google Cloud project is used up. Cached mail still works; syncing goes on tomorrow.",
  'error.invalid_query': 'That search could not be read.',
  'error.not_found': 'That item no longer exists in Gmail.',
  'error.cancelled': 'Cancelled.',
  'error.invalid_request': 'Skimmer refused an unexpected request.',
  'error.internal': 'Something went wrong inside Skimmer.',
  'signInError.cancelled': 'Sign-in was cancelled. You can try again whenever you like.',
  'signInError.offline': 'Could not reach Google. Check your connection and try again.',
  'signInError.rate_limited': 'Google is busy right now. Wait a moment and try again.',
  'signInError.denied': 'Google did not grant access. Try again and choose Allow.',
  'signInError.badClient': 'The OAuth client file could not be used.',

  'eta.seconds': '{seconds} s left',
  'eta.minutes': 'about {minutes} min left',
  'eta.hours': 'about {hours} h {minutes} min left',

  'settings.language': 'Language',
  'settings.language.system': 'Same as the system ({language})',
  'settings.language.en': 'English',
  'settings.language.ko': '한국어 (Korean)',
} as const;

export type MessageKey = keyof typeof en;
