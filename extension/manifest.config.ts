/**
 * The MV3 manifest. Minimum permissions: alarms (polling), notifications, storage, scripting
 * (the overlay, registered only on sites the supervisor opts into). Host access is optional
 * and asked for one origin at a time: the server at sign-in, each overlay site when added.
 * The test build (mode extension-test) pre-grants localhost, because no browser automation can
 * click Chrome's permission prompt; everything else is identical.
 */
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from '../package.json' with { type: 'json' };

export function manifestFor(testBuild: boolean) {
  return defineManifest({
    manifest_version: 3,
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    version: pkg.version,
    icons: { 16: 'icons/icon-16.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
    action: {
      default_popup: 'src/popup/index.html',
      default_title: '__MSG_extName__',
      default_icon: { 16: 'icons/icon-16.png', 48: 'icons/icon-48.png' },
    },
    background: { service_worker: 'src/background/index.ts', type: 'module' },
    permissions: ['alarms', 'notifications', 'storage', 'scripting'],
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    ...(testBuild ? { host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'] } : {}),
    options_page: 'src/console/index.html',
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
    minimum_chrome_version: '120',
  });
}
