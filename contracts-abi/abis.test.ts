import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABI_DIR, renderAbiFiles, ROOT } from '../scripts/lib/renderAbiFiles';

describe('contracts-abi', () => {
  it('matches what the Solidity sources compile to (run `npm run abi` if this fails)', () => {
    execFileSync('npx', ['forge', 'build', '--skip', 'test'], { cwd: ROOT, stdio: 'ignore' });
    for (const [file, contents] of Object.entries(renderAbiFiles())) {
      expect(readFileSync(path.join(ABI_DIR, file), 'utf8'), `contracts-abi/${file} is stale`).toBe(contents);
    }
  });
});
