/** `npm run backup -- <file> [--data-dir DIR]`: a consistent backup while the server runs (storage/backup.ts). */
import { backup } from '../storage/backup.ts';
import { runTool } from './run-tool.ts';

await runTool('backup', async (file, dataDir) => {
  const s = await backup(dataDir, file);
  return `backup of ${dataDir} → ${s.file}: ${s.records} records, ${s.photos} photos, ${(s.bytes / 1024 / 1024).toFixed(1)} MB in ${(s.ms / 1000).toFixed(1)} s`;
});
