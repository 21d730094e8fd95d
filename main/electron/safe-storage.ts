// The one place that hands Electron's real safeStorage to the (Electron-free) SafeStorageCipher.
// Call only after app 'ready'.
import { safeStorage } from 'electron';
import { SafeStorageCipher, type SafeStorageCipherOptions, type SafeStorageLike } from '../secrets/safe-storage-cipher';

export const electronSafeStorage: SafeStorageLike = safeStorage;

export function createSafeStorageCipher(options: SafeStorageCipherOptions = {}): SafeStorageCipher {
  return new SafeStorageCipher(electronSafeStorage, options);
}
