#!/usr/bin/env bash
# bench/newsletter.sh — one newsletter edition to N confirmed subscribers through a local SMTP sink (see bench/README.md).
#
# Publishes Kiosque in Release into bench/out/kiosque, builds bench/Kiosque.Bench.Newsletter, seeds a fresh SQLite data
# folder with N confirmed subscribers and a draft edition, starts the sink (SmtpServer, counting messages) on a free
# loopback port, and runs `Kiosque newsletter send EDITION` under /usr/bin/time (wall time, peak RSS) with no pace
# limit. Appends a dated block to bench/RESULTS.md. Every process it starts is stopped by its pid on exit.
# The send runs with workstation GC (DOTNET_gcServer=0), as the README advises for a large send; --server-gc keeps
# the web application's default (server GC) to compare.
#
#   bench/newsletter.sh [--subscribers 100000] [--batch 500] [--connections 4] [--server-gc] [--note "…"] [--no-record] [--keep-data] [--no-build]
set -euo pipefail

SUBSCRIBERS=100000 BATCH=500 CONNECTIONS=4 NOTE="" RECORD=1 KEEP_DATA=0 BUILD=1 SERVER_GC=0
while [ $# -gt 0 ]; do
  case "$1" in
    --subscribers) SUBSCRIBERS=$2; shift 2 ;;
    --batch) BATCH=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --server-gc) SERVER_GC=1; shift ;;
    --note) NOTE=$2; shift 2 ;;
    --no-record) RECORD=0; shift ;;
    --keep-data) KEEP_DATA=1; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/bench/out"
DATA=$(mktemp -d /var/tmp/kiosque-newsletter-XXXXXX)
SINK_PID=""
cleanup() {
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null || true
  [ "$KEEP_DATA" = 1 ] || rm -rf "$DATA"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

if [ "$BUILD" = 1 ] || [ ! -f "$OUT/kiosque/Kiosque.dll" ] || [ ! -f "$OUT/newsletter-bench/Kiosque.Bench.Newsletter.dll" ]; then
  echo "== build" >&2
  dotnet publish "$ROOT/src/Kiosque" -c Release -r linux-x64 --self-contained false -o "$OUT/kiosque" --nologo -v quiet >&2
  dotnet build "$ROOT/bench/Kiosque.Bench.Newsletter" -c Release -o "$OUT/newsletter-bench" --nologo -v quiet >&2
fi

echo "== seed $SUBSCRIBERS subscribers in $DATA" >&2
SEED_START=$(date +%s.%N)
EDITION=$(dotnet "$OUT/newsletter-bench/Kiosque.Bench.Newsletter.dll" seed --data "$DATA" --subscribers "$SUBSCRIBERS" | tail -1)
SEED_SECONDS=$(echo "$(date +%s.%N) - $SEED_START" | bc)

PORT=$(free_port)
dotnet "$OUT/newsletter-bench/Kiosque.Bench.Newsletter.dll" sink --port "$PORT" --expect "$SUBSCRIBERS" > "$DATA/sink.out" 2>&1 &
SINK_PID=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.2; done

echo "== send edition $EDITION" >&2
export Kiosque__DataPath="$DATA" Kiosque__DemoContent=false Kiosque__PublicUrl="https://banc.example"
export Kiosque__Smtp__Host=127.0.0.1 Kiosque__Smtp__Port="$PORT" Kiosque__Smtp__Security=none Kiosque__Smtp__From="lettre@banc.example"
export Kiosque__Newsletter__MessagesPerSecond=0 Kiosque__Newsletter__BatchSize="$BATCH" Kiosque__Newsletter__Connections="$CONNECTIONS" Logging__LogLevel__Default=Warning
if [ "$SERVER_GC" = 1 ]; then GC_MODE="server GC (the web application's default)"; else export DOTNET_gcServer=0; GC_MODE="workstation GC (\`DOTNET_gcServer=0\`)"; fi
/usr/bin/time -f "%e %M" -o "$DATA/time.out" dotnet "$OUT/kiosque/Kiosque.dll" newsletter send "$EDITION" > "$DATA/send.out"
wait "$SINK_PID" || true
SINK_PID=""

read -r WALL PEAK_KB < "$DATA/time.out"
RECEIVED=$(cat "$DATA/sink.out")
RESULT=$(tail -1 "$DATA/send.out")
PEAK_MB=$((PEAK_KB / 1024))
BLOCK=$(cat <<MD

### Newsletter send — $(date -u +%Y-%m-%dT%H:%MZ)
- ${SUBSCRIBERS} confirmed subscribers, SQLite, batch ${BATCH}, ${CONNECTIONS} SMTP connections, no pace limit, SMTP sink on loopback (SmtpServer)
- seeding: ${SEED_SECONDS%.*} s (not part of the send)
- \`Kiosque newsletter send\` with ${GC_MODE}: **${WALL} s wall**, **peak RSS ${PEAK_MB} MB**
- Kiosque says: ${RESULT}
- sink: ${RECEIVED}
- machine: $(nproc) cores, $(uname -sr)${NOTE:+; note: $NOTE}
MD
)
echo "$BLOCK"
[ "$RECORD" = 1 ] && echo "$BLOCK" >> "$ROOT/bench/RESULTS.md"
