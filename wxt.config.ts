import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Sites whose posting pages Postulo reads automatically. Any other page is read only when the
// user asks (popup, shortcut, context menu) through `activeTab`: no blanket host permission.
export const POSTING_SITES = ['https://incubateur.anct.gouv.fr/*', 'https://beta.gouv.fr/*'];

export default defineConfig({
  manifestVersion: 3,
  // Static files (locales, icons) live with the other assets: the top level stays as documented.
  publicDir: 'assets/public',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'activeTab', 'scripting'],
    host_permissions: POSTING_SITES,
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'postulo@postulo.app', strict_min_version: '115.0' } } }
      : {}),
  }),
});
