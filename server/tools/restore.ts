/** `npm run restore -- <file> [--data-dir DIR]`: a backup back into an empty data folder (storage/backup.ts). */
import { restore } from '../storage/backup.ts';
import { runTool } from './run-tool.ts';

await runTool(
  'restore',
  (file, dataDir) => `restored ${file} into ${dataDir} (${restore(file, dataDir).photos} photos); start the server on it`,
);
