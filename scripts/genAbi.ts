/**
 * Regenerates contracts-abi/ from the Solidity sources (forge build → typed ABIs and bytecode).
 * contracts-abi/abis.test.ts fails when the committed files are stale.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ABI_DIR, renderAbiFiles, ROOT } from './lib/renderAbiFiles';

execFileSync('npx', ['forge', 'build', '--skip', 'test'], { cwd: ROOT, stdio: 'inherit' });
for (const [file, contents] of Object.entries(renderAbiFiles())) {
  writeFileSync(path.join(ABI_DIR, file), contents);
}
console.log('contracts-abi regenerated');
