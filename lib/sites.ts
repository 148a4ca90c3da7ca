/**
 * Sites whose posting pages Postulo reads on its own (content script + host permission). Any
 * other page is read only when the user asks (popup, shortcut, context menu) through
 * `activeTab`, so the extension never needs blanket access to every site.
 */
export const POSTING_SITE_MATCHES = ['https://incubateur.anct.gouv.fr/*', 'https://beta.gouv.fr/*'];
