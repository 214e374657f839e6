import { describe, expect, it } from 'vitest';
import { parseTrustProxy, resolveClient } from './client.ts';

describe("the client's address behind proxies", () => {
  it('with no proxy trusted, the header is ignored: the socket is the client', () => {
    expect(resolveClient('198.51.100.7', '1.2.3.4', false)).toBe('198.51.100.7');
  });

  it('behind one nginx, the address nginx appended is the client, whatever the client wrote before it', () => {
    expect(resolveClient('127.0.0.1', '6.6.6.6, 198.51.100.7', { hops: 1 })).toBe('198.51.100.7');
    expect(resolveClient('127.0.0.1', '198.51.100.7', { hops: 1 })).toBe('198.51.100.7');
  });

  it('behind a load balancer and nginx, two hops are trusted', () => {
    expect(resolveClient('10.0.0.2', '6.6.6.6, 198.51.100.7, 10.0.0.1', { hops: 2 })).toBe('198.51.100.7');
  });

  it('with fewer hops than trusted, the farthest address is taken', () => {
    expect(resolveClient('127.0.0.1', undefined, { hops: 1 })).toBe('127.0.0.1');
  });

  it('with a list of our proxies, the right-most address not in it is the client', () => {
    const trust = parseTrustProxy('127.0.0.1, 10.0.0.0/8');
    expect(resolveClient('10.1.2.3', '6.6.6.6, 198.51.100.7, 10.0.0.1', trust)).toBe('198.51.100.7');
    expect(resolveClient('::ffff:127.0.0.1', '198.51.100.8', trust)).toBe('198.51.100.8');
    // A direct caller not among our proxies cannot pose as anyone.
    expect(resolveClient('198.51.100.9', '1.2.3.4', trust)).toBe('198.51.100.9');
  });

  it('TRUST_PROXY reads as off, a hop count or a list, and names a bad entry', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toEqual({ hops: 1 });
    expect(parseTrustProxy('10.0.0.0/8,::1')).toEqual({ addresses: ['10.0.0.0/8', '::1'] });
    expect(() => parseTrustProxy('10.0.0.0/8,proxy.local')).toThrow(/proxy.local/);
  });
});
