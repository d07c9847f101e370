/**
 * Makes sure a Chromium exists for the end-to-end tests: finds one, or installs Debian's when apt
 * is usable, or stops with what to install.
 */
import { execSync } from 'node:child_process';
import { findChromium } from './lib/findChromium';

const found = findChromium();
if (found) {
  console.log(`Chromium: ${found}`);
  process.exit(0);
}

const canApt =
  process.getuid?.() === 0 &&
  (() => {
    try {
      execSync('command -v apt-get', { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

if (canApt) {
  console.log('No Chromium found: installing Debian chromium with apt-get…');
  execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit' });
  const installed = findChromium();
  if (installed) {
    console.log(`Chromium: ${installed}`);
    process.exit(0);
  }
}
console.error(
  'No Chromium for the end-to-end tests. Install one of:\n' +
    '  - Debian/Ubuntu: sudo apt-get install -y chromium\n' +
    '  - any Chromium, then set CHROMIUM_PATH=/path/to/chromium\n' +
    '  - where downloads work: npx playwright install chromium',
);
process.exit(1);
