import { spawnSync } from 'node:child_process';

/**
 * `forge lint` with every finding fatal. This forge build prints "aborting due to N linter
 * warning(s)" under `--deny warnings` yet exits 0, so the exit code is decided here instead.
 */
const run = spawnSync('forge', ['lint', 'contracts/src'], { encoding: 'utf8' });
const output = `${run.stdout}${run.stderr}`;
process.stdout.write(output);
const findings = output.match(/^(warning|error|note)\[[\w-]+\]/gm) ?? [];
if (run.status !== 0 || findings.length > 0) {
  console.error(`Solidity lint: ${findings.length} finding(s).`);
  process.exit(1);
}
