#!/usr/bin/env bash
# bench/bench-dotnet.sh — runs the BenchmarkDotNet micro-benchmarks (bench/Kiosque.Benchmarks: Slugs.From and
# HtmlSanitizing.Sanitize on a ~600-word body) as a short in-process job, then appends their summary tables
# to bench/RESULTS.md with the date, machine and commit. Extra arguments go to BenchmarkDotNet
# (e.g. --filter '*Slug*'). Bounded: a ShortRun job is 3 warm-ups and 3 iterations per benchmark.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT=$BENCH/out
ARTIFACTS=$OUT/benchmarkdotnet
NOTE=${BENCH_NOTE:-}

command -v dotnet >/dev/null || { echo "the .NET SDK (dotnet) is missing" >&2; exit 1; }
rm -rf "$ARTIFACTS"
dotnet build "$BENCH/Kiosque.Benchmarks/Kiosque.Benchmarks.csproj" -c Release -o "$OUT/benchmarks" --nologo -v q >&2
filter=("$@")
[ ${#filter[@]} -gt 0 ] || filter=(--filter '*')
BENCH_ARTIFACTS=$ARTIFACTS dotnet "$OUT/benchmarks/Kiosque.Benchmarks.dll" "${filter[@]}" >&2

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
git -C "$ROOT" diff --quiet HEAD 2>/dev/null || commit="$commit (+ uncommitted changes)"
block=$(
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — BenchmarkDotNet (ShortRun, in process)"
  echo
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB RAM, kernel $(uname -r), dotnet $(dotnet --version), commit $commit; loadavg $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  [ -z "$NOTE" ] || echo "- note: $NOTE"
  echo "- a ShortRun has 3 iterations: its error bars are wide; compare runs on the same machine only"
  for report in "$ARTIFACTS"/results/*-report-github.md; do
    [ -e "$report" ] || continue
    echo
    echo "### $(basename "$report" -report-github.md | sed 's/^Kiosque\.Benchmarks\.//')"
    echo
    # Keep the table; BenchmarkDotNet's environment header is summarised by the machine line above.
    sed -n '/^|/p' "$report" | sed 's/\*\*//g'   # GitHub exporter bolds parameterised rows
  done
)
echo "$block"
[ -f "$BENCH/RESULTS.md" ] || printf '# Benchmark results\n' > "$BENCH/RESULTS.md"
echo "$block" >> "$BENCH/RESULTS.md"
echo "appended to bench/RESULTS.md" >&2
