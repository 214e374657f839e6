import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Deps } from '../context.ts';

/** The caller's address for rate limits: the socket's, or the proxy's header when configured to trust it. */
export function clientIp(c: Context, deps: Deps): string {
  if (deps.config.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
