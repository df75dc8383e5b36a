// The plan's JSON Schema (schemas/sentence-plan.schema.json, draft-07 with `$defs`/`$ref`),
// walked by instance path: the schema rules read titles, enums and known keys from it, the
// language server its descriptions for hover and its keys and values for completion.
// Lookups read own properties only, so a key such as `constructor` or `__proto__` in a plan
// never finds something on Object.prototype.

import planSchema from '../../../schemas/sentence-plan.schema.json';

export interface SchemaNode {
  description?: string;
  title?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  $ref?: string;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  format?: string;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

const ownProp = <T>(o: Record<string, T> | undefined, k: string): T | undefined => (o && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);

const ROOT = planSchema as unknown as SchemaNode & { $defs?: Record<string, SchemaNode>; definitions?: Record<string, SchemaNode> };

/** Follow `$ref`s (local only), merging the referring node's own keywords over the target's. */
export function resolveRef(node: SchemaNode | undefined, root: typeof ROOT = ROOT): SchemaNode | undefined {
  let n = node;
  for (let guard = 0; n?.$ref && guard < 20; guard++) {
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(n.$ref);
    const target = m ? ownProp(root[m[1] as '$defs'], decodeURIComponent(m[2])) : undefined;
    if (!target) return { ...n, $ref: undefined };
    const { $ref: _ref, ...own } = n;
    n = { ...target, ...own };
  }
  return n;
}

/** Subschemas of allOf/anyOf/oneOf, flattened (for properties and enums). */
function branches(n: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [n];
  for (const b of [...(n.allOf ?? []), ...(n.anyOf ?? []), ...(n.oneOf ?? [])]) {
    const r = resolveRef(b);
    if (r) out.push(...branches(r));
  }
  return out;
}

/** The schema for a path (`'#'` or a number: a sequence item). */
export function schemaAt(path: readonly (string | number)[], root: SchemaNode = ROOT): SchemaNode | undefined {
  let n: SchemaNode | undefined = resolveRef(root);
  for (const seg of path) {
    if (!n) return undefined;
    let next: SchemaNode | undefined;
    for (const b of branches(n)) {
      if (typeof seg === 'number' || seg === '#') next ??= b.items;
      else next ??= ownProp(b.properties, seg);
    }
    n = resolveRef(next);
  }
  return n;
}

/** Keys allowed in the mapping at an instance path. */
export function knownKeys(path: readonly (string | number)[]): string[] {
  return Object.keys(propertiesOf(schemaAt(path)));
}

export function propertiesOf(n: SchemaNode | undefined): Record<string, SchemaNode> {
  const out: Record<string, SchemaNode> = {};
  if (!n) return out;
  for (const b of branches(n)) for (const [k, v] of Object.entries(b.properties ?? {})) out[k] ??= resolveRef(v) ?? v;
  return out;
}

export function enumOf(n: SchemaNode | undefined): unknown[] {
  if (!n) return [];
  const vals: unknown[] = [];
  for (const b of branches(n)) {
    if (b.enum) vals.push(...b.enum);
    if (b.const !== undefined) vals.push(b.const);
  }
  return [...new Set(vals)];
}

/**
 * What one enum value means, from the schema's `markdownEnumDescriptions` (else
 * `enumDescriptions`), parallel to the `enum` of the node (or branch) that lists the value.
 */
export function enumDescription(n: SchemaNode | undefined, value: unknown): string | undefined {
  if (!n) return undefined;
  for (const b of branches(n)) {
    const at = b.enum ? b.enum.indexOf(value) : -1;
    if (at < 0) continue;
    const own = b as SchemaNode & { enumDescriptions?: unknown; markdownEnumDescriptions?: unknown };
    for (const list of [own.markdownEnumDescriptions, own.enumDescriptions]) {
      if (Array.isArray(list) && list.length === b.enum!.length && typeof list[at] === 'string') return list[at] as string;
    }
  }
  return undefined;
}

/**
 * The values offered and explained for a node: its enumeration, or for an open list item (a
 * string with a `title` and no enum, such as a community requirement) the `examples`, which
 * name the known values while any other string stays valid.
 */
export function knownValues(n: SchemaNode | undefined): unknown[] {
  const e = enumOf(n);
  if (e.length || !n?.title || !Array.isArray(n.examples)) return e;
  return n.examples.filter((x) => typeof x === 'string');
}

export function requiredOf(n: SchemaNode | undefined): string[] {
  return n ? branches(n).flatMap((b) => b.required ?? []) : [];
}

export function isArraySchema(n: SchemaNode | undefined): boolean {
  return !!n && (n.type === 'array' || (Array.isArray(n.type) && n.type.includes('array')) || !!n.items);
}

export function isObjectSchema(n: SchemaNode | undefined): boolean {
  return !!n && (n.type === 'object' || !!n.properties);
}

let everyKey: ReadonlySet<string> | undefined;

/** Every key the plan format defines, anywhere (for naming a key without quoting arbitrary text). */
export function allKnownKeys(): ReadonlySet<string> {
  if (everyKey) return everyKey;
  const keys = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, sub] of Object.entries(v)) {
        if (k === 'properties' && sub && typeof sub === 'object') for (const p of Object.keys(sub)) keys.add(p);
        walk(sub);
      }
    }
  };
  walk(ROOT);
  everyKey = keys;
  return keys;
}
