// Document symbols: the outline of a plan. Outcomes hold the objectives that serve them,
// objectives the actions that serve them (nested by reference, as practitioners read a
// plan); reviews and events are listed by date and type; other sections by key. Names
// are ids, types and dates only: no free text about the person.
//
// Symbol kinds. LSP has a fixed set made for code, and clients show each as an icon (VS Code) or
// by name (Neovim's and Emacs's symbol lists), so we take the ones that read least like code:
//   outcome   Package  a bundle holding the objectives that serve it
//   objective Constant a fixed target the plan works towards
//   action    Number   a numbered step, listed in priority order
//   review, event  Event  something dated that happened
//   a list (outcomes, reviews, ...) Array, a mapping (person, sentence, ...) Object and a plain
//   field Key: the kinds the YAML extension's outline gives the same shapes.
// Never Class, Function or Namespace: a plan is not a program.
//
// Empty sections. A list with no items keeps its node (the key is in the file, the YAML outline
// shows it, and it is where the first item goes) with the detail "none", never a bare "0".
// A section whose items are all shown under their outcome or objective has no node of its own.

import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation } from 'vscode-languageserver';
import { idOr, looksPersonal } from '../engine/privacy.js';
import { allKnownKeys } from '../engine/schema.js';
import type { Span } from '../engine/types.js';
import type { ServerState } from './context.js';
import type { Converter } from './convert.js';
import type { Linted } from './documents.js';
import { msg, text } from './messages.js';

const rangeOf = (n: unknown): Span | undefined => {
  const r = (n as { range?: [number, number, number] } | null | undefined)?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
};

function trimmed(span: Span, text: string): Span {
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1])) end--;
  return { start: span.start, end };
}

const str = (n: Node, key: string): string | undefined => {
  if (!isMap(n)) return undefined;
  const v = n.get(key, true);
  return isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number') ? String(v.value) : undefined;
};

function symbolIn(locale: string | undefined, conv: Converter, name: string, kind: SymbolKind, span: Span, sel: Span | undefined, detail?: string, children: DocumentSymbol[] = []): DocumentSymbol {
  const t = trimmed(span, conv.text);
  const s = sel && sel.start >= t.start && sel.end <= t.end ? sel : { start: t.start, end: t.start };
  return { name: name || text(locale, 'lsp.symbol.unnamed'), detail, kind, range: conv.toRange(t), selectionRange: conv.toRange(s), children };
}

