/** Answers that cross IPC: an Envelope, never a thrown error (its class and fields would be lost). */
import type { Envelope } from '../renderer/src/bridge/contract';

/** An error with a code the renderer can translate (it becomes a BridgeError there). */
export class IpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'IpcError';
  }
}

export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

export function fail(code: string, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

export function toFailure(err: unknown): Envelope<never> {
  if (err instanceof IpcError) return fail(err.code, err.message);
  return fail('failed', err instanceof Error ? err.message : String(err));
}
