/**
 * The service worker only wires listeners (registered synchronously, as MV3 requires);
 * the work lives in the modules beside it. It keeps no state of its own: the truth is in
 * chrome.storage and the extension's IndexedDB, because the worker can be stopped at any time.
 */
import { errorText } from '../common/i18n.ts';
import { handle } from './handlers.ts';
import { openNotification } from './notify.ts';
import { syncOverlayRegistration } from './overlay-sites.ts';
import { POLL_ALARM, POLL_NOW_ALARM, poll } from './poll.ts';

chrome.runtime.onInstalled.addListener(() => void syncOverlayRegistration().then(() => poll()));
chrome.runtime.onStartup.addListener(() => void poll());
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === POLL_ALARM || alarm.name === POLL_NOW_ALARM) void poll();
});
chrome.notifications.onClicked.addListener((id) => void openNotification(id));
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  handle(message, sender)
    .then(reply)
    .catch((e) => reply({ ok: false, error: errorText(e) }));
  return true; // answer asynchronously
});
