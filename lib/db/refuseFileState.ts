import { access } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseUnavailableError } from './openDatabase';

/** What an OwnChart before the server database kept as files in its data directory. */
const FILE_STATE = ['disclosures/disclosures.ndjson', 'envelopes', 'emergency-reasons'];

/**
 * Refuses a data directory that still holds state as files (the disclosure log, key envelopes,
 * break-glass reasons) from before the server database: starting over it would begin a new
 * disclosure log that no longer matches the heads anchored on-chain, and lose every key shared.
 */
export async function refuseFileStateOf(dataDir: string): Promise<void> {
  for (const entry of FILE_STATE) {
    const found = await access(path.join(dataDir, entry)).then(
      () => true,
      () => false,
    );
    if (found) {
      throw new DatabaseUnavailableError(
        `${path.join(dataDir, entry)} was written by an OwnChart that kept its state in files. Start from an empty data directory (the demo does), or move that state into the database first.`,
      );
    }
  }
}
