import { fileURLToPath } from 'node:url';
import { loadMailbox, type Mailbox } from '../mailbox';

/** The committed demo mailbox (Takeout-style mbox), written by generate.ts. */
export const DEMO_MAILBOX_PATH = fileURLToPath(new URL('./demo-mailbox.mbox', import.meta.url));
/** The demo account's address. */
export const DEMO_EMAIL = 'demo@skimmer.example';

export function loadDemoMailbox(): Promise<Mailbox> {
  return loadMailbox({ email: DEMO_EMAIL, paths: [DEMO_MAILBOX_PATH] });
}
