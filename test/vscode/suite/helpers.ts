// Shared helpers for the VS Code integration tests (bundled into each test file).
import * as vscode from 'vscode';
// The extension's string files, bundled into the suite (the web run has no file system to read them from).
import bundleCy from '../../../l10n/bundle.l10n.cy.json';
import nlsEn from '../../../package.nls.json';
import nlsCy from '../../../package.nls.cy.json';

const BUNDLES: Record<string, Record<string, string>> = { cy: bundleCy };
const NLS: Record<string, Record<string, string>> = { en: nlsEn, cy: nlsCy };
import type { PlanlintApi } from '../../../client/src/extension.js';

export const EXTENSION_ID = 'planlint.planlint';

export async function waitFor<T>(what: string, fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function wsUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export async function open(...parts: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsUri(...parts));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export function planlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'planlint');
}

export async function api(): Promise<PlanlintApi> {
  const ext = vscode.extensions.getExtension<PlanlintApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** Position of the first occurrence of `needle` in the document (optionally after `after`). */
export function positionOf(doc: vscode.TextDocument, needle: string, after = ''): vscode.Position {
  const text = doc.getText();
  const from = after ? text.indexOf(after) : 0;
  const i = text.indexOf(needle, from < 0 ? 0 : from);
  if (i < 0) throw new Error(`"${needle}" not found`);
  return doc.positionAt(i);
}

/**
 * The extension's own words as VS Code shows them now: the English string itself, or its
 * translation from l10n/bundle.l10n.<language>.json when VS Code's display language has one
 * (the Welsh run, `run.mjs --locale cy`); `{0}`… filled in as `vscode.l10n.t` does.
 */
export function t(english: string, ...args: (string | number)[]): string {
  let message = english;
  const lang = vscode.env.language;
  // No bundle for this language: VS Code shows the English.
  if (lang !== 'en') message = BUNDLES[lang]?.[english] ?? english;
  return message.replace(/\{(\d+)\}/g, (all, i: string) => (args[Number(i)] === undefined ? all : String(args[Number(i)])));
}

/** The manifest's strings in VS Code's display language (package.nls.<language>.json, else package.nls.json). */
export function nls(key: string): string {
  const lang = vscode.env.language;
  return (lang !== 'en' ? NLS[lang]?.[key] : undefined) ?? NLS.en[key] ?? key;
}

/** The display language the run asked VS Code for (`run.mjs --locale`), passed down in the environment. */
export const EXPECTED_LANGUAGE = (typeof process !== 'undefined' && process.env.PLANLINT_TEST_LANGUAGE) || 'en';
