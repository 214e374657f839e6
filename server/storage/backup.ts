/**
 * Backups an operator can take while the server runs, as one file: a SQLite database that is the online
 * backup of pqm.sqlite (SQLite's backup API: a consistent snapshot, the server keeps writing) plus two
 * tables of our own, the photos of that snapshot and the server secret (without it, owners' tracking links
 * would stop working). Restore writes them back into an empty data folder.
 */
import { extOfMediaType } from '../photos/blob-store.ts';
import { sniffVideo } from '../photos/video.ts';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { StartupError, lockDataFolder } from './data-folder.ts';

const blobPath = (dataDir: string, sha: string, mediaType: string) =>
  join(dataDir, 'blobs', sha.slice(0, 2), `${sha}.${extOfMediaType(mediaType)}`);

export interface BackupSummary {
  file: string;
  records: number;
  photos: number;
  bytes: number;
  ms: number;
}

export async function backup(dataDir: string, file: string): Promise<BackupSummary> {
  const started = Date.now();
  const source = join(dataDir, 'pqm.sqlite');
  if (!existsSync(source)) throw new StartupError(`no database in ${dataDir} (pqm.sqlite is missing)`);
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  // Read-only next to a running server: WAL lets this reader and the server's writer go on together.
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // All pages in one step under one read snapshot: never restarted by the server's writes, never blocking them.
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const out = new Database(partial);
  try {
    out.pragma('journal_mode = DELETE');
    out.exec(
      'CREATE TABLE backup_photos (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL) STRICT; CREATE TABLE backup_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;',
    );
    // Exactly the photos of the snapshot: a photo's row is written only after its file is on disk.
    const shas = out.prepare('SELECT sha256, media_type FROM photos').all() as { sha256: string; media_type: string }[];
    const insert = out.prepare('INSERT INTO backup_photos (sha256, bytes) VALUES (?, ?)');
    let missing = 0;
    for (const { sha256: sha, media_type } of shas) {
      const bytes = await readFile(blobPath(dataDir, sha, media_type)).catch(() => null);
      if (bytes) insert.run(sha, bytes);
      else missing++;
    }
    const secret = await readFile(join(dataDir, 'server-secret'), 'utf8').catch(() => null);
    if (secret) out.prepare("INSERT INTO backup_meta (key, value) VALUES ('server-secret', ?)").run(secret.trim());
    out.prepare("INSERT INTO backup_meta (key, value) VALUES ('taken-at', ?)").run(new Date().toISOString());
    out.prepare("INSERT INTO backup_meta (key, value) VALUES ('photos-missing', ?)").run(String(missing));
    const records =
      (out
        .prepare('SELECT (SELECT count(*) FROM inspections) + (SELECT count(*) FROM issues) + (SELECT count(*) FROM receipts)')
        .pluck()
        .get() as number) ?? 0;
    out.close();
    renameSync(partial, file);
    return { file, records, photos: shas.length - missing, bytes: statSync(file).size, ms: Date.now() - started };
  } catch (e) {
    if (out.open) out.close();
    rmSync(partial, { force: true });
    throw e;
  }
}

export function restore(file: string, dataDir: string): { photos: number } {
  if (!existsSync(file)) throw new StartupError(`no backup file ${file}`);
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataFolder(dataDir);
  try {
    const target = join(dataDir, 'pqm.sqlite');
    if (existsSync(target) || (existsSync(join(dataDir, 'blobs')) && readdirSync(join(dataDir, 'blobs')).length > 0)) {
      throw new StartupError(`the data folder ${dataDir} is not empty; restore into an empty folder`);
    }
    const partial = `${target}.restoring`;
    rmSync(partial, { force: true });
    const src = new Database(file, { readonly: true, fileMustExist: true });
    let photos = 0;
    try {
      for (const row of src.prepare('SELECT sha256, bytes FROM backup_photos').iterate() as Iterable<{ sha256: string; bytes: Buffer }>) {
        // A clip is named by its own type, known from its first bytes (older backups hold photos only).
        const path = blobPath(dataDir, row.sha256, sniffVideo(row.bytes) ?? 'image/jpeg');
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, row.bytes, { flush: true });
        photos++;
      }
      const secret = src.prepare("SELECT value FROM backup_meta WHERE key = 'server-secret'").pluck().get() as string | undefined;
      if (secret) writeFileSync(join(dataDir, 'server-secret'), secret, { mode: 0o600, flag: 'wx' });
    } finally {
      src.close();
    }
    // The database last: a folder with pqm.sqlite is a restored folder. Our two tables go, in one VACUUM.
    copyFileSync(file, partial);
    const db = new Database(partial);
    db.exec('DROP TABLE backup_photos; DROP TABLE backup_meta; VACUUM;');
    db.pragma('journal_mode = WAL');
    db.close();
    renameSync(partial, target);
    return { photos };
  } finally {
    lock.release();
  }
}
