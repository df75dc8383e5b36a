// The plan schema's own words (schemas/sentence-plan.schema.json: every `title`, `description`
// and per-value description) as catalogue messages, so that hover, completion and the
// `schema/shape` findings show them in the run's locale. The schema stays the source of truth for
// English: the messages are generated from it by one walk, with ids from the instance path
// (`planSchema.objectives.items.status.enum.achieved`; a shared definition under
// `planSchema.$defs.<name>`), and the text escaped so that it renders exactly as written.
// Lookups go by the English text (a resolved node is a merged copy, not the schema's object): a
// text used at two places has one id, that of the first place, and one translation.

import planSchema from '../../../schemas/sentence-plan.schema.json';
import { catalogueFor, DEFAULT_LOCALE } from './l10n.js';
import { renderMsg } from './messages.js';
import { ensureLocales } from './locales.js';
import { enumDescription, type SchemaNode } from './schema.js';

type Kind = 'title' | 'description' | 'enum';

interface Built {
  messages: Record<string, string>;
  /** English text → id, per kind. */
  ids: Record<Kind, Map<string, string>>;
  /** Every (id, English text) the walk saw, duplicates included (for tests). */
  seen: Array<{ id: string; kind: Kind; text: string }>;
}

/** Quote a text for the template syntax: braces, and an apostrophe before a brace or apostrophe. */
export function escapeTemplate(s: string): string {
  return s.replace(/'(?=['{}])/g, "''").replace(/[{}]/g, (c) => `'${c}'`);
}

let built: Built | undefined;

function build(): Built {
  const b: Built = { messages: {}, ids: { title: new Map(), description: new Map(), enum: new Map() }, seen: [] };
  const root = planSchema as unknown as Record<string, unknown>;
  const defs = (root.$defs ?? {}) as Record<string, unknown>;
  const doneDefs = new Set<string>();
  const add = (kind: Kind, path: string[], text: unknown): void => {
    if (typeof text !== 'string') return;
    const id = ['planSchema', ...path].join('.');
    b.seen.push({ id, kind, text });
    if (b.ids[kind].has(text)) return;
    b.ids[kind].set(text, id);
    b.messages[id] = escapeTemplate(text);
  };
  const walk = (v: unknown, path: string[]): void => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return;
    const n = v as Record<string, unknown>;
    add('title', [...path, 'title'], n.title);
    add('description', [...path, 'description'], n.description);
    if (Array.isArray(n.enum)) {
      const node = { enum: n.enum, enumDescriptions: n.enumDescriptions, markdownEnumDescriptions: n.markdownEnumDescriptions } as unknown as SchemaNode;
      for (const value of n.enum) add('enum', [...path, 'enum', String(value)], enumDescription(node, value));
    }
    const ref = typeof n.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(n.$ref) : null;
    if (ref) walkDef(decodeURIComponent(ref[1]));
    if (n.properties && typeof n.properties === 'object') for (const [k, p] of Object.entries(n.properties)) walk(p, [...path, k]);
    if (n.items) walk(n.items, [...path, 'items']);
    for (const kw of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(n[kw])) (n[kw] as unknown[]).forEach((x, i) => walk(x, [...path, kw, String(i)]));
  };
  const walkDef = (name: string): void => {
    if (doneDefs.has(name) || !Object.prototype.hasOwnProperty.call(defs, name)) return;
    doneDefs.add(name);
    walk(defs[name], ['$defs', name]);
  };
  walk(root, []);
  for (const name of Object.keys(defs)) walkDef(name);
  return b;
}

function get(): Built {
  built ??= build();
  return built;
}

/** The schema's English texts as messages (`planSchema.*` ids), for the English catalogue. */
export function schemaMessages(): Readonly<Record<string, string>> {
  return get().messages;
}

/** Every text the schema holds with the id it is rendered under (tests check them all). */
export function schemaTexts(): ReadonlyArray<{ id: string; kind: Kind; text: string }> {
  return get().seen;
}

/** The id a schema text is rendered under (undefined for a text the schema does not hold). */
export function schemaTextId(kind: Kind, text: string): string | undefined {
  return get().ids[kind].get(text);
}

function inLocale(kind: Kind, english: string | undefined, locale: string | undefined): string | undefined {
  if (english === undefined || !locale || locale === DEFAULT_LOCALE) return english;
  const id = schemaTextId(kind, english);
  if (!id) return english;
  ensureLocales();
  return renderMsg({ id }, catalogueFor(locale));
}

/** A node's `title` in a locale (the schema's English when there is no translation). */
export function schemaTitle(n: SchemaNode | undefined, locale?: string): string | undefined {
  return inLocale('title', n?.title, locale);
}

/** A node's `description` in a locale. */
export function schemaDescription(n: SchemaNode | undefined, locale?: string): string | undefined {
  return inLocale('description', n?.description, locale);
}

/** What one enum value of a node means, in a locale (see enumDescription). */
export function schemaEnumDescription(n: SchemaNode | undefined, value: unknown, locale?: string): string | undefined {
  return inLocale('enum', enumDescription(n, value), locale);
}

/** The message id of a node's title, for a finding that names the field (undefined: no title). */
export function schemaTitleMsg(n: SchemaNode | undefined): { id: string } | undefined {
  const id = n?.title === undefined ? undefined : schemaTextId('title', n.title);
  return id ? { id } : undefined;
}
