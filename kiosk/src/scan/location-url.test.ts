import { describe, expect, it } from 'vitest';
import { parseLocationUrl } from './location-url.ts';

const ORIGIN = 'https://pqm.example.com';
const CODE = 'abcdefghijklmnopqrstuvwxyz';

describe('a scanned QR code opens only our own location links', () => {
  it.each([
    [`${ORIGIN}/l/${CODE}?q=1`, { code: CODE, kioskCode: null, fromLabel: true }],
    [`${ORIGIN}/l/${CODE}?k=042519`, { code: CODE, kioskCode: '042519', fromLabel: false }],
    [`${ORIGIN}/l/${CODE}`, { code: CODE, kioskCode: null, fromLabel: false }],
  ])('accepts %s', (text, expected) => {
    expect(parseLocationUrl(text, ORIGIN)).toEqual(expected);
  });

  it.each([
    [`https://evil.example.net/l/${CODE}`, 'another site'],
    [`http://pqm.example.com/l/${CODE}`, 'the same host without TLS'],
    [`https://pqm.example.com.evil.net/l/${CODE}`, 'a look-alike host'],
    [`${ORIGIN}/admin`, 'another page of ours'],
    [`${ORIGIN}/l/short`, 'a malformed code'],
    ['javascript:alert(1)', 'a script URL'],
    ['WIFI:S:free;;', 'not a URL'],
  ])('refuses %s (%s)', (text) => {
    expect(parseLocationUrl(text, ORIGIN)).toBeNull();
  });

  it('ignores a kiosk code that is not six digits', () => {
    expect(parseLocationUrl(`${ORIGIN}/l/${CODE}?k=12ab`, ORIGIN)?.kioskCode).toBeNull();
  });
});
