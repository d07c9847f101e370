#!/usr/bin/env node
// Answers forge's two solc calls (`--version`, `--standard-json` on stdin) with the pinned npm
// solc-js, because forge cannot download a native solc on this network. See foundry.toml.
'use strict';
const solc = require('solc');
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}
if (!args.includes('--standard-json')) {
  process.stderr.write('solc-js shim: only --version and --standard-json are supported\n');
  process.exit(1);
}

// forge passes --allow-paths/--base-path/--include-path; solc-js needs an import callback instead.
const roots = [];
for (let i = 0; i < args.length; i++) {
  if (['--base-path', '--include-path', '--allow-paths'].includes(args[i]) && args[i + 1]) {
    roots.push(...args[i + 1].split(','));
  }
}
roots.push(process.cwd());

function findImports(importPath) {
  for (const root of [...new Set(roots)]) {
    const candidate = path.resolve(root, importPath);
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, 'utf8') };
  }
  return { error: `File not found: ${importPath}` };
}

const input = fs.readFileSync(0, 'utf8');
process.stdout.write(solc.compile(input, { import: findImports }));
