/**
 * One hub for the whole sync suite; each test file provisions its own thanas on it: pouchdb-server
 * started here, or the CouchDB 3 named by COUCHDB_URL (hub-server.ts hubFromEnv).
 */
import type { TestProject } from 'vitest/node';
import { hubFromEnv, startHub } from './hub-server';

declare module 'vitest' {
  export interface ProvidedContext {
    hubUrl: string;
    hubAdmin: { username: string; password: string };
    /** 'couchdb' when the suite runs against COUCHDB_URL, else 'pouchdb-server'. */
    hubFlavor: 'couchdb' | 'pouchdb-server';
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = hubFromEnv();
  const hub = external ?? (await startHub());
  project.provide('hubUrl', hub.url);
  project.provide('hubAdmin', hub.admin);
  project.provide('hubFlavor', external ? 'couchdb' : 'pouchdb-server');
  return () => hub.stop();
}
