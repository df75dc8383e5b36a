// Nothing in the project reads outside the repository: a clone on someone else's laptop has
// nothing beside it. This scans every tracked source, test, script and config file for paths
// that climb out of the repository (`../shared`, `../../` at the top, absolute /work paths).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
const code = tracked.filter((f) => /\.(ts|mts|cts|js|mjs|cjs|json|sh|lua|el|ya?ml)$/.test(f) || f === '.ci/run' || f.startsWith('.ci/'));

describe('the repository is self-contained', () => {
  it('has code to scan', () => {
    expect(code.length).toBeGreaterThan(100);
    expect(code).toContain('package.json');
  });
  it('no code, test, script or config names ../shared or an absolute workspace path', () => {
    const offenders: string[] = [];
    for (const f of code) {
      // This file names the patterns it looks for; lock files only name registry packages.
      if (f === 'test/project/self-contained.test.ts' || f.endsWith('package-lock.json')) continue;
      const text = readFileSync(f, 'utf8');
      text.split('\n').forEach((line, i) => {
        if (/\.\.\/shared\b|["'`]\/work\/|\bshared\/(spec|seeds|smart-corpus)\//.test(line)) offenders.push(`${f}:${i + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
