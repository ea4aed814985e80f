#!/usr/bin/env bash
# Runs every Kiosque test: unit, in-process integration (SQLite and PostgreSQL) and browser tests.
# First installs what the tests need when it is missing and this machine can install it (Debian, as root):
# PostgreSQL, redis-server and chromium. Ends with the line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if ! command -v initdb >/dev/null && [ -n "$pg_bin" ]; then export PATH="$PATH:$pg_bin"; fi
command -v initdb >/dev/null || need+=(postgresql postgresql-contrib)
command -v redis-server >/dev/null || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${need[*]} …"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if ! command -v initdb >/dev/null && [ -n "$pg_bin" ]; then export PATH="$PATH:$pg_bin"; fi
  else
    echo "Missing ${need[*]}: the tests that need them will be skipped (run as root on Debian to install them)."
  fi
fi

# The committed editor bundle must be what its pinned sources build; a difference fails the run.
bundle_status=0
if command -v node >/dev/null && command -v npm >/dev/null; then
  scripts/check-editor-bundle.sh || bundle_status=$?
  if [ "$bundle_status" = 3 ]; then echo "Editor bundle check skipped: the editor could not be built here (see above)."; bundle_status=0; fi
else
  echo "Editor bundle check skipped: node and npm are not installed (Debian packages nodejs and npm)."
fi

log=$(mktemp)
dotnet test Kiosque.slnx "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The Microsoft.Testing.Platform summary: "total: N", "failed: N", "succeeded: N", "skipped: N".
count() { grep -E "^\s+$1: [0-9]+" "$log" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
passed=$(count succeeded); failed=$(count failed); skipped=$(count skipped)
if [ "$status" -ne 0 ] && [ "$failed" = 0 ]; then failed=1; echo "dotnet test exited $status before reporting failures (build error?)"; fi
rm -f "$log"
if [ "$bundle_status" -ne 0 ]; then failed=$((failed + 1)); status=1; echo "The editor bundle check failed (see above)."; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
