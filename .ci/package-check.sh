#!/usr/bin/env bash
# The npm package as a user gets it: `npm pack`, installed into an empty project with nothing
# beside it, then `npx planlint` on a sample, `planlint explain`, the language server, and the
# GitHub Action's own steps (test/action/run-action.mjs) against samples/. Needs dist/ built
# (npm test builds it). Prints what it checks; exits non-zero on the first surprise.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "package-check: $*" >&2; exit 1; }

echo "-- npm pack"
(cd "$repo" && npm pack --ignore-scripts --pack-destination "$work" --loglevel=error >/dev/null)
tarball="$(ls "$work"/planlint-*.tgz)"
echo "   $(basename "$tarball"): $(du -k "$tarball" | cut -f1) KiB packed, $(tar -tzf "$tarball" | wc -l) files"
if tar -tzf "$tarball" | grep -E '^package/(test|server|client|bench|samples)/|\.ts$|^package/dist/client\.js$'; then fail "the tarball holds files it should not"; fi

echo "-- install into an empty project"
mkdir -p "$work/project" && cd "$work/project"
echo '{"name":"empty-project","version":"1.0.0","private":true}' > package.json
npm install --no-audit --no-fund --loglevel=error "$tarball" >/dev/null
cp "$repo/samples/bad/smart-time-bound.plan.yaml" time-bound.plan.yaml
cp "$repo/samples/bad/rmp-required.plan.yaml" rmp.plan.yaml

echo "-- npx planlint on two samples (exit 1: rmp/required is an error; smart/time-bound a warning)"
set +e
out="$(npx --no-install planlint --as-of 2026-11-23 time-bound.plan.yaml rmp.plan.yaml)"
code=$?
set -e
[ "$code" = 1 ] || fail "npx planlint exited $code, expected 1"
grep -q 'rmp/required' <<<"$out" || fail "the report does not name rmp/required"
grep -q 'smart/time-bound' <<<"$out" || fail "the report does not name smart/time-bound"

echo "-- npx planlint explain smart/time-bound"
npx --no-install planlint explain smart/time-bound | grep -q 'Policy:\*\* PSI 19/2014 para' || fail "explain does not print the policy paragraph"

echo "-- the language server, by both names"
npx --no-install planlint-language-server --version | grep -q '^planlint language server ' || fail "planlint-language-server did not start"
init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
reply="$( (printf 'Content-Length: %d\r\n\r\n%s' "${#init}" "$init"; sleep 3) | timeout 20 npx --no-install planlint --lsp | head -c 4000 || true)"
grep -q '"hoverProvider"' <<<"$reply" || fail "planlint --lsp did not answer initialize"

echo "-- the GitHub Action's steps, against samples/"
mkdir -p "$work/repo" && cp -r "$repo/samples" "$work/repo/" && cd "$work/repo"
action() { node "$repo/test/action/run-action.mjs" --input version="$tarball" --input node-version= --input args="--as-of 2026-11-23" "$@" >"$work/action.log" 2>&1 || { cat "$work/action.log"; fail "action run failed: $*"; }; }
action --input paths="samples/bad" --expect-exit 1 --expect-output exit-code=1
grep -q '^::error file=samples/bad/' "$work/action.log" || fail "the action printed no annotations"
action --input paths="samples/good samples/templates" --input upload-sarif=true --expect-exit 0 --expect-output exit-code=0
action --input paths="samples/bad" --input fail-on-error=false --expect-exit 0 --expect-output exit-code=1
action --input paths="no-such-folder/" --expect-exit 2 --expect-output exit-code=2
echo "package-check: passed"
