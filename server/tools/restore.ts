/** `npm run restore -- <file> [--data-dir DIR]`: a backup back into an empty data folder (storage/backup.ts). */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { restore } from '../storage/backup.ts';
import { StartupError } from '../storage/data-folder.ts';

const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error('usage: npm run restore -- <file> [--data-dir DIR]');
  process.exit(2);
}
const dataDir = resolve(values['data-dir'] ?? process.env.DATA_DIR ?? './data');
try {
  const { photos } = restore(resolve(file), dataDir);
  console.log(`restored ${file} into ${dataDir} (${photos} photos); start the server on it`);
} catch (e) {
  if (!(e instanceof StartupError)) throw e;
  console.error(`pqm restore: ${e.message}`);
  process.exit(1);
}
