/// <reference types="@crxjs/vite-plugin/client" />

// The popup's cached state, its read started by public/popup-early.js before the popup's modules load.
declare var popupStored: Promise<Record<string, unknown>> | undefined;
