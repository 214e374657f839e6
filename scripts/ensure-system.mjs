// What the tests need beyond node_modules: Debian's Chromium (browser tests) and PostgreSQL (the API suite
// on the second engine). As root on Debian they are installed here; otherwise we stop at once with the
// exact command, rather than failing half-way through the suite.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasPostgres = () =>
  existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

const missing = [...(existsSync(chromium) ? [] : ['chromium']), ...(hasPostgres() ? [] : ['postgresql'])];
if (missing.length) {
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    console.error(`The tests need ${missing.join(' and ')}. Install ${missing.length > 1 ? 'them' : 'it'} first:\n\n  sudo ${command}\n`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(' and ')} (${command})…`);
  execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
