// --shard i/n: shards are disjoint, together they are the whole list, and a file's shard
// depends only on its own path.
import { describe, expect, it } from 'vitest';
import { fnv1a, shardOf } from '../../server/src/cli/shard.js';
import { cli, PLAN, removeTree, tempTree } from './helpers.js';

const names = Array.from({ length: 300 }, (_, i) => `team-${i % 7}/plan-${i}.plan.yaml`);

describe('shard assignment', () => {
  it('FNV-1a is the standard 32-bit hash', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it.each([1, 2, 3, 5, 16])('%i shards: every file in exactly one, none empty for 300 files', (n) => {
    const by = Array.from({ length: n }, (_, k) => names.filter((f) => shardOf(f, n) === k + 1));
    expect(by.flat().sort()).toEqual([...names].sort());
    expect(by.every((s) => s.length > 0)).toBe(true);
    // Roughly even: no shard has more than twice its fair share.
    expect(Math.max(...by.map((s) => s.length))).toBeLessThanOrEqual((2 * names.length) / n);
  });

  it('adding files never moves another file', () => {
    const before = names.map((f) => shardOf(f, 4));
    const after = [...names, 'new/x.plan.yaml', 'new/y.plan.yaml'].map((f) => shardOf(f, 4));
    expect(after.slice(0, names.length)).toEqual(before);
  });
});

describe('--shard on the command line', () => {
  it('the shards of a run are disjoint and together check every file', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 24; i++) files[`t${i % 3}/p${i}.plan.yaml`] = PLAN();
    const dir = tempTree(files);
    try {
      const all = JSON.parse((await cli(['--format', 'json', '.'], { cwd: dir })).stdout) as { file: string }[];
      expect(all).toHaveLength(24);
      const seen: string[] = [];
      for (let k = 1; k <= 3; k++) {
        const r = await cli(['--format', 'json', '--shard', `${k}/3`, '.'], { cwd: dir });
        expect(r.code).toBe(0);
        const part = (JSON.parse(r.stdout) as { file: string }[]).map((x) => x.file);
        // Within a shard the order is the order of a whole run.
        expect(part).toEqual(all.map((x) => x.file).filter((f) => part.includes(f)));
        seen.push(...part);
      }
      expect(seen.sort()).toEqual(all.map((x) => x.file).sort());
      expect(new Set(seen).size).toBe(seen.length);
    } finally {
      removeTree(dir);
    }
  });

  it('an empty shard is not an error', async () => {
    const dir = tempTree({ 'only.plan.yaml': PLAN() });
    try {
      const codes = await Promise.all([1, 2, 3, 4, 5, 6].map(async (k) => (await cli(['--shard', `${k}/6`, '.'], { cwd: dir })).code));
      expect(codes).toEqual([0, 0, 0, 0, 0, 0]);
    } finally {
      removeTree(dir);
    }
  });

  it.each(['0/3', '4/3', '1/0', '3', 'a/b', '1/', '/2', '1.5/3', '2/3/4', '=-1/2'])('--shard %s is a usage error', async (v) => {
    const r = await cli(v.startsWith('=') ? [`--shard${v}`, '.'] : ['--shard', v, '.']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--shard takes INDEX/COUNT');
  });

  it('--shard with --stdin is a usage error', async () => {
    const r = await cli(['--shard', '1/2', '--stdin'], { stdin: PLAN() });
    expect(r.code).toBe(2);
  });
});
