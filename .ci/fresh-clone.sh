#!/usr/bin/env bash
# A clone in a folder with nothing beside it (no shared folder, no sibling checkouts): the
# README's two commands must pass there, as on a new user's laptop.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
empty="$(mktemp -d)"
trap 'rm -rf "$empty"' EXIT
git clone --quiet --no-hardlinks "$repo" "$empty/planlint"
cd "$empty/planlint"
[ -z "$(ls -A "$empty" | grep -v '^planlint$')" ] || { echo "fresh-clone: the folder is not empty" >&2; exit 1; }
npm ci --no-audit --no-fund --loglevel=error
npm start >/dev/null
npm test
