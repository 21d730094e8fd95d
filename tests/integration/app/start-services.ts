/** The app's services on a data dir, as main/electron builds them, with a recording browser and status log. */
import { createAppServices, type AppServices } from '../../../main/app-services';
import type { MailChanged, SyncStatus } from '../../../common/ipc';
import type { IntervalTimers } from '../../../main/services/repeating-task';
import type { Cipher } from '../../../main/secrets/cipher';
import { DemoServer } from '../../../main/services/demo-server';
import { playBrowser, type recordingOpener } from '../auth/browser';

export interface StartServicesOptions {
  readonly dataDir: string;
  readonly opener: ReturnType<typeof recordingOpener>;
  readonly ciphers?: Cipher[];
  /** Receives every syncProgress event. */
  readonly statuses?: SyncStatus[];
  /** Receives every mailChanged event. */
  readonly changes?: MailChanged[];
  /** The demo's Gmail (default: the shipped demo mailbox). */
  readonly demo?: DemoServer;
  /** The sync timer's clock (default: the system's). */
  readonly timers?: IntervalTimers;
}

export function startServices({ dataDir, opener, ciphers = [], statuses, changes, demo, timers }: StartServicesOptions): Promise<AppServices> {
  return createAppServices({
    dataDir,
    appInfo: { name: 'Skimmer', version: 'test', platform: 'linux', shell: 'test-bridge' },
    ciphers,
    env: {},
    demo: demo ?? new DemoServer(),
    ...(timers ? { timers } : {}),
    platform: {
      openExternal: async (url) => opener.openExternal(url),
      chooseClientSecretFile: async () => null,
      copyText: () => undefined,
      chooseSaveLocation: async () => null,
      emit: (name, payload) => {
        if (name === 'syncProgress') statuses?.push(payload as SyncStatus);
        if (name === 'mailChanged') changes?.push(payload as MailChanged);
      },
    },
  });
}

/** Signs in to the demo through its consent page, as a person would; the account's id. */
export async function signInDemo(services: AppServices, opener: ReturnType<typeof recordingOpener>): Promise<string> {
  const signingIn = services.handlers.startDemo();
  await playBrowser(await opener.next());
  return (await signingIn).id;
}
