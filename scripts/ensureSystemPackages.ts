/**
 * Makes sure the programs the tests start exist: a Chromium for the end-to-end tests and
 * PostgreSQL's server binaries for the server-driver tests. Finds them, or installs Debian's
 * packages when apt is usable (root), or stops with what to install.
 */
import { execSync } from 'node:child_process';
import { findChromium } from './lib/findChromium';
import { postgresBinDir } from './lib/postgres';

const found = (probe: () => string | null) => {
  try {
    return probe();
  } catch {
    return null;
  }
};
const chromium = () => found(findChromium);
const postgres = () => found(postgresBinDir);

const missing = [chromium() ? null : 'chromium', postgres() ? null : 'postgresql'].filter((p) => p !== null);

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

if (missing.length > 0 && canApt) {
  console.log(`Installing Debian's ${missing.join(' and ')} with apt-get…`);
  execSync(`apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`, {
    stdio: 'inherit',
  });
}

let ok = true;
const chromiumPath = chromium();
if (chromiumPath) console.log(`Chromium: ${chromiumPath}`);
else {
  ok = false;
  console.error(
    'No Chromium for the end-to-end tests. Install one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  - any Chromium, then set CHROMIUM_PATH=/path/to/chromium\n' +
      '  - where downloads work: npx playwright install chromium',
  );
}
const postgresPath = postgres();
if (postgresPath) console.log(`PostgreSQL: ${postgresPath}`);
else {
  ok = false;
  console.error('No PostgreSQL server for the server-driver tests. Debian/Ubuntu: sudo apt-get install -y postgresql');
}
process.exit(ok ? 0 : 1);
