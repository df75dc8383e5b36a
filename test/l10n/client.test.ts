// The VS Code extension in English and Welsh: the manifest's strings (package.nls.json,
// package.nls.cy.json, `%key%` in package.json) and the client's run-time strings
// (`vscode.l10n.t('…')` in client/src, l10n/bundle.l10n.json and bundle.l10n.cy.json).
// The run-time strings are read from the code itself (TypeScript's parser), so a string added
// to the code and not to the bundles, a bundle entry nothing says any more, or an English
// sentence left outside `vscode.l10n.t` fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const read = (p: string): string => readFileSync(join(ROOT, p), 'utf8');
const json = (p: string): Record<string, string> => JSON.parse(read(p)) as Record<string, string>;

/** `{0}`, `{1}`… in a message, sorted. */
const argsOf = (s: string): string[] => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();
/** `#planlint.x#` setting links in a setting's description. */
const settingLinks = (s: string): string[] => (s.match(/#planlint\.[\w.]+#/g) ?? []).sort();
/** `code` spans (what a user types: keys, values, file names, commands). */
const codeSpans = (s: string): string[] => (s.match(/`[^`]+`/g) ?? []).sort();

/** The file is a flat table, one entry a line, sorted by key (a correction is a one-line diff). */
function expectOneALineSorted(path: string): void {
  const text = read(path);
  const table = JSON.parse(text) as Record<string, unknown>;
  const keys = Object.keys(table);
  expect(keys, `${path}: sorted`).toEqual([...keys].sort());
  expect(Object.values(table).every((v) => typeof v === 'string'), `${path}: strings only`).toBe(true);
  expect(text, `${path}: one entry a line, two-space indent`).toBe(JSON.stringify(Object.fromEntries(keys.map((k) => [k, table[k]])), null, 2) + '\n');
}

// ------------------------------------------------------------------------------------------
// The manifest.

/** Every string value in the manifest, with where it is. */
function manifestStrings(v: unknown, at = ''): { at: string; value: string }[] {
  if (typeof v === 'string') return [{ at, value: v }];
  if (Array.isArray(v)) return v.flatMap((x, i) => manifestStrings(x, `${at}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => manifestStrings(x, at ? `${at}.${k}` : k));
  return [];
}

describe('the manifest in English and Welsh', () => {
  const pkg = JSON.parse(read('package.json')) as { contributes: Record<string, unknown>; l10n?: string };
  const en = json('package.nls.json');
  const cy = json('package.nls.cy.json');

  it('package.nls.json and package.nls.cy.json are one key a line, sorted', () => {
    expectOneALineSorted('package.nls.json');
    expectOneALineSorted('package.nls.cy.json');
  });

  it('has the same keys in English and Welsh', () => {
    expect(Object.keys(cy).filter((k) => !(k in en)), 'in Welsh, not in English').toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in cy)), 'in English, not in Welsh').toEqual([]);
  });

  it('every Welsh string keeps the placeholders and setting links of the English, and is not empty', () => {
    for (const [k, e] of Object.entries(en)) {
      expect(cy[k].trim(), k).not.toBe('');
      expect(argsOf(cy[k]), k).toEqual(argsOf(e));
      expect(settingLinks(cy[k]), k).toEqual(settingLinks(e));
    }
  });

  it('every %key% in package.json is in package.nls.json, and every key is used', () => {
    const refs = manifestStrings(pkg)
      .map((s) => /^%([^%\s]+)%$/.exec(s.value)?.[1])
      .filter((k): k is string => !!k);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((k) => !(k in en)), 'referenced, not defined').toEqual([]);
    expect(Object.keys(en).filter((k) => !refs.includes(k)), 'defined, not referenced').toEqual([]);
  });

  it('says every user-facing string of `contributes` through a key: command titles and categories, settings, the language name', () => {
    const c = pkg.contributes as {
      commands: { title: string; category: string }[];
      languages: { aliases: string[] }[];
      configuration: { title: string; properties: Record<string, { description?: string; markdownDescription?: string; enumDescriptions?: string[]; markdownEnumDescriptions?: string[] }> };
    };
    const key = /^%[^%\s]+%$/;
    for (const cmd of c.commands) {
      expect(cmd.title).toMatch(key);
      expect(cmd.category).toMatch(key);
    }
    expect(c.languages[0].aliases[0]).toMatch(key);
    expect(c.configuration.title).toMatch(key);
    for (const [name, p] of Object.entries(c.configuration.properties)) {
      expect(p.description ?? p.markdownDescription, `${name} has a description`).toBeDefined();
      for (const s of [p.description, p.markdownDescription, ...(p.enumDescriptions ?? []), ...(p.markdownEnumDescriptions ?? [])].filter((x) => x !== undefined)) expect(s, name).toMatch(key);
    }
  });

  it('has a planlint.locale setting: follow VS Code, English or Welsh', () => {
    const p = (pkg.contributes as { configuration: { properties: Record<string, { enum?: string[]; default?: unknown; enumDescriptions?: string[] }> } }).configuration.properties['planlint.locale'];
    expect(p.enum).toEqual(['', 'en', 'cy']);
    expect(p.default).toBe('');
    expect(p.enumDescriptions).toHaveLength(3);
  });

  it('names its run-time bundles folder', () => {
    expect(pkg.l10n).toBe('./l10n');
  });
});

