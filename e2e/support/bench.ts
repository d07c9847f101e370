import { mkdirSync, writeFileSync } from 'node:fs';

/** Leaves figures for `npm run bench` to print: test-results/bench-<name>.json. */
export function saveBench(name: string, figures: Record<string, number | string | string[]>): void {
  mkdirSync('test-results', { recursive: true });
  writeFileSync(`test-results/bench-${name}.json`, JSON.stringify(figures));
}
