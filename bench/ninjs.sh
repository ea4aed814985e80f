#!/usr/bin/env bash
# bench/ninjs.sh — ingest N IPTC ninjs items through POST /api/v1/ingest/ninjs and time it (goal: 1,000 in < 10 s).
#
# Builds Kiosque in Release into bench/out/kiosque, writes N distinct ninjs 2.1 text items (headline, HTML body of
# six paragraphs, byline, two subjects, an associated picture with two renditions), creates an editor token with the
# CLI, starts Kiosque on a free loopback port on a fresh SQLite data folder and POSTs every item with curl
# (--parallel, 4 at a time). Checks that every answer is 201 and that the database holds N wire drafts, then appends
# a dated block to bench/RESULTS.md with the wall time, items/s and Kiosque's peak RSS.
#
#   bench/ninjs.sh [--items 1000] [--parallel 4] [--warmup 0] [--note "…"] [--no-record] [--no-build]
#
# --warmup N first ingests N other items, untimed, the same way: the timed items then meet a server that has
# compiled its code and queries (as a server running for a while has), not one that has just started. The block
# says which it was; both figures are worth having.
#
# Every process it starts is stopped by its pid on exit.
set -euo pipefail

ITEMS=1000 PARALLEL=4 WARMUP=0 NOTE="" RECORD=1 BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --items) ITEMS=$2; shift 2 ;;
    --parallel) PARALLEL=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --note) NOTE=$2; shift 2 ;;
    --no-record) RECORD=0; shift ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$ITEMS" =~ ^[0-9]+$ && "$ITEMS" -ge 1 && "$ITEMS" -le 100000 ]] || { echo "--items: 1 to 100000" >&2; exit 2; }
[[ "$WARMUP" =~ ^[0-9]+$ && "$WARMUP" -le 100000 ]] || { echo "--warmup: 0 to 100000" >&2; exit 2; }
[[ "$PARALLEL" =~ ^[0-9]+$ && "$PARALLEL" -ge 1 && "$PARALLEL" -le 64 ]] || { echo "--parallel: 1 to 64" >&2; exit 2; }

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT=$BENCH/out
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN=$OUT/runs/ninjs-$STAMP
DATA=/var/tmp/kiosque-bench-ninjs-$STAMP
mkdir -p "$RUN/items" "$RUN/warmup"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

KIOSQUE_PID=""
cleanup() {
  if [ -n "$KIOSQUE_PID" ] && kill -0 "$KIOSQUE_PID" 2>/dev/null; then
    kill -TERM "$KIOSQUE_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$KIOSQUE_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$KIOSQUE_PID" 2>/dev/null && kill -KILL "$KIOSQUE_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA" "$RUN/items" "$RUN/warmup"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free port found"
}
command -v curl >/dev/null || die "curl is missing"
command -v python3 >/dev/null || die "python3 is missing (it writes the items)"

KIOSQUE_DLL=$OUT/kiosque/Kiosque.dll
if [ "$BUILD" = 1 ] || [ ! -f "$KIOSQUE_DLL" ]; then
  log "building Kiosque (Release) into $OUT/kiosque"
  dotnet publish "$ROOT/src/Kiosque/Kiosque.csproj" -c Release -r linux-x64 --self-contained false -o "$OUT/kiosque" --nologo -v q > "$RUN/build.log" 2>&1 \
    || { tail -30 "$RUN/build.log" >&2; die "build failed"; }
fi

log "writing $ITEMS ninjs items (and $WARMUP for the warm-up)"
python3 - "$RUN/items" "$ITEMS" "$RUN/warmup" "$WARMUP" <<'PY'
import json, sys, os
folder, n, warmup_folder, warmup = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
para = ("Les négociations ont repris lundi à Genève entre les délégations, qui se sont retrouvées pour la troisième "
        "fois en un mois autour d'une table dont la forme même avait fait l'objet de longues discussions. ")
