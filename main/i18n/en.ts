/**
 * English messages for main and the CLI (ICU MessageFormat, read by FormatJS). The keys
 * are the catalog's contract: ko.ts must have exactly the same ones (tests/unit/i18n).
 */
export const en = {
  'menu.file': '&File',
  'menu.edit': '&Edit',
  'menu.view': '&View',
  'menu.window': '&Window',
  'menu.help': '&Help',
  'menu.helpItem': 'Skimmer Help',
  'menu.about': 'About {appName}',
  'menu.role.about': 'About {appName}',
  'menu.role.services': 'Services',
  'menu.role.hide': 'Hide {appName}',
  'menu.role.hideOthers': 'Hide Others',
  'menu.role.unhide': 'Show All',
  'menu.role.quit': 'Quit {appName}',
  'menu.role.close': 'Close Window',
  'menu.role.undo': 'Undo',
  'menu.role.redo': 'Redo',
  'menu.role.cut': 'Cut',
  'menu.role.copy': 'Copy',
  'menu.role.paste': 'Paste',
  'menu.role.selectAll': 'Select All',
  'menu.role.reload': 'Reload',
  'menu.role.toggleDevTools': 'Toggle Developer Tools',
  'menu.role.resetZoom': 'Actual Size',
  'menu.role.zoomIn': 'Zoom In',
  'menu.role.zoomOut': 'Zoom Out',
  'menu.role.togglefullscreen': 'Toggle Full Screen',
  'menu.role.minimize': 'Minimize',
  'menu.role.zoom': 'Zoom',
  'menu.role.front': 'Bring All to Front',

  'dialog.importClient.title': 'Import your OAuth client',
  'dialog.importClient.filter': 'Google OAuth client',
  'dialog.saveAttachment.title': 'Save attachment',

  'startup.damaged.title': 'Skimmer: settings file was damaged',
  'startup.damaged.content':
    'Skimmer could not read its settings, so it kept a copy and will start with default settings next time:\n\n{copies}\n\nOpen Skimmer again. Your accounts may ask you to sign in again; the copy is there if you want to recover anything.',
  'startup.failed.title': 'Skimmer could not start',
  'startup.failed.content':
    'Skimmer stopped while starting:\n\n  {detail}\n\nTry opening it again. If this keeps happening, check that your home folder is writable and report the message above.',

  'loopback.success.title': 'You are signed in',
  'loopback.success.lead': 'Skimmer now has read-only access to your mail.',
  'loopback.denied.title': 'Sign-in cancelled',
  'loopback.denied.lead': 'You declined access, so Skimmer did not sign in. Nothing was stored.',
  'loopback.error.title': 'Sign-in did not finish',
  'loopback.error.lead': 'Something went wrong. You can try again from Skimmer.',
  'loopback.close': 'You can close this tab and return to Skimmer.',
  'loopback.notOurs': 'This address is not part of the Skimmer sign-in.',
  'loopback.finished': 'This sign-in has already finished.',
  'loopback.wrongState': 'This reply does not belong to the sign-in Skimmer started, so it was ignored.',
  'loopback.googleAnswered': 'Google answered: {error}.',
  'loopback.noCode': 'The reply carried no authorization code.',
  'loopback.finishing': 'Skimmer is finishing the sign-in.',

  'sync.rateLimitedIn': 'Gmail asked Skimmer to slow down; resuming in {seconds} s.',
  'sync.rateLimited': 'Gmail asked Skimmer to slow down; trying again in a minute.',
  'sync.apiDisabled': 'The Gmail API is not enabled for this Google Cloud project. Enable it in the Cloud console, wait a few minutes, then try again.',
  'sync.quotaExhausted': "Today's Gmail quota for this Google Cloud project is used up; syncing resumes tomorrow.",
  'sync.lockedElsewhere': 'Another Skimmer window or command is syncing this account; this one reads what it writes.',
  'sync.offline': 'Offline: showing cached mail.',
  'sync.paused': 'Sync paused after an error; it will retry.',
  'sync.copying': 'Copying your mail for offline search…',

  'cli.usage.title': 'Usage: npm run cli -- <command> [options]',
  'cli.usage.commands': 'Commands:',
  'cli.usage.help': 'Show help for a command: help <command>',
  'cli.usage.exitCodes': 'Exit codes: 0 ok, 1 error, 2 usage, 3 sign-in/auth failure, 4 not found, 130 interrupted.',
  'cli.unknownCommand': 'Unknown command "{name}".',
  'cli.error': 'Error: {message}',
  'cli.flagRequired': '{flag} is required.',
  'cli.flagPositive': '{flag} must be a positive number.',
  'cli.noAccounts': 'No accounts.',
  'cli.noAccountsHint': 'No accounts. Add one with: npm run cli -- sign-in --data-dir DIR --client FILE',
  'cli.noSuchAccount': 'No account {email} under {dataDir}.',
  'cli.severalAccounts': 'Several accounts: name one ({emails}).',
  'cli.seconds': '{seconds} s',
  'cli.minutesSeconds': '{minutes} min {seconds} s',

  'cli.accounts.summary': 'List the accounts stored under the data dir and their state.',
  'cli.accounts.usage':
    'Usage: npm run cli -- accounts --data-dir DIR [--json]\n\nPrints one line per account: a "*" for the active one, the address, its state\n(signed_in, needs_reauth, signed_out) and the name, separated by tabs. --json prints an array.',
  'cli.accounts.noKeychain': 'Note: the OS keychain is not reachable, so stored tokens cannot be opened.',

  'cli.signIn.summary': 'Sign in to a Google account through your browser and store its token (encrypted) under the data dir.',
  'cli.signIn.usage':
    'Usage: npm run cli -- sign-in --data-dir DIR (--client FILE | --server FILE) [--timeout SECONDS]\n\n  --data-dir DIR    where Skimmer keeps its settings and encrypted tokens\n  --client FILE     Google\'s OAuth client file (client_secret_*.json, a "Desktop app" client)\n  --server FILE     the emulator\'s server description (what `npm run emulator` writes)\n  --timeout SECONDS give up waiting for the browser after this long (default 300)\n\nPrints the consent address on a line of its own; open it in a browser. Without --client or\n--server, SKIMMER_CLIENT_ID/SKIMMER_CLIENT_SECRET or the client used last time are used.',
  'cli.signIn.clientOrServer': 'Pass either --client or --server, not both.',
  'cli.signIn.port': '--port must be 0..65535.',
  'cli.signIn.openBrowser': 'Open this address in your browser to sign in:',
  'cli.signIn.waiting': 'Waiting for the browser (up to {seconds} seconds; Ctrl-C to cancel)...',
  'cli.signIn.noKeychain': 'Warning: no OS keychain is reachable, so the token cannot be stored; it would be lost when this command exits.',
  'cli.signIn.done': 'Signed in as {email}',
  'cli.signIn.stored': 'Token stored encrypted ({cipher}) in {dataDir}.',
  'cli.signIn.failed': 'Sign-in failed ({code}): {message}',

  'cli.signOut.summary': 'Sign an account out: revoke its token at Google and delete it from the data dir.',
  'cli.signOut.usage':
    "Usage: npm run cli -- sign-out --data-dir DIR [--client FILE | --server FILE] EMAIL\n\nRevoking is best effort: when Google can't be reached the local token is deleted anyway.\nThe OAuth client used at sign-in is remembered; --client/--server override it.",
  'cli.signOut.oneAddress': 'Give exactly one account address.',
  'cli.signOut.done': 'Signed out {email} ({how}).',
  'cli.signOut.revoked': 'access revoked at Google',
  'cli.signOut.offline': 'Google could not be reached, so access was not revoked there',
  'cli.signOut.failed': 'Google refused the revocation',
  'cli.signOut.noToken': 'no token was held',

  'cli.stats.summary': 'Show what the local cache holds for each account.',
  'cli.stats.usage':
    "Usage: npm run cli -- stats --data-dir DIR [--json] [EMAIL]\n\nPer account: messages, conversations and labels cached, the oldest and newest message,\nwhether the first full sync has finished, the history id, and the cache file's size.",
  'cli.stats.line': '{email}: {messages} messages, {threads} conversations, {labels} labels, {size}',
  'cli.stats.synced': 'synced to history {historyId}',
  'cli.stats.notSynced': 'first sync not finished',

  'cli.sync.summary': 'Fill or update the local cache of an account from Gmail (resumes where it stopped).',
  'cli.sync.usage':
    'Usage: npm run cli -- sync --data-dir DIR [--client FILE | --server FILE] [EMAIL]\n\nSyncs EMAIL (default: the active account) into DIR/cache/<account>/mail.db: the whole\nmailbox newest first the first time, only the changes (history) afterwards. A killed or\ninterrupted sync resumes at the page it was on. Progress is a bar on a terminal and one\nline per page otherwise.',
  'cli.sync.eta': ', about {time} left',
  'cli.sync.progress': '{phase}: {cached}/{total} messages{eta}',
  'cli.sync.lockedBy': '{message} (process {pid})',
  'cli.sync.recovered': 'The cache file was unreadable ({reason}); moved it to {movedTo} and started afresh.',
  'cli.sync.rateLimited': 'Gmail asked Skimmer to slow down; resuming in about {seconds} s.',
  'cli.sync.done':
    'Synced {email} ({kind}): {added} added, {deleted} deleted, {relabelled} relabelled; {cached} messages cached.',
  'cli.sync.interrupted': 'Interrupted; {cached} messages cached. Run sync again to resume.',

  'cli.search.summary': "Search with Gmail's query syntax, newest first: complete even while the cache fills.",
  'cli.search.usage':
    'Usage: npm run cli -- search --data-dir DIR [--account EMAIL] [--limit N] [--offline] [--json] "QUERY"\n\nAnswers from DIR/cache/<account>/mail.db once sync has copied the whole mailbox. Until\nthen Gmail chooses the results (the same ids Gmail\'s own search gives) and the cache\nsupplies what it holds, so the answer is complete; with --offline (or when Gmail can\'t be\nreached) only the cache answers, and stderr says how much of the mailbox it holds.\nPrints date, sender and subject per message; --json prints one object per line with id,\nthreadId, internalDate, date, from, to, subject, snippet and labelIds.',
  'cli.search.oneQuery': 'Give exactly one query (quote it).',
  'cli.search.partial': 'Answered from this computer only: it holds {cached} messages so far; older mail is not searched.',
  'cli.search.partialOf':
    'Answered from this computer only: it holds {cached} of {total} messages so far; older mail is not searched.',
  'cli.search.gmailUnreachable': 'Could not reach Gmail for the part of the mailbox not cached yet.',
  'cli.search.noMatch': 'No messages match.',
  'cli.search.emptyCache': 'The cache is empty: run sync first.',
  'cli.search.damaged': 'The cache file was damaged. Run sync to rebuild it.',
  'cli.search.damagedMoved': 'The cache file was damaged; moved it to {movedTo}. Run sync to rebuild it.',
} as const;

export type MainMessageKey = keyof typeof en;
