import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../wallet/demoAccounts';
import { WALKTHROUGH, walkthroughStep } from './steps';

/** `dir` and the route groups in it ("(app)"): folders that are not part of the path. */
function withGroups(dir: string): string[] {
  const groups = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\(.+\)$/.test(entry.name))
    .map((entry) => path.join(dir, entry.name));
  return [dir, ...groups.flatMap(withGroups)];
}

/** The app route file that serves `href`, with [param] folders standing for dynamic segments. */
function routeFile(href: string): string | null {
  let dirs = ['app'];
  for (const segment of href.split('/').filter(Boolean)) {
    dirs = dirs
      .flatMap(withGroups)
      .flatMap((dir) => [segment, '[patient]'].map((name) => path.join(dir, name)))
      .filter((dir) => existsSync(dir));
  }
  return (
    dirs
      .flatMap(withGroups)
      .map((dir) => path.join(dir, 'page.tsx'))
      .find((file) => existsSync(file)) ?? null
  );
}

describe('the guided walkthrough', () => {
  it('follows the story the demo tells, in order', () => {
    expect(WALKTHROUGH.map((s) => s.title)).toEqual([
      'See who can read your records',
      'Grant access',
      'A clinician reads',
      'Revoke access',
      'The clinician loses access',
      'Join a research study',
      'Claim your reward',
      'See who read what',
    ]);
  });

  it('links every step to a page that exists, as a demo account that exists', () => {
    for (const step of WALKTHROUGH) {
      expect(routeFile(step.href), step.href).not.toBeNull();
      expect(DEMO_ACCOUNTS).toContain(step.account);
    }
  });

  it('tells the presenter to switch account whenever the account changes', () => {
    for (let i = 1; i < WALKTHROUGH.length; i++) {
      if (WALKTHROUGH[i]!.account === WALKTHROUGH[i - 1]!.account) continue;
      expect(WALKTHROUGH[i]!.actions[0], WALKTHROUGH[i]!.title).toContain(
        `${WALKTHROUGH[i]!.account.role} — ${WALKTHROUGH[i]!.account.name}`,
      );
    }
  });

  it('knows a step only by its number within the walkthrough', () => {
    expect(walkthroughStep(1)?.title).toBe('See who can read your records');
    expect(walkthroughStep(WALKTHROUGH.length)?.title).toBe('See who read what');
    for (const outside of [null, 0, WALKTHROUGH.length + 1, 1.5, Number.NaN])
      expect(walkthroughStep(outside)).toBeNull();
  });
});
