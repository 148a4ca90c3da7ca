/**
 * What each part of the built extension costs, gzipped: the files a context loads, found from the
 * manifest and the pages rather than from file names, so a shared chunk counts for every page
 * that loads it and a new entrypoint is measured without anyone listing it here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { INJECTED_CONTENT_SCRIPTS } from './budgets';

export interface BuiltFile {
  /** Relative to the build folder, with forward slashes. */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface Bundle {
  /** `content-script:<file>`, `background`, `page:<name>` or `script:<name>`. */
  id: string;
  label: string;
  files: BuiltFile[];
  gzipBytes: number;
  /** Files the manifest or a page names that the build does not hold: a broken build. */
  missing: string[];
}

export interface BuildSizes {
  bundles: Bundle[];
  /** Every code file of the build, whatever loads it. */
  files: BuiltFile[];
}

const CODE = /\.(js|mjs|css|html)$/;

/** The gzipped size people pay in transfer and disk: best compression, as stores serve it. */
export function gzipSize(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

export function measureBuild(dir: string): BuildSizes {
  const files = new Map<string, BuiltFile>();
  for (const path of listFiles(dir)) {
    if (!CODE.test(path)) continue;
    const content = readFileSync(join(dir, path));
    files.set(path, { path, bytes: content.length, gzipBytes: gzipSize(content) });
  }
  const manifest = readManifest(dir);
  const bundles: Bundle[] = [];
  const claimed = new Set<string>();
  const add = (id: string, label: string, roots: readonly string[]) => {
    const { found, missing } = closure(dir, roots);
    for (const path of found) claimed.add(path);
    const parts = found.flatMap((path) => files.get(path) ?? []);
    const gzipBytes = parts.reduce((sum, file) => sum + file.gzipBytes, 0);
    bundles.push({ id, label, files: parts, gzipBytes, missing });
  };

  for (const script of manifest.content_scripts ?? []) {
    for (const js of script.js ?? []) {
      // WXT's 'ui' CSS mode ships the content script's styles beside it, fetched into its shadow root.
      const css = js.replace(/\.js$/, '.css');
      const roots = [js, ...(script.css ?? []), ...(files.has(css) ? [css] : [])];
      add(`content-script:${baseName(js)}`, `content script ${baseName(js)}`, roots);
    }
  }
  const worker = manifest.background?.service_worker ?? manifest.background?.scripts?.[0];
  if (worker) add('background', 'background', [worker]);
  for (const path of files.keys()) {
    if (!path.includes('/') && path.endsWith('.html')) add(`page:${baseName(path)}`, `${path}`, [path]);
  }
  // Scripts the background injects (scripting.executeScript): top-level scripts nothing else loads.
  for (const path of files.keys()) {
    if (!path.includes('/') && path.endsWith('.js') && !claimed.has(path)) {
      if (INJECTED_CONTENT_SCRIPTS.includes(baseName(path)))
        add(`content-script:${baseName(path)}`, `content script ${path} (injected after the page's load)`, [path]);
      else add(`script:${baseName(path)}`, `${path} (injected with scripting.executeScript)`, [path]);
    }
  }
  return { bundles, files: [...files.values()].sort((a, b) => a.path.localeCompare(b.path)) };
}

interface Manifest {
  content_scripts?: { js?: string[]; css?: string[] }[];
  background?: { service_worker?: string; scripts?: string[] };
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return found;
}

function baseName(path: string): string {
  return posix.basename(path).replace(/\.[^.]+$/, '');
}

/** The files `roots` load (loadedReferences), followed to the end. */
function closure(dir: string, roots: readonly string[]): { found: string[]; missing: string[] } {
  const seen = new Set<string>();
  const missing = new Set<string>();
  const queue = roots.map(normalise);
  while (queue.length > 0) {
    const path = queue.shift();
    if (path === undefined || seen.has(path) || missing.has(path)) continue;
    if (!existsSync(join(dir, path))) {
      missing.add(path);
      continue;
    }
    seen.add(path);
    for (const reference of loadedReferences(readFileSync(join(dir, path), 'utf8'), path)) {
      const target = reference.startsWith('/') ? reference.slice(1) : posix.join(posix.dirname(path), reference);
      queue.push(normalise(target));
    }
  }
  return { found: [...seen], missing: [...missing] };
}

function normalise(path: string): string {
  return posix.normalize(path.split('\\').join('/')).replace(/^\.\//, '');
}

/**
 * Local files a page or module loads: its scripts and styles, static imports, and the chunks it
 * imports lazily with what Vite preloads for them (a `__vite__mapDeps` list, root-relative). A
 * lazy chunk counts: the popup loads its own right after its first screen, and a ceiling that
 * left out code a context may load would not be one.
 */
export function loadedReferences(source: string, path: string): string[] {
  const found: string[] = [];
  const patterns = path.endsWith('.html')
    ? [/<script[^>]*\ssrc="([^"]+)"/g, /<link[^>]*\shref="([^"]+\.(?:css|js))"/g]
    : path.endsWith('.css')
      ? [/@import\s+(?:url\()?["']([^"']+)["']/g]
      : [/(?:\bfrom|\bimport)\s*["']([^"']+\.m?js)["']/g, /\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      const reference = match[1];
      if (reference && !/^[a-z-]+:/i.test(reference)) found.push(reference);
    }
  }
  for (const list of source.matchAll(/__vite__mapDeps=[^[]*\[([^\]]*)\]/g)) {
    for (const entry of (list[1] ?? '').matchAll(/["']([^"']+\.(?:m?js|css))["']/g)) found.push(`/${entry[1]}`);
  }
  return found;
}

/** The build folder exists and holds a manifest. */
export function hasBuild(dir: string): boolean {
  return existsSync(join(dir, 'manifest.json'));
}
