/** The shared frame of the operator tools: `<file> [--data-dir DIR]`, and problems as one line with exit 1. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { StartupError } from '../storage/data-folder.ts';

export async function runTool(name: string, work: (file: string, dataDir: string) => Promise<string> | string): Promise<void> {
  const { values, positionals } = parseArgs({ options: { 'data-dir': { type: 'string' } }, allowPositionals: true });
  if (!positionals[0]) {
    console.error(`usage: npm run ${name} -- <file> [--data-dir DIR]`);
    process.exit(2);
  }
  try {
    console.log(await work(resolve(positionals[0]), resolve(values['data-dir'] ?? process.env.DATA_DIR ?? './data')));
  } catch (e) {
    if (!(e instanceof StartupError)) throw e;
    console.error(`pqm ${name}: ${e.message}`);
    process.exit(1);
  }
}