// ------------------------------------------------------------------------------------------
// The run-time strings.

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * Calls that translate: `vscode.l10n.t(…)`, and in the pure modules (no `vscode` import) the
 * translator they are handed, `t(…)` (and `tx(…)`, translated then escaped for HTML), which
 * the extension binds to `vscode.l10n.t` (timelinePanel.ts).
 */
const TRANSLATORS = new Set(['vscode.l10n.t', 't', 'tx']);

/** Calls whose strings are not for the person using VS Code: the output channel's log lines (English, like the server's log), errors that are caught. */
const NOT_USER_FACING = /(^|\.)(appendLine|append|debug|trace|info|warn|error|log)$|^Error$/;

/**
 * A literal that reads as words for people: two words in a row, or one capitalised word,
 * once codicons (`$(error)`), HTML tags and entities are set aside.
 */
function isProse(text: string): boolean {
  const bare = text
    .replace(/\$\([\w-]+\)/g, ' ')
    .replace(/<[!/]?[a-zA-Z][^>]*>?/g, ' ')
    .replace(/^[^<>]*?"?>/, ' ')
    .replace(/&[a-z]+;/g, ' ');
  return /[A-Za-z]{2,} [A-Za-z]{2,}/.test(bare) || /^\s*[A-Z][a-z]+[.:!?]?\s*$/.test(bare);
}

/**
 * Literals that are allowed although they look like words: CSS (the page's style sheet), and
 * the brand. Each is a (file, exact text) pair so that nothing else slips through.
 */
const ALLOWED: { file: string; test: (text: string) => boolean; why: string }[] = [
  { file: 'client/src/timelineHtml.ts', test: (s) => s.includes('font-family: var(--vscode-font-family'), why: 'the page style sheet (CSS)' },
  { file: 'client/src/web/languageClient.ts', test: (s) => s === 'planlint language server', why: "the web worker's name: an identifier the browser's tools and the web UI check look for, not shown as text" },
];

interface Found {
  file: string;
  line: number;
  text: string;
}

/** `(m, ...args) => t(m, ...args)`: a translator handing its own first parameter on (a wrapper, not a key). */
function forwards(call: ts.CallExpression, first: ts.Expression): boolean {
  let f: ts.Node | undefined = call.parent;
  while (f && !ts.isArrowFunction(f) && !ts.isFunctionExpression(f) && !ts.isFunctionDeclaration(f)) f = f.parent;
  const param = f && (f as ts.SignatureDeclarationBase).parameters[0];
  return !!param && ts.isIdentifier(first) && ts.isIdentifier(param.name) && param.name.text === first.text;
}

function scan(): { keys: (Found & { args: number })[]; loose: Found[]; nonLiteral: Found[] } {
  const keys: (Found & { args: number })[] = [];
  const loose: Found[] = [];
  const nonLiteral: Found[] = [];
  for (const path of sourceFiles(join(ROOT, 'client/src'))) {
    const file = relative(ROOT, path);
    const src = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const lineOf = (n: ts.Node): number => src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1;
    const translated = new Set<ts.Node>();
    const skipped = new Set<ts.Node>();
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = n.expression.getText(src);
        if (TRANSLATORS.has(callee)) {
          const first = n.arguments[0];
          if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
            translated.add(first);
            keys.push({ file, line: lineOf(n), text: first.text, args: n.arguments.length - 1 });
          } else if (first && !forwards(n, first)) {
            nonLiteral.push({ file, line: lineOf(n), text: first.getText(src) });
          }
        } else if (NOT_USER_FACING.test(callee)) {
          for (const a of n.arguments) skipped.add(a);
        }
      }
      if (ts.isNewExpression(n) && NOT_USER_FACING.test(n.expression.getText(src))) for (const a of n.arguments ?? []) skipped.add(a);
      // Module names, type-level literals and property names are code, not words.
      if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isLiteralTypeNode(n)) return;
      if (skipped.has(n)) return;
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)) && !translated.has(n)) {
        if (ts.isPropertyAssignment(n.parent) && n.parent.name === n) return;
        if (ts.isElementAccessExpression(n.parent) && n.parent.argumentExpression === n) return;
        const text = n.text;
        if (isProse(text) && !ALLOWED.some((a) => a.file === file && a.test(text))) loose.push({ file, line: lineOf(n), text });
      }
      ts.forEachChild(n, visit);
    };
    visit(src);
  }
  return { keys, loose, nonLiteral };
}

