/** users.getProfile. */
import { SCHEMAS } from '../fields';
import { SCOPES } from '../oauth/scopes';
import type { GmailContext, GmailRoute } from './route';
import { READ_SCOPES } from './route';

function profile(ctx: GmailContext): unknown {
  const p = ctx.account.mailbox.profile();
  return { emailAddress: p.emailAddress, messagesTotal: p.messagesTotal, threadsTotal: p.threadsTotal, historyId: p.historyId };
}

export const profileRoutes: GmailRoute[] = [
  {
    method: 'GET',
    path: '/profile',
    id: 'users.getProfile',
    rpc: 'caribou.api.proto.MailboxService.GetProfile',
    params: {},
    scopes: [...READ_SCOPES, SCOPES.compose, SCOPES.labels],
    schema: SCHEMAS.profile,
    handler: profile,
  },
];
