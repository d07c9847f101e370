import { FlatCompat } from '@eslint/eslintrc';

const compat = new FlatCompat({ baseDirectory: import.meta.dirname });

/** What no browser bundle may import: the route handlers' server-only modules. */
const browserPatterns = [
  { group: ['@/app/*'], message: 'Imports flow app/ → components/ → lib/.' },
  {
    group: [
      'node:*',
      'server-only',
      '@/lib/api/create*',
      '@/lib/api/pipeline',
      '@/lib/api/rateLimits',
      '@/lib/api/uploadQuota',
      '@/lib/storage/Fs*',
      '@/lib/storage/S3*',
      '@/lib/storage/BoundBlobStore',
      '@/lib/storage/objectStoreFromEnv',
      '@/lib/db/*',
      '@/lib/auth/sessionToken',
      '@/lib/auth/NonceStore',
    ],
    message: 'Server-only module: route handlers (app/api) use it, pages and components never.',
  },
];

const config = [
  {
    ignores: [
      'node_modules/**',
      '.next*/**',
      'contracts/out/**',
      'contracts/cache/**',
      'contracts-abi/abis.ts',
      'contracts-abi/bytecode.ts',
      'test-results/**',
      'next-env.d.ts',
    ],
  },
  ...compat.extends('next/core-web-vitals', 'next/typescript'),
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // forge runs the solc shim as a plain CommonJS executable.
    files: ['scripts/solc-js.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // lib/ is framework-free: crypto, FHIR, chain and auth logic must run in plain Node.
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'wagmi', '@rainbow-me/rainbowkit', '@tanstack/react-query'],
          patterns: ['next', 'next/*', '@/components/*', '@/app/*', 'react/*'],
        },
      ],
    },
  },
  {
    // Imports flow app/ → components/ → lib/; server-only modules never reach a browser bundle.
    files: ['components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ignores: ['app/api/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: browserPatterns }] },
  },
  {
    // Pages and components reach the chain through the adapter hooks in components/hooks/ only:
    // reads through lib/ query options, writes through lib/<feature>/actions.ts and useAction.
    files: ['components/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}'],
    ignores: ['app/api/**', 'components/hooks/**', 'components/wallet/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'wagmi',
              // Who is connected is all a component needs from wagmi itself.
              allowImportNames: ['useAccount', 'WagmiProvider'],
              message: 'Use the adapter hooks in components/hooks (useChainClient, useChainQuery, useAction).',
            },
          ],
          patterns: [
            ...browserPatterns,
            {
              group: ['@/contracts-abi', '@/contracts-abi/*', 'viem/actions', 'wagmi/actions'],
              message:
                'Chain calls live in lib/: reads as query options, writes as lib/<feature>/actions.ts; components use the hooks in components/hooks.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
