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
    // Imports flow app/ → components/ → lib/.
    files: ['components/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@/app/*'] }] },
  },
];

export default config;
