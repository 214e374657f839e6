/**
 * Photos in PostgreSQL, so that every server on the database serves every photo. A re-encoded photo is at most
 * a few hundred KB, and one system to back up and fail over beats two; an S3-compatible store would be the
 * choice once photos outgrow the database (README, "Several servers").
 */
import type pg from 'pg';
import type { BlobBackend } from '../../photos/blob-store.ts';

export class PgBlobs implements BlobBackend {
  constructor(private readonly pool: pg.Pool) {}

  async write(sha256: string, data: Buffer): Promise<void> {
    await this.pool.query('INSERT INTO photo_blobs (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [sha256, data]);
  }

  async read(sha256: string): Promise<Buffer | null> {
    const { rows } = await this.pool.query('SELECT bytes FROM photo_blobs WHERE sha256 = $1', [sha256]);
    return rows[0]?.bytes ?? null;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1 FROM photo_blobs LIMIT 1');
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.pool.query('SELECT 1 FROM photo_blobs WHERE sha256 = $1', [sha256])).rowCount === 1;
  }
}
