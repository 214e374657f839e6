// Starts reading the popup's cached state while its modules load: a classic script runs as the page is parsed, before
// any module. src/popup/main.tsx takes the promise from here.
globalThis.popupStored = chrome.storage.local.get(['state', 'settings']);
