import preact from '@preact/preset-vite';
import { defineConfig, type EntrypointGroup } from 'wxt';
import { POSTING_SITE_MATCHES } from './lib/sites';

/**
 * WXT builds the extension's pages together, in one Vite build, so the modules they share go to
 * shared chunks, and the popup's first screen (entrypoints/popup/main.ts) would load two script
 * files. Every file of an extension page is fetched through the browser process, 10 to 30 ms
 * apiece on a busy machine, and the popup paints nothing until all of them are in. Built on its
 * own, the first screen is one file, its styles included; the rest of the popup still loads later.
 */
function buildPopupAlone(groups: EntrypointGroup[]): void {
  for (const group of groups) {
    if (!Array.isArray(group) || group.length === 1) continue;
    const popup = group.findIndex((entry) => entry.name === 'popup');
    if (popup === -1) continue;
    groups.push(group.splice(popup, 1));
    return;
  }
}

export default defineConfig({
  manifestVersion: 3,
  // Static files (locales, icons) live with the other assets: the top level stays as documented.
  publicDir: 'assets/public',
  vite: () => ({
    plugins: [preact()],
    // Vite's polyfill for <link rel="modulepreload"> ran first in every page, on the popup's way to
    // its first paint; every browser Postulo supports (manifest above) preloads modules itself.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: { 'entrypoints:grouped': (_wxt, groups) => buildPopupAlone(groups) },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // unlimitedStorage: the candidate's data must not be evicted under storage pressure (Chrome
    // refuses navigator.storage.persist() to extensions); it shows no install warning.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'contextMenus', 'activeTab', 'scripting'],
    // No content_scripts: nothing of Postulo runs in a page before its load event has finished. The
    // background injects the posting reader into the sites' tabs once they have loaded
    // (lib/background/posting-reader.ts) with this host permission and `scripting`.
    host_permissions: POSTING_SITE_MATCHES,
    commands: {
      'save-offer': { suggested_key: { default: 'Alt+Shift+S' }, description: '__MSG_commandSaveOffer__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // 140 (an ESR): the first Firefox that reads data_collection_permissions; since 127 a
            // Manifest V3 add-on's host permissions are granted at install, so the panel just works.
            gecko: {
              id: 'postulo@postulo.app',
              strict_min_version: '140.0',
              // Firefox asks every add-on to declare what it collects: Postulo sends nothing anywhere.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
