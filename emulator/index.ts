/**
 * The emulator for tests and the emulator CLI: everything in emulator.ts, with the test
 * hooks (/__emulator/*) routed. The app never imports this file (see shipped.ts).
 */
import { startEmulatorServer, type EmulatorHandle, type StartEmulatorOptions } from './emulator';
import { handleHook } from './server/hooks';

export * from './emulator';

export function startEmulator(opts: StartEmulatorOptions = {}): Promise<EmulatorHandle> {
  return startEmulatorServer(opts, handleHook);
}
