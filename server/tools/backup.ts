/** `npm run backup -- <file> [--data-dir DIR]`: a consistent backup while the server runs (storage/backup.ts). */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { backup } from '../storage/backup.ts';
import { StartupError } from '../storage/data-folder.ts';

const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true });
const file = positionals[0];
if (!file) {
  console.error('usage: npm run backup -- <file> [--data-dir DIR]');
  process.exit(2);
}
const dataDir = resolve(values['data-dir'] ?? process.env.DATA_DIR ?? './data');
try {
  const s = await backup(dataDir, resolve(file));
  console.log(`backup of ${dataDir} → ${s.file}: ${s.records} records, ${s.photos} photos, ${(s.bytes / 1024 / 1024).toFixed(1)} MB in ${(s.ms / 1000).toFixed(1)} s`);
} catch (e) {
  if (!(e instanceof StartupError)) throw e;
  console.error(`pqm backup: ${e.message}`);
  process.exit(1);
}
