import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../../scripts/lib/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The superuser URL of the throwaway PostgreSQL cluster this run started. */
    postgresUrl: string;
  }
}

/** Vitest global setup: one throwaway PostgreSQL cluster for the run, stopped by pid at the end. */
export default async function setup(project: TestProject) {
  const cluster = await startPostgres();
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
