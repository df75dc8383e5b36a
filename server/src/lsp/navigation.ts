// Go to definition, find references and rename for the ids that tie a plan together:
// an outcome's id (objectives' `outcome`), an objective's id (actions' `objective`) and an
// action's id (other actions' `after`).

import {
  LSPErrorCodes,
  ResponseError,
  type DefinitionParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { ServerState } from './context.js';
import type { Linted } from './documents.js';
import { text } from './messages.js';
import { idSites, siteAt, type IdSite } from './yamlPath.js';

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function sitesAt(l: Linted, position: { line: number; character: number }): { site?: IdSite; all: IdSite[] } {
  const all = idSites(l.result.parsed.doc);
  return { site: siteAt(all, l.conv.toOffset(position)), all };
}

const same = (a: IdSite, b: IdSite): boolean => a.id === b.id && a.kind === b.kind;

export async function definition(s: ServerState, p: DefinitionParams): Promise<Location[] | null> {
  const l = await s.linted(p.textDocument.uri);
  if (!l) return null;
  const { site, all } = sitesAt(l, p.position);
  if (!site) return null;
  const defs = all.filter((x) => x.def && same(x, site));
  return defs.map((d) => ({ uri: p.textDocument.uri, range: l.conv.toRange(d.span) }));
}

export async function references(s: ServerState, p: ReferenceParams): Promise<Location[]> {
  const l = await s.linted(p.textDocument.uri);
  if (!l) return [];
  const { site, all } = sitesAt(l, p.position);
  if (!site) return [];
  const include = p.context?.includeDeclaration ?? true;
  return all.filter((x) => same(x, site) && (include || !x.def)).map((x) => ({ uri: p.textDocument.uri, range: l.conv.toRange(x.span) }));
}

export async function prepareRename(s: ServerState, p: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
  const l = await s.linted(p.textDocument.uri);
  if (!l) return null;
  const { site } = sitesAt(l, p.position);
  if (!site) throw new ResponseError(LSPErrorCodes.RequestFailed, text(l.options.locale, 'lsp.rename.notAnId'));
  return { range: l.conv.toRange(site.span), placeholder: site.id };
}

export async function rename(s: ServerState, p: RenameParams): Promise<WorkspaceEdit | null> {
  const l = await s.linted(p.textDocument.uri);
  if (!l) return null;
  const { site, all } = sitesAt(l, p.position);
  if (!site) throw new ResponseError(LSPErrorCodes.RequestFailed, text(l.options.locale, 'lsp.rename.notAnId'));
  const name = p.newName.trim();
  if (!ID_RE.test(name) || name.length > 40) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, text(l.options.locale, 'lsp.rename.badId'));
  }
  if (name !== site.id && all.some((x) => x.def && x.kind === site.kind && x.id === name)) {
    throw new ResponseError(LSPErrorCodes.RequestFailed, text(l.options.locale, 'lsp.rename.taken', { kind: site.kind, id: name }));
  }
  const edits = all.filter((x) => same(x, site)).map((x) => ({ range: l.conv.toRange(x.span), newText: name }));
  const doc = s.docs.get(p.textDocument.uri)!;
  if (s.client.documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
  return { changes: { [doc.uri]: edits } };
}