for i in range(n + warmup):
    item = {
        "uri": f"urn:newsml:bench.example:2026:{i:06d}",
        "type": "text", "version": "1", "versioncreated": "2026-11-24T10:00:00Z", "pubstatus": "usable",
        "copyrightholder": "Agence Bench", "copyrightnotice": "© Agence Bench 2026", "usageterms": "Usage éditorial.",
        "by": f"Rédactrice {i % 50} and Rédacteur {i % 37}",
        "headlines": [{"role": "main", "value": f"Dépêche numéro {i} : les négociations reprennent à Genève"}],
        "descriptions": [{"role": "summary", "value": "Les délégations se retrouvent pour la troisième fois en un mois."}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value": "".join(f"<p>{para * 3}</p>" for _ in range(6))}],
        "subjects": [{"name": "Diplomatie"}, {"name": f"Sujet {i % 20}"}],
        "associations": [{"name": "a001", "type": "picture", "uri": f"urn:newsml:bench.example:photo:{i:06d}",
                          "by": "Photographe/Bench", "descriptions": [{"value": "La salle des négociations."}],
                          "renditions": [
                              {"name": "hires", "href": f"https://media.bench.example/{i}/hires.jpg", "contenttype": "image/jpeg", "width": 4000, "height": 2667},
                              {"name": "thumb", "href": f"https://media.bench.example/{i}/thumb.jpg", "contenttype": "image/jpeg", "width": 256, "height": 171}]}],
    }
    with open(os.path.join(folder if i < n else warmup_folder, f"{i:06d}.json"), "w", encoding="utf-8") as f:
        json.dump(item, f, ensure_ascii=False)
PY

log "creating an editor token"
mkdir -p "$DATA"
TOKEN=$(cd "$OUT/kiosque" && env Kiosque__DataPath="$DATA" Kiosque__DemoContent=false \
  dotnet "$KIOSQUE_DLL" tokens create --name bench --role editor 2>> "$RUN/cli.log" | tail -n 1)
[[ "$TOKEN" == kq_* ]] || die "no token from the CLI (see $RUN/cli.log)"

PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
(cd "$OUT/kiosque" && exec env Kiosque__DataPath="$DATA" Kiosque__DemoContent=false ASPNETCORE_ENVIRONMENT=Production \
   dotnet "$KIOSQUE_DLL" --urls "$URL") >> "$RUN/kiosque.log" 2>&1 &
KIOSQUE_PID=$!
for _ in $(seq 1 1500); do
  kill -0 "$KIOSQUE_PID" 2>/dev/null || { tail -20 "$RUN/kiosque.log" >&2; die "Kiosque exited during start"; }
  [ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$URL/healthz" || true)" = 200 ] && break
  sleep 0.02
done

# One curl, N transfers, PARALLEL at a time: the time measured is Kiosque's, not process start-up.
curl_config() {
  local folder=$1 config=$2 first=1 f
  : > "$config"
  for f in "$folder"/*.json; do
    [ "$first" = 1 ] || printf 'next\n' >> "$config"
    first=0
    printf 'url = "%s/api/v1/ingest/ninjs"\nheader = "Authorization: Bearer %s"\nheader = "Content-Type: application/json"\ndata-binary = "@%s"\noutput = "/dev/null"\nsilent\nwrite-out = "%%{http_code}\\n"\n' \
      "$URL" "$TOKEN" "$f" >> "$config"
  done
}
CONFIG=$RUN/curl.cfg
curl_config "$RUN/items" "$CONFIG"
if [ "$WARMUP" -gt 0 ]; then
  log "warming up: $WARMUP other items, untimed"
  curl_config "$RUN/warmup" "$RUN/warmup.cfg"
  curl -s --parallel --parallel-max "$PARALLEL" -K "$RUN/warmup.cfg" > "$RUN/warmup-codes.txt" 2>> "$RUN/curl.log"
  [ "$(grep -c '^201$' "$RUN/warmup-codes.txt" || true)" = "$WARMUP" ] || die "the warm-up items did not all answer 201"
fi
log "ingesting $ITEMS items, $PARALLEL at a time"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$KIOSQUE_PID/stat"; }
CPU0=$(cpu_ticks)
t0=$(date +%s%N)
curl -s --parallel --parallel-max "$PARALLEL" -K "$CONFIG" > "$RUN/codes.txt" 2> "$RUN/curl.log"
WALL_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
# CPU time Kiosque spent on the ingest: less sensitive than wall time to other work on a shared machine.
CPU_S=$(awk -v t="$(( $(cpu_ticks) - CPU0 ))" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.1f", t/hz}')
RSS=$(awk '/^VmHWM/{printf "%.0f", $2/1024}' "/proc/$KIOSQUE_PID/status" 2>/dev/null || echo "?")
CREATED=$(grep -c '^201$' "$RUN/codes.txt" || true)
OTHER=$(grep -vc '^201$' "$RUN/codes.txt" || true)
[ "$CREATED" = "$ITEMS" ] || die "$CREATED of $ITEMS answered 201 (others: $(sort "$RUN/codes.txt" | uniq -c | tr '\n' ' '))"
CHECK=$(curl -s -H "Authorization: Bearer $TOKEN" "$URL/api/v1/articles?section=depeches&status=draft&pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
[ "$CHECK" = "$(( ITEMS + WARMUP ))" ] || die "the API lists $CHECK wire drafts, expected $(( ITEMS + WARMUP ))"
RATE=$(awk -v n="$ITEMS" -v ms="$WALL_MS" 'BEGIN{printf "%.0f", n*1000/ms}')
SECONDS_TXT=$(awk -v ms="$WALL_MS" 'BEGIN{printf "%.1f", ms/1000}')
log "$ITEMS items in ${SECONDS_TXT} s ($RATE items/s), Kiosque CPU ${CPU_S} s, peak RSS ${RSS} MB, non-201: $OTHER"

if [ "$RECORD" = 1 ]; then
  {
    printf '\n## %s — ninjs ingest, %s items on SQLite\n\n' "$(date -u '+%Y-%m-%d %H:%M UTC')" "$ITEMS"
    printf -- '- machine: %s cores, kernel %s, dotnet %s, commit %s; loadavg %s\n' "$(nproc)" "$(uname -r)" "$(dotnet --version)" \
      "$(git -C "$ROOT" rev-parse --short HEAD)" "$(cut -d' ' -f1-3 /proc/loadavg)"
    [ -z "$NOTE" ] || printf -- '- note: %s\n' "$NOTE"
    printf -- '- bench/ninjs.sh: POST /api/v1/ingest/ninjs, Release build, %s in parallel, each item a draft with byline authors, 2 subjects and a lead picture (rendition href recorded, not fetched)\n' "$PARALLEL"
    if [ "$WARMUP" -gt 0 ]; then
      printf -- '- warm server: %s other items ingested first, untimed (--warmup %s)\n' "$WARMUP" "$WARMUP"
    else
      printf -- '- cold server: the timed items are the first requests after start-up (JIT and query compilation included)\n'
    fi
    printf -- '- **%s items in %s s (%s items/s)**, goal < 10 s; all 201; Kiosque CPU time during the ingest %s s; peak RSS (VmHWM) %s MB\n' "$ITEMS" "$SECONDS_TXT" "$RATE" "$CPU_S" "$RSS"
  } >> "$BENCH/RESULTS.md"
  log "appended to bench/RESULTS.md"
fi
