// `node:path` for the browser server bundle (esbuild.mjs aliases it here for dist/web/server.js
// only): the POSIX functions the config reader (project/configFiles.ts) uses, over the paths
// the browser host makes from URIs (hostBrowser.ts: `/scheme/@authority/a/b`). Pure string
// work, the same results as Node's path.posix for absolute paths.

export const sep = '/';

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

export function normalize(p: string): string {
  const abs = isAbsolute(p);
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
      continue;
    }
    out.push(part);
  }
  const s = out.join('/') + (out.length && p.endsWith('/') ? '/' : '');
  return abs ? '/' + s : s || '.';
}

export function join(...parts: string[]): string {
  const s = parts.filter((p) => p !== '').join('/');
  return s ? normalize(s) : '.';
}

export function resolve(...parts: string[]): string {
  let s = '';
  for (let i = parts.length - 1; i >= 0 && !isAbsolute(s); i--) if (parts[i]) s = s ? `${parts[i]}/${s}` : parts[i];
  const n = normalize(isAbsolute(s) ? s : '/' + s);
  return n.length > 1 && n.endsWith('/') ? n.slice(0, -1) : n;
}

export function dirname(p: string): string {
  const n = p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
  const i = n.lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : n.slice(0, i);
}

export function basename(p: string): string {
  const n = p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
  return n.slice(n.lastIndexOf('/') + 1);
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export const posix = { sep, isAbsolute, normalize, join, resolve, dirname, basename, relative };
export default posix;
