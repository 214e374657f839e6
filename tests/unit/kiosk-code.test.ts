import { describe, expect, it } from 'vitest';
import { kioskCode as serverCode, newSecret, verifyKioskCode } from '../../server/security/crypto.ts';
import { kioskCode as tabletCode } from '../../kiosk/src/kiosk/totp.ts';

describe("the kiosk's rotating code", () => {
  it('the tablet and the server compute the same code for the same 30-second step', async () => {
    const secret = newSecret();
    for (const at of [Date.parse('2026-03-02T01:00:00Z'), Date.parse('2026-03-02T01:00:29Z'), Date.parse('2026-11-27T12:34:56Z')]) {
      expect(await tabletCode(secret, at)).toBe(serverCode(secret, at));
    }
  });

  it("changes every 30 seconds, and the server still accepts the previous step's code", async () => {
    const secret = newSecret();
    const at = Date.parse('2026-03-02T01:00:00Z');
    const code = await tabletCode(secret, at);
    expect(await tabletCode(secret, at + 30_000)).not.toBe(code);
    expect(verifyKioskCode(secret, code, at + 30_000)).toBe(true);
    expect(verifyKioskCode(secret, code, at + 60_000)).toBe(false);
  });
});
