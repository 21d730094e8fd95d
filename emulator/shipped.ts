/**
 * The emulator as the app ships it (demo mode): the same Google, without the test hooks,
 * so nobody on this machine can rewrite the demo mailbox or its quota over HTTP.
 */
import { startEmulatorServer, type EmulatorHandle, type StartEmulatorOptions } from './emulator';

export type { EmulatorHandle } from './emulator';

export function startShippedEmulator(opts: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
  return startEmulatorServer(opts, null);
}
