#!/usr/bin/env bash
# Real LSP clients against the bundled server: headless Neovim (built-in vim.lsp) and
# Emacs + eglot (Debian: neovim, emacs-nox, elpa-eglot). Each opens a copy of a fixture
# plan, waits for diagnostics, checks the rule ids and lines, edits the buffer to fix a
# problem and checks that the diagnostics update. Prints "e2e: N passed, N failed".
# Set E2E_ALLOW_MISSING=1 to skip (not fail) a client that is not installed.
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
TIMEOUT_S=${E2E_TIMEOUT_S:-60}
passed=0
failed=0
skipped=0

node esbuild.mjs || { echo "e2e: build failed"; echo "e2e: 0 passed, 1 failed"; exit 1; }
SERVER=$ROOT/dist/server.js
WORK=$(mktemp -d "${TMPDIR:-/tmp}/planlint-e2e.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

export E2E_SERVER=$SERVER
export E2E_AS_OF=$(node -e 'console.log(require("./test/e2e/fixtures/bad.expect.json").asOf)')
export E2E_EDIT_LINE=$(node -e 'console.log(require("./test/e2e/fixtures/bad.expect.json").edit.line)')
export E2E_EDIT_TEXT=$(node -e 'console.log(require("./test/e2e/fixtures/bad.expect.json").edit.text)')
feature() { node -e "console.log(require('./test/e2e/fixtures/bad.expect.json').features.$1)"; }
export E2E_HOVER_LINE=$(feature hover.line) E2E_HOVER_CHAR=$(feature hover.character)
export E2E_COMPLETE_LINE=$(feature completion.line) E2E_COMPLETE_CHAR=$(feature completion.character)
export E2E_TIMEOUT_MS=$(( (TIMEOUT_S - 5) * 1000 ))

run_client() { # name, binary, command...
  local name=$1 bin=$2
  shift 2
  if ! command -v "$bin" >/dev/null 2>&1; then
    if [ "${E2E_ALLOW_MISSING:-0}" = 1 ]; then
      echo "- $name: SKIPPED ($bin not installed)"
      skipped=$((skipped + 1))
    else
      echo "- $name: FAILED ($bin not installed; apt-get install -y neovim emacs-nox elpa-eglot)"
      failed=$((failed + 1))
    fi
    return
  fi
  local dir=$WORK/$name
  mkdir -p "$dir"
  cp test/e2e/fixtures/bad.plan.yaml "$dir/bad.plan.yaml"
  local t0=$(date +%s%N)
  (cd "$dir" && E2E_OUT=$dir/out.json timeout -k 5 "$TIMEOUT_S" "$@" "$dir/bad.plan.yaml" >"$dir/log.txt" 2>&1)
  local rc=$?
  local ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  if node test/e2e/check.mjs "$name" "$dir/out.json" test/e2e/fixtures/bad.expect.json && [ $rc = 0 ]; then
    echo "- $name: passed (${ms} ms)"
    passed=$((passed + 1))
  else
    echo "- $name: FAILED (exit $rc, ${ms} ms)"
    sed 's/^/    | /' "$dir/log.txt" | tail -20
    failed=$((failed + 1))
  fi
}

run_client neovim nvim nvim --headless --clean -u "$ROOT/test/e2e/nvim.lua"
run_client emacs-eglot emacs emacs --batch -Q -l "$ROOT/test/e2e/eglot.el"

echo "e2e: $passed passed, $failed failed${skipped:+$( [ $skipped -gt 0 ] && echo ", $skipped skipped")}"
[ $failed = 0 ]