const idLike = (v: string | undefined): string | undefined => (v !== undefined && /^[a-z0-9_.\-]{1,40}$/.test(v) && !looksPersonal(v) ? v : undefined);
/** A key the plan format defines is shown; any other key may be text a person typed. */
const keyName = (k: string, locale?: string): string => (allKnownKeys().has(k) ? k : text(locale, 'lsp.symbol.unknownKey'));
const dateLike = (v: string | undefined): string | undefined => (v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export function buildSymbols(l: Linted): DocumentSymbol[] {
  const root = l.result.parsed.doc?.contents;
  const conv = l.conv;
  if (!isMap(root)) return [];
  const out: DocumentSymbol[] = [];
  const locale = l.options.locale;
  const symbol = (conv: Converter, name: string, kind: SymbolKind, span: Span, sel: Span | undefined, detail?: string, children: DocumentSymbol[] = []): DocumentSymbol =>
    symbolIn(locale, conv, name, kind, span, sel, detail, children);
  // Details: "none", "1 review", "3 reviews" (the count messages of lsp/messages.ts).
  const count = (n: number, id: string): string => text(locale, `lsp.symbol.${id}`, { n });
  const said = (id: string): string => text(locale, `lsp.symbol.${id}`);

  const items = (key: string): { node: Node; span: Span; idSpan?: Span; index: number }[] => {
    const seq = root.get(key, true);
    if (!isSeq(seq)) return [];
    return seq.items.flatMap((it, index) => {
      const span = rangeOf(it);
      if (!span || !it) return [];
      const idNode = isMap(it) ? it.get('id', true) : undefined;
      return [{ node: it as Node, span, idSpan: rangeOf(idNode), index }];
    });
  };

  const outcomes = items('outcomes');
  const objectives = items('objectives');
  const actions = items('actions');

  const actionSym = (a: (typeof actions)[number]): DocumentSymbol => {
    // Only id- and date-shaped values go into the outline: a name typed into a field is not echoed.
    const type = idLike(str(a.node, 'type'));
    const prog = idLike(str(a.node, 'programme'));
    return symbol(conv, idOr(str(a.node, 'id'), text(locale, 'common.action', { n: a.index + 1 })), SymbolKind.Number, a.span, a.idSpan, [type, prog].filter(Boolean).join(' · ') || said('action'));
  };
  const objectiveSym = (o: (typeof objectives)[number]): DocumentSymbol => {
    const id = str(o.node, 'id');
    const kids = id ? actions.filter((a) => str(a.node, 'objective') === id).map(actionSym) : [];
    const target = dateLike(str(o.node, 'target_date'));
    return symbol(conv, idOr(id, text(locale, 'common.objective', { n: o.index + 1 })), SymbolKind.Constant, o.span, o.idSpan, target ? text(locale, 'lsp.symbol.objectiveTarget', { date: target }) : said('objective'), kids);
  };

  const sectionSym = (key: string, kind: SymbolKind, children: DocumentSymbol[], detail?: string): DocumentSymbol | undefined => {
    const pair = root.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
    if (!pair || !isPair(pair)) return undefined;
    const k = rangeOf(pair.key);
    const v = rangeOf(pair.value);
    if (!k) return undefined;
    return symbol(conv, keyName(key, locale), kind, { start: k.start, end: v ? v.end : k.end }, k, detail, children);
  };

  const outcomeIds = new Set(outcomes.map((o) => str(o.node, 'id')).filter(Boolean));
  const objectiveIds = new Set(objectives.map((o) => str(o.node, 'id')).filter(Boolean));

  for (const pair of root.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    let sym: DocumentSymbol | undefined;
    if (key === 'outcomes') {
      const kids = outcomes.map((o) => {
        const id = str(o.node, 'id');
        const objs = id ? objectives.filter((x) => str(x.node, 'outcome') === id).map(objectiveSym) : [];
        return symbol(conv, idOr(id, text(locale, 'common.outcome', { n: o.index + 1 })), SymbolKind.Package, o.span, o.idSpan, said('outcome'), objs);
      });
      sym = sectionSym(key, SymbolKind.Array, kids, count(kids.length, 'outcomes'));
    } else if (key === 'objectives') {
      // Objectives that serve no known outcome stay under their own section; when every one is
      // nested under its outcome, the section would be an empty node, so there is none.
      const loose = objectives.filter((o) => !outcomeIds.has(str(o.node, 'outcome'))).map(objectiveSym);
      sym = loose.length || !objectives.length ? sectionSym(key, SymbolKind.Array, loose, count(loose.length, loose.length < objectives.length ? 'looseObjectives' : 'objectives')) : undefined;
    } else if (key === 'actions') {
      const loose = actions.filter((a) => !objectiveIds.has(str(a.node, 'objective'))).map(actionSym);
      sym = loose.length || !actions.length ? sectionSym(key, SymbolKind.Array, loose, count(loose.length, loose.length < actions.length ? 'looseActions' : 'actions')) : undefined;
    } else if (key === 'reviews' || key === 'events') {
      const kids = items(key).map((r) =>
        symbol(conv, [dateLike(str(r.node, 'date')), idLike(str(r.node, 'type'))].filter(Boolean).join(' ') || text(locale, key === 'reviews' ? 'common.review' : 'common.event', { n: r.index + 1 }), SymbolKind.Event, r.span, undefined, said(key.slice(0, -1))),
      );
      sym = sectionSym(key, SymbolKind.Array, kids, count(kids.length, key));
    } else {
      const kids: DocumentSymbol[] = [];
      if (isMap(pair.value)) {
        for (const p of pair.value.items) {
          if (!isPair(p) || !isScalar(p.key)) continue;
          const k = rangeOf(p.key);
          const v = rangeOf(p.value);
          // A nested list (assessment `needs`, sentence `requirements`) says how many it holds.
          const detail = isSeq(p.value) ? count(p.value.items.length, 'items') : undefined;
          if (k) kids.push(symbol(conv, keyName(String(p.key.value), locale), isSeq(p.value) ? SymbolKind.Array : isMap(p.value) ? SymbolKind.Object : SymbolKind.Key, { start: k.start, end: v ? v.end : k.end }, k, detail));
        }
      }
      sym = sectionSym(key, isMap(pair.value) ? SymbolKind.Object : isSeq(pair.value) ? SymbolKind.Array : SymbolKind.Key, kids, isSeq(pair.value) ? count(pair.value.items.length, 'items') : undefined);
    }
    if (sym) out.push(sym);
  }
  return out;
}

function flatten(syms: DocumentSymbol[], uri: string, container?: string, out: SymbolInformation[] = []): SymbolInformation[] {
  for (const s of syms) {
    out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, containerName: container });
    flatten(s.children ?? [], uri, s.name, out);
  }
  return out;
}

export async function documentSymbols(s: ServerState, p: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[]> {
  const l = await s.linted(p.textDocument.uri);
  if (!l) return [];
  const syms = buildSymbols(l);
  return s.client.hierarchicalSymbols ? syms : flatten(syms, p.textDocument.uri);
}
