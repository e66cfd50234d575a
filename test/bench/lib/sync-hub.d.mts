export interface SyncHub {
  hub: { url: string; admin: { username: string; password: string } };
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** A thana database provisioned from nothing as `npm run hub` does; says how it is validated. */
  provision(thana: string, pcs: { username: string; password: string; series?: string }[]): Promise<{ db: string; validation: string }>;
  seed(db: string, docs: object[], o?: { batch?: number; attempts?: number }): Promise<{ retries: number }>;
  drop(db: string): Promise<unknown>;
  stop(): Promise<void>;
}

export function startSyncHub(
  ctx: { log: (...p: unknown[]) => void; node: { bundleForNode: (entry: string, o: { name: string }) => Promise<string> } },
  o: { origin: string },
): Promise<SyncHub>;
