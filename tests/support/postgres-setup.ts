/** Vitest global set-up for the suites that run on PostgreSQL: one cluster for the run, its URL provided to the tests. */
import type { TestProject } from 'vitest/node';
import { startCluster } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startCluster();
  project.provide('pgAdminUrl', cluster.url);
  return () => cluster.stop();
}
