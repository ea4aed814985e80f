#!/usr/bin/env bash
# Rebuilds the newsroom editor into a temporary folder and fails if the result differs from the committed
# bundle, or if the lockfile names a registry host. esbuild's output is deterministic for pinned versions.
# Exit status: 0 same, 1 different, 3 could not build (npm ci or esbuild failed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
editor="$root/src/Kiosque/Newsroom/Editor"
committed="$root/src/Kiosque/wwwroot/newsroom"

if grep -q '"resolved"' "$editor/package-lock.json"; then
  echo "package-lock.json holds \"resolved\" URLs: keep omit-lockfile-registry-resolved=true in $editor/.npmrc and run npm install again." >&2
  exit 1
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
if ! "$root/scripts/build-editor.sh" "$out"; then
  echo "Could not install or build the editor (no access to the npm registry?): bundle not compared." >&2
  exit 3
fi

status=0
for file in editor.js editor.css; do
  if ! cmp -s "$committed/$file" "$out/$file"; then
    echo "wwwroot/newsroom/$file differs from a fresh build: run scripts/build-editor.sh and commit it." >&2
    status=1
  fi
done
[ "$status" = 0 ] && echo "Editor bundle matches its sources."
exit "$status"
