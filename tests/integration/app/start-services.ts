/** The app's services on a data dir, as main/electron builds them, with a recording browser and status log. */
import { createAppServices, type AppServices } from '../../../main/app-services';
import type { SyncStatus } from '../../../common/ipc';
import type { Cipher } from '../../../main/secrets/cipher';
import { DemoServer } from '../../../main/services/demo-server';
import type { recordingOpener } from '../auth/browser';

export interface StartServicesOptions {
  readonly dataDir: string;
  readonly opener: ReturnType<typeof recordingOpener>;
  readonly ciphers?: Cipher[];
  /** Receives every syncProgress event. */
  readonly statuses?: SyncStatus[];
}

export function startServices({ dataDir, opener, ciphers = [], statuses }: StartServicesOptions): Promise<AppServices> {
  return createAppServices({
    dataDir,
    appInfo: { name: 'Skimmer', version: 'test', platform: 'linux', shell: 'test-bridge' },
    ciphers,
    env: {},
    demo: new DemoServer(),
    platform: {
      openExternal: async (url) => opener.openExternal(url),
      chooseClientSecretFile: async () => null,
      copyText: () => undefined,
      chooseSaveLocation: async () => null,
      emit: (name, payload) => {
        if (name === 'syncProgress') statuses?.push(payload as SyncStatus);
      },
    },
  });
}
