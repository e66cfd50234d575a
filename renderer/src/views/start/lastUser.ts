/** Who signed in last on this PC: offered first on the sign-in screen (per-PC UI state, never synced). */
const KEY = 'cmtd.lastUser';

export function readLastUser(): string | null {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? null;
  } catch {
    return null;
  }
}

export function rememberLastUser(userId: string): void {
  try {
    globalThis.localStorage?.setItem(KEY, userId);
  } catch {
    // Only a convenience.
  }
}
