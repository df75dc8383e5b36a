// Policy packs: a versioned bundle of policy (name, version, effective_from, the policy data it
// changes, programme entries, availability, rule severities, local checks) that a
// `.planlintrc.yaml` builds on with `extends:`. Layers apply in order: planlint's built-in
// policy (the `psi-19-2014` pack), then each pack (a pack's own `extends` first), then the
// configuration itself; a later layer overrides an earlier one. Packs are data only. The engine
// reads no file: the front's resolver turns a reference into text (project/configFiles.ts).

import { cfgMsg } from './configMessages.js';
import packSchemaJson from '../../../schemas/policy-pack.schema.json';
import configSchemaJson from '../../../schemas/config.schema.json';
import { merge, mergePolicyOverrides } from '../policy/index.js';
import { getAjv } from './ajv.js';
import { readLayer, type ConfigData, type ConfigLayer, type ConfigProblem, type PackInfo, type PackResolver } from './config.js';

/** planlint's own policy, the base of every configuration: PSI 19/2014 (effective 24 October 2014, revised 5 October 2015). */
export const BUILT_IN_PACK: PackInfo = { name: 'psi-19-2014', version: '2015-10-05', effective_from: '2014-10-24', source: 'built-in' };

/** How deep `extends` may nest (a config → pack → pack …), and how many packs one config may pull in. */
export const PACK_LIMITS = { depth: 8, packs: 32 } as const;

/** Names that mean planlint's built-in policy. */
const BUILT_IN_NAMES = new Set([BUILT_IN_PACK.name, `planlint:${BUILT_IN_PACK.name}`]);

let schemaReady = false;
/** The pack schema (it refers into the config schema, which the validator must know first). */
export function packSchema(): typeof packSchemaJson {
  if (!schemaReady) {
    const ajv = getAjv();
    if (!ajv.getSchema(configSchemaJson.$id)) ajv.addSchema(configSchemaJson);
    schemaReady = true;
  }
  return packSchemaJson;
}

const refsOf = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 16) : []);

/**
 * The packs a layer extends, resolved depth first, in the order they apply (each pack after the
 * packs it extends). A reference that cannot be read, a cycle, or nesting past the limits is a
 * problem at the `extends` entry that names it; the rest still apply.
 */
export function resolveExtends(top: ConfigLayer, resolve: PackResolver | undefined, knownRules: readonly string[], problems: ConfigProblem[]): ConfigLayer[] {
  const out: ConfigLayer[] = [];
  let count = 0;
  const visit = (layer: ConfigLayer, chain: readonly string[]): void => {
    const raw = layer.data.extends;
    const refs = refsOf(raw);
    refs.forEach((ref, i) => {
      const where = typeof raw === 'string' ? ['extends'] : ['extends', i];
      if (BUILT_IN_NAMES.has(ref)) return; // always the base
      if (!resolve) {
        layer.at(where, cfgMsg('packNoReader', { ref: shownRef(ref) }), 'value');
        return;
      }
      if (chain.length >= PACK_LIMITS.depth) {
        layer.at(where, cfgMsg('packTooDeep', { max: PACK_LIMITS.depth, ref: shownRef(ref) }), 'value');
        return;
      }
      if (++count > PACK_LIMITS.packs) {
        layer.at(where, cfgMsg('packTooMany', { max: PACK_LIMITS.packs, ref: shownRef(ref) }), 'value');
        return;
      }
      const r = resolve(ref, layer.origin);
      if ('error' in r) {
        layer.at(where, cfgMsg('packUnreadable', { ref: shownRef(ref), error: r.error }), 'value');
        return;
      }
      if (chain.includes(r.origin)) {
        layer.at(where, cfgMsg('packCycle', { ref: shownRef(ref), n: chain.length }), 'value');
        return;
      }
      const pack = readLayer(r.text, r.file, r.origin, 'pack', knownRules, problems);
      visit(pack, [...chain, r.origin]);
      // A pack named twice (directly and through another pack) applies once, at its first place.
      if (!out.some((l) => l.origin === pack.origin)) out.push(pack);
    });
  };
  visit(top, [top.origin]);
  return out;
}

/** A reference as shown in a message: it is configuration (a path or package name), bounded in length. */
function shownRef(ref: string): string {
  const clean = ref.replace(/[\u0000-\u001f\u007f-\u009f`]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

/** The overrides of every layer merged in order: policy deep-merged, programme entries appended, availability by establishment. */
export function mergeLayers(layers: readonly ConfigData[]): { policy?: unknown; programmes?: unknown; availability?: unknown; programmeOrigin: [number, number][] } {
  let policy: unknown;
  let programmes: unknown[] | undefined;
  let availability: unknown;
  let programmeOrigin: [number, number][] = [];
  layers.forEach((d, li) => {
    if (d.policy !== undefined) policy = policy === undefined ? d.policy : mergePolicyOverrides(policy, d.policy);
    if (d.programmes !== undefined) {
      // A list is what buildPolicy validates; anything else is passed on alone so its error is reported.
      if (!Array.isArray(d.programmes) || (programmes !== undefined && !Array.isArray(programmes))) {
        programmes = d.programmes as never;
        programmeOrigin = [];
      } else {
        programmeOrigin = [...programmeOrigin, ...d.programmes.map((_, i): [number, number] => [li, i])];
        programmes = [...(programmes ?? []), ...d.programmes];
      }
    }
    if (d.availability !== undefined) availability = availability === undefined ? d.availability : merge(availability, d.availability);
  });
  return {
    programmeOrigin,
    ...(policy !== undefined ? { policy } : {}),
    ...(programmes !== undefined ? { programmes } : {}),
    ...(availability !== undefined ? { availability } : {}),
  };
}
