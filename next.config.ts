import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Builds for e2e and the demo live side by side with the dev server's output.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // PGlite loads its WebAssembly and data files from its own package at run time: not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
  webpack: (config) => {
    // Optional peer modules of wallet SDKs that are never used in the browser bundle.
    config.externals.push('pino-pretty', 'lokijs', 'encoding');
    // @x402/* are optional peers of the Coinbase SDK behind wagmi's Base Account connector,
    // which OwnChart does not offer.
    config.resolve.alias = {
      ...config.resolve.alias,
      '@react-native-async-storage/async-storage': false,
      '@x402/core': false,
      '@x402/evm': false,
      '@x402/svm': false,
    };
    return config;
  },
};

export default nextConfig;
