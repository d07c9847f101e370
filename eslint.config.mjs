import { FlatCompat } from '@eslint/eslintrc';

const compat = new FlatCompat({ baseDirectory: import.meta.dirname });

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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
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
                '@/lib/storage/EmergencyReasonStore',
                '@/lib/audit/Fs*',
                '@/lib/auth/sessionToken',
                '@/lib/auth/NonceStore',
                '@/lib/auth/SessionRevocations',
              ],
              message: 'Server-only module: route handlers (app/api) use it, pages and components never.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
