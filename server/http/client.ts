/**
 * The caller's address, for rate limits. Behind reverse proxies, X-Forwarded-For is a list each hop appends
 * to, and only the hops we run are honest: the client writes the left end itself. So, as Express's
 * "trust proxy" and nginx's real_ip do, walk from the right (the socket) past the proxies we trust and take
 * the first address we do not.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { BlockList, isIP } from 'node:net';
import type { Deps } from '../context.ts';

/** How many proxy hops in front of the server to trust, or which addresses (and CIDR ranges) are ours. */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

/** TRUST_PROXY: unset or 0 = none; a number = that many hops; else a comma list of addresses/CIDRs. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0' || v === 'false') return false;
  if (/^\d+$/.test(v)) return { hops: Number(v) };
  const addresses = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of addresses) {
    const [ip, bits] = a.split('/');
    if (!isIP(ip) || (bits !== undefined && !/^\d{1,3}$/.test(bits)))
      throw new Error(`TRUST_PROXY: "${a}" is not an address or CIDR range`);
  }
  return { addresses };
}

function blockListOf(addresses: string[]): BlockList {
  const list = new BlockList();
  for (const a of addresses) {
    const [ip, bits] = a.split('/');
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(bits), type);
  }
  return list;
}

const lists = new WeakMap<string[], BlockList>();

/** The client's address from the socket's address and the X-Forwarded-For header under a trust setting. */
export function resolveClient(socket: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  if (!trust) return socket;
  // Nearest hop first: the socket, then the header from its right end.
  const chain = [
    socket,
    ...(forwardedFor ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .reverse(),
  ];
  if ('hops' in trust) return chain[Math.min(trust.hops, chain.length - 1)];
  let list = lists.get(trust.addresses);
  if (!list) lists.set(trust.addresses, (list = blockListOf(trust.addresses)));
  for (const hop of chain) {
    const bare = hop.replace(/^::ffff:/, '');
    const type = isIP(bare) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(bare) || !list.check(bare, type)) return bare;
  }
  return chain[chain.length - 1];
}

export function clientIp(c: Context, deps: Deps): string {
  let socket = 'unknown';
  try {
    socket = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not a Node socket (tests calling app.fetch directly).
  }
  return resolveClient(socket, c.req.header('x-forwarded-for'), deps.config.trustProxy);
}

/** The phone's clock as it sent this request (x-pqm-device-time), to put a wrong phone clock right; null when absent. */
export function deviceSentAt(c: Context): number | null {
  const sentAt = Number(c.req.header('x-pqm-device-time'));
  return Number.isSafeInteger(sentAt) && sentAt > 0 ? sentAt : null;
}
