/** HTTPS straight from the server (service workers need it off localhost), with a throw-away certificate. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { startServer } from '../../server/start.ts';

const dir = mkdtempSync(join(tmpdir(), 'pqm-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TLS', () => {
  it('serves HTTPS when given a certificate and key', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'],
      { stdio: 'ignore' },
    );
    const config = loadConfig(
      ['--port', '0', '--host', '127.0.0.1', '--data-dir', join(dir, 'data'), '--tls-cert', cert, '--tls-key', key],
      {},
    );
    expect(config.publicUrl.startsWith('https://')).toBe(true);
    const running = await startServer(config);
    try {
      expect(running.url.startsWith('https://')).toBe(true);
      const { body, hsts } = await new Promise<{ body: string; hsts: unknown }>((resolve, reject) => {
        get(`${running.url}/healthz`, { rejectUnauthorized: false }, (res) => {
          let text = '';
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ body: text, hsts: res.headers['strict-transport-security'] }));
        }).on('error', reject);
      });
      expect(JSON.parse(body).ok).toBe(true);
      // Over TLS the browser is told to stay on HTTPS.
      expect(hsts).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await running.close();
    }
  });

  it('refuses a certificate without its key', () => {
    expect(() => loadConfig(['--tls-cert', 'cert.pem'], {})).toThrow(/both TLS_CERT and TLS_KEY/);
  });
});
