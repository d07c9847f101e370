import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // Server-only modules are tested in plain Node, which is a server.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'contracts-abi/**/*.test.ts'],
    // A throwaway PostgreSQL cluster and a local S3-compatible server for the driver tests.
    globalSetup: ['lib/db/testing/postgresSetup.ts', 'lib/storage/testing/s3Setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
