#!/usr/bin/env bash
# Installs the newsroom editor's pinned npm packages (from its lockfile) and bundles it into
# src/Kiosque/wwwroot/newsroom/editor.js and editor.css. Commit the result: the app serves it as is.
set -euo pipefail
cd "$(dirname "$0")/../src/Kiosque/Newsroom/Editor"
npm ci --no-audit --no-fund --loglevel=error
node build.mjs "${1:-../../wwwroot/newsroom}"
