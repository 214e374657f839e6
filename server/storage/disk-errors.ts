/**
 * Disk trouble in words an operator can act on. At start it is one line and a non-zero exit; while running,
 * a full or read-only disk is a 503 with Retry-After (the phones keep the record and send it again), and the
 * server carries on once space is back.
 */
const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_READONLY_DBMOVED']);
const DENIED = new Set(['EACCES', 'EPERM', 'SQLITE_CANTOPEN', 'SQLITE_PERM']);

export type DiskProblem = 'full' | 'read-only' | 'not writable' | 'failing';

export function diskProblem(e: unknown): DiskProblem | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (FULL.has(code)) return 'full';
  if (READ_ONLY.has(code)) return 'read-only';
  if (DENIED.has(code)) return 'not writable';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) return 'failing';
  return null;
}

export function describeDiskProblem(problem: DiskProblem): string {
  return {
    full: 'the disk is full',
    'read-only': 'the disk is read-only',
    'not writable': 'it is not writable by this user',
    failing: 'the disk reports I/O errors',
  }[problem];
}