describe('the client run-time strings in English and Welsh', () => {
  const { keys, loose, nonLiteral } = scan();
  const used = new Set(keys.map((k) => k.text));
  const en = json('l10n/bundle.l10n.json');
  const cy = json('l10n/bundle.l10n.cy.json');

  it('finds the strings (the scan works)', () => {
    expect(used.size).toBeGreaterThan(40);
    expect(used.has('Sentence timeline')).toBe(true);
    // The scan would see an English sentence outside l10n.t, and a call with a computed key.
    expect(isProse('planlint: open a plan to fix.')).toBe(true);
    expect(isProse('Template')).toBe(true);
    expect(isProse('<tr><th colspan="3" scope="rowgroup">')).toBe(false);
    expect(isProse('$(checklist) planlint $(error) ')).toBe(false);
    expect(isProse('planlint.showTimeline')).toBe(false);
  });

  it('says every user-facing string through vscode.l10n.t, with a literal key', () => {
    expect(loose.map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`), 'English left outside vscode.l10n.t').toEqual([]);
    expect(nonLiteral.map((f) => `${f.file}:${f.line}: ${f.text}`), 'a key that is not a string literal (no bundle can hold it)').toEqual([]);
  });

  it('passes each string as many arguments as it has placeholders', () => {
    for (const k of keys) expect(argsOf(k.text).length, `${k.file}:${k.line}: ${k.text}`).toBe(k.args);
  });

  it('l10n/bundle.l10n.json and bundle.l10n.cy.json are one string a line, sorted', () => {
    expectOneALineSorted('l10n/bundle.l10n.json');
    expectOneALineSorted('l10n/bundle.l10n.cy.json');
  });

  it('the English bundle holds exactly the strings the code says, each as itself', () => {
    expect([...used].filter((k) => !(k in en)).sort(), 'said in client/src, missing from bundle.l10n.json').toEqual([]);
    expect(Object.keys(en).filter((k) => !used.has(k)), 'in bundle.l10n.json, said nowhere').toEqual([]);
    for (const [k, v] of Object.entries(en)) expect(v, k).toBe(k);
  });

  it('the Welsh bundle has every string, no other, with the same placeholders and code spans', () => {
    expect(Object.keys(en).filter((k) => !(k in cy)), 'missing from bundle.l10n.cy.json').toEqual([]);
    expect(Object.keys(cy).filter((k) => !(k in en)), 'in bundle.l10n.cy.json, not in English').toEqual([]);
    for (const k of Object.keys(en)) {
      expect(cy[k].trim(), k).not.toBe('');
      expect(argsOf(cy[k]), k).toEqual(argsOf(k));
      expect(codeSpans(cy[k]), k).toEqual(codeSpans(k));
    }
  });

  it('keeps the brand and the command names a message refers to', () => {
    // A message that names planlint or one of its commands names them as the Welsh manifest does.
    const nlsCy = json('package.nls.cy.json');
    const nlsEn = json('package.nls.json');
    for (const k of Object.keys(en)) {
      if (/^planlint:/.test(k)) expect(cy[k], k).toMatch(/^planlint:/);
      for (const [id, title] of Object.entries(nlsEn)) {
        if (!id.startsWith('command.') || !id.endsWith('.title')) continue;
        if (k.includes(`planlint: ${title}`)) expect(cy[k], k).toContain(`planlint: ${nlsCy[id]}`);
      }
    }
  });
});

// ------------------------------------------------------------------------------------------
// The timeline page under a pseudo-translation: every word of the page's own is bracketed, so
// a heading, label or legend entry written outside the translator shows up as bare English.

describe('the timeline page under a pseudo-translation', () => {
  it('has no word of its own outside the translator', async () => {
    const { timelineHtml, english } = await import('../../client/src/timelineHtml.js');
    const pseudo = (m: string, ...args: (string | number)[]): string => `⟦${english(m, ...args)}⟧`;
    // The server's words (obligations, rows) come bracketed too, as under `--locale qps`.
    const ob = { key: 'review/periodic@2026-12-20', rule: 'review/periodic', kind: '⟦Periodic review⟧', windowStart: '2026-12-01', due: '2026-12-20', state: 'upcoming' as const, description: '⟦due in 27 days⟧', basis: '⟦every 6 months⟧', daysPast: 0, defaultDeadline: false };
    const rows = [
      { kind: 'header', label: '⟦Reviews⟧' },
      { kind: 'obligation', label: '⟦Periodic review⟧', bar: { from: '2026-12-01', to: '2026-12-20', cls: 'x' }, tick: { at: '2026-12-05', cls: 'y' }, note: '⟦met⟧' },
    ];
    for (const page of [
      timelineHtml({ cspSource: 'S', fileLabel: 'a.plan.yaml', asOf: '2026-11-23', svg: '', obligations: [ob], rows, isTemplate: false, focus: ob.key, t: pseudo, lang: 'qps' }),
      timelineHtml({ cspSource: 'S', fileLabel: 'a.plan.yaml', asOf: '2026-11-23', svg: '', obligations: [], isTemplate: true, t: pseudo }),
      timelineHtml({ cspSource: 'S', fileLabel: 'a.plan.yaml', asOf: '2026-11-23', svg: '', obligations: [], isTemplate: false, t: pseudo }),
    ]) {
      const text = page
        .replace(/<style>[\s\S]*?<\/style>/, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/⟦[^⟧]*⟧/g, ' ')
        .replace(/&[a-z]+;/g, ' ')
        .replace(/a\.plan\.yaml|\d{4}-\d{2}-\d{2}/g, ' ');
      expect(text.match(/[A-Za-z]{2,}/g) ?? [], 'English outside the translator').toEqual([]);
      // Attributes people hear (aria-label) are translated too.
      for (const m of page.matchAll(/aria-label="([^"]*)"/g)) expect(m[1]).toMatch(/^⟦.*⟧$/);
    }
  });
});
