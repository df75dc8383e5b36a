// `--format gitlab` against the shape GitLab's code quality widget reads (a subset of the Code
// Climate issue spec): required keys, GitLab's severity scale, unique fingerprints, paths
// relative to the repository with forward slashes. The byte-exact output is a golden file
// (golden.test.ts).
import Ajv from 'ajv';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitlab } from '../../server/src/cli/formats/gitlab.js';
import type { FormatContext } from '../../server/src/cli/formats/index.js';
import { describe, expect, it } from 'vitest';
import { AS_OF, cli, PLAN, removeTree, tempTree } from './helpers.js';

// GitLab's documented report: an array of issues, each with these keys.
const CODE_QUALITY_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', pattern: '^[^/\\\\]' },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

describe('--format gitlab', () => {
  it('is a valid code quality report with unique fingerprints and repository-relative paths', async () => {
    const d = tempTree({
      'plans/a.plan.yaml': PLAN('score: 48\nnote: x\n'),
      'plans/deep/b.plan.yaml': 'sentence_plan: 1\nkind: plan\nscore: 70\n',
    });
    try {
      const r = await cli(['--format', 'gitlab', '--as-of', AS_OF, 'plans/'], { cwd: d });
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout);
      const validate = new Ajv().compile(CODE_QUALITY_SCHEMA);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      expect(report.length).toBeGreaterThanOrEqual(4);
      const fps = report.map((i: { fingerprint: string }) => i.fingerprint);
      expect(new Set(fps).size).toBe(fps.length);
      expect(report.map((i: { location: { path: string } }) => i.location.path).sort()).toContain('plans/deep/b.plan.yaml');
      const score = report.find((i: { check_name: string }) => i.check_name === 'cli-test/score');
      expect(score).toMatchObject({ severity: 'major', location: { path: 'plans/a.plan.yaml', lines: { begin: 4 } } });
      expect(report.find((i: { check_name: string }) => i.check_name === 'cli-test/owner').severity).toBe('minor');
      expect(report.find((i: { check_name: string }) => i.check_name === 'cli-test/note').severity).toBe('info');
    } finally {
      removeTree(d);
    }
  });
  it('a finding keeps its fingerprint when lines are added above it; two identical findings differ', async () => {
    const d = tempTree({ 'a.plan.yaml': PLAN('score: 48\n') });
    try {
      const before = JSON.parse((await cli(['--format', 'gitlab', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: d })).stdout);
      writeFileSync(join(d, 'a.plan.yaml'), PLAN('# a comment\n# another\nscore: 48\n'));
      const after = JSON.parse((await cli(['--format', 'gitlab', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: d })).stdout);
      expect(after[0].location.lines.begin).toBe(before[0].location.lines.begin + 2);
      expect(after[0].fingerprint).toBe(before[0].fingerprint);
      // The same message twice in one file: two issues, two fingerprints (GitLab shows one per fingerprint).
      const f = { rule: 'x/y', severity: 'warning' as const, message: 'Same.', line: 3, column: 1, endLine: 3, endColumn: 2, policy: '', fixable: false };
      const twice = JSON.parse(gitlab([{ file: 'p.plan.yaml', findings: [f, { ...f, line: 9, endLine: 9 }] }], { cwd: d } as FormatContext));
      expect(twice).toHaveLength(2);
      expect(twice[0].fingerprint).not.toBe(twice[1].fingerprint);
    } finally {
      removeTree(d);
    }
  });
  it('a clean run is an empty array', async () => {
    const d = tempTree({ 'a.plan.yaml': PLAN('') });
    try {
      const r = await cli(['--format', 'gitlab', '--as-of', AS_OF, 'a.plan.yaml'], { cwd: d });
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([]);
    } finally {
      removeTree(d);
    }
  });
});
