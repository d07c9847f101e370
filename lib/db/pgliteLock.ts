import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { DatabaseUnavailableError } from './openDatabase';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes `<dir>.lock` for this process, or refuses: PGlite has one user at a time, and a second
 * process opening the same directory corrupts it. A lock left by a process that has died is
 * taken over. Returns the release.
 */
export function lockPgliteDirectory(dir: string): () => void {
  const file = `${dir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        unlinkSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DatabaseUnavailableError(
          `The embedded database in ${dir} is open in process ${holder} (a running server?). PGlite has one user at a time: stop it first, or set DATABASE_URL to share a PostgreSQL server.`,
        );
      }
      unlinkSync(file);
    }
  }
  throw new DatabaseUnavailableError(`Could not lock the embedded database in ${dir}.`);
}
