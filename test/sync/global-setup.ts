/** One pouchdb-server for the whole sync suite; each test file provisions its own thanas on it. */
import type { TestProject } from 'vitest/node';
import { startHub } from './hub-server';

declare module 'vitest' {
  export interface ProvidedContext {
    hubUrl: string;
    hubAdmin: { username: string; password: string };
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const hub = await startHub();
  project.provide('hubUrl', hub.url);
  project.provide('hubAdmin', hub.admin);
  return () => hub.stop();
}
