#!/usr/bin/env bash
# bench/faults.sh — Kiosque under faults, on one machine, loopback only (Debian; see bench/README.md).
#
#   load         60 s of wrk at 256 connections mixing page reads, searches and comment posts (bench/faults.lua):
#                passes when no response is a 5xx and every acknowledged comment (302 back to the article) is stored.
#   pg-restart   PostgreSQL restarted (pg_ctl restart -m fast) in the middle of a 30 s read load: passes when the
#                only 5xx are 503 (with Retry-After, fast) and an uncached page answers 200 within 5 s of the restart.
#   kill-publish articles created and published through the API one after the other while the instance is killed
#                (SIGKILL) and started again: passes when every acknowledged (201) article is there, published.
#
#   bench/faults.sh [--only load|pg-restart|kill-publish] [--sqlite] [--connections 256] [--duration 60s]
#                   [--threads 2] [--no-build]
#
# PostgreSQL by default (a throw-away cluster; pg-restart needs it); --sqlite runs load and kill-publish on SQLite.
# Every process it starts is stopped by its pid on exit. Prints one PASS/FAIL line per scenario; exits 1 on a FAIL.
set -euo pipefail

ONLY="" SQLITE=0 CONNECTIONS=256 DURATION=60s THREADS=2 BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --only) ONLY=$2; shift 2 ;;
    --sqlite) SQLITE=1; shift ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -z "$ONLY" || "$ONLY" =~ ^(load|pg-restart|kill-publish)$ ]] || { echo "--only: load, pg-restart or kill-publish" >&2; exit 2; }
[[ "$CONNECTIONS" =~ ^[0-9]+$ && "$CONNECTIONS" -le 1024 && "$THREADS" =~ ^[0-9]+$ ]] || { echo "bad --connections/--threads" >&2; exit 2; }
[[ "$DURATION" =~ ^[0-9]+s$ && ${DURATION%s} -le 300 ]] || { echo "--duration: like 60s, at most 300s" >&2; exit 2; }
if [ "$SQLITE" = 1 ] && [ "$ONLY" = pg-restart ]; then echo "pg-restart needs PostgreSQL (drop --sqlite)" >&2; exit 2; fi

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT=$BENCH/out
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN=$OUT/faults/$STAMP
DATA=/var/tmp/kiosque-faults-$STAMP
mkdir -p "$RUN"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

PIDS=() PG_DIR="" KIOSQUE_PID=""
cleanup() {
  local pid
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]+"${PIDS[@]}"}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ -n "$PG_DIR" ]; then as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; fi
  rm -rf "$DATA"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free port found"
}
# shellcheck source=bench/comment-form.sh
. "$BENCH/comment-form.sh"

command -v wrk >/dev/null || die "wrk is missing (apt-get install wrk)"
command -v curl >/dev/null || die "curl is missing"
command -v python3 >/dev/null || die "python3 is missing (it counts the stored comments and encodes form fields)"
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is missing"

if [ "$BUILD" = 1 ] || [ ! -f "$OUT/kiosque/Kiosque.dll" ]; then
  log "building Kiosque (Release) into $OUT/kiosque"
  dotnet publish "$ROOT/src/Kiosque/Kiosque.csproj" -c Release -r linux-x64 --self-contained false -o "$OUT/kiosque" --nologo -v q > "$RUN/build.log" 2>&1 \
    || { tail -20 "$RUN/build.log" >&2; die "build failed"; }
fi

# ---------------------------------------------------------------- database
DB_ENV=()
if [ "$SQLITE" = 0 ]; then
  PG_BIN=$(dirname "$(readlink -f "$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")")
  [ -x "$PG_BIN/initdb" ] || die "PostgreSQL is missing (apt-get install postgresql), or use --sqlite"
  PSQL=$(command -v psql || echo "$PG_BIN/psql")
  [ -x "$PSQL" ] || die "psql is missing (apt-get install postgresql-client)"
  PG_DIR=$(mktemp -d /var/tmp/kiosque-faults-pg-XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres "$PG_DIR"
  PG_PORT=$(free_port)
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$RUN/pg-initdb.log" 2>&1
  pg_start() {
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
      -o "-p $PG_PORT -h 127.0.0.1 -k $PG_DIR -c max_connections=300" start > /dev/null
  }
  pg_start
  as_postgres "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE kiosque_faults" > /dev/null
  PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=kiosque_faults"
  DB_ENV=(Kiosque__Database__Provider=postgres "ConnectionStrings__Kiosque=$PG_CONN")
fi

count_comments() { # count_comments MARKER: comments stored whose text starts with the run's marker
  if [ "$SQLITE" = 1 ]; then
    python3 - "$DATA/kiosque.db" "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT COUNT(*) FROM Comments WHERE Body LIKE ?", (sys.argv[2] + "-%",)).fetchone()[0])
PY
  else
    as_postgres "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d kiosque_faults -tAc \
      "SELECT COUNT(*) FROM \"Comments\" WHERE \"Body\" LIKE '$1-%'"
  fi
}

# ---------------------------------------------------------------- Kiosque
PORT=$(free_port)
URL=http://127.0.0.1:$PORT
start_kiosque() {
  (cd "$OUT/kiosque" && exec env Kiosque__DataPath="$DATA" Kiosque__DemoContent=true ASPNETCORE_ENVIRONMENT=Production \
     Kiosque__Comments__MinSecondsToSubmit=0 Kiosque__Comments__PerIpLimit=100000000 Kiosque__Comments__PerEmailLimit=100000000 \
     Kiosque__Scheduling__IntervalSeconds=5 "${DB_ENV[@]+"${DB_ENV[@]}"}" \
     dotnet Kiosque.dll --urls "$URL") >> "$RUN/kiosque.log" 2>&1 &
  KIOSQUE_PID=$!
  PIDS+=("$KIOSQUE_PID")
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "$URL/readyz" 2>/dev/null; then return; fi
    kill -0 "$KIOSQUE_PID" 2>/dev/null || { tail -30 "$RUN/kiosque.log" >&2; die "Kiosque exited"; }
    sleep 0.1
  done
  die "Kiosque did not become ready within 60 s"
}
log "starting Kiosque on $URL ($([ "$SQLITE" = 1 ] && echo SQLite || echo PostgreSQL), demo content)"
start_kiosque

# A few reader pages from the sitemap: the article pages are what a breaking story sends readers to.
curl -fsS "$URL/sitemaps/articles-1.xml" | grep -o '<loc>[^<]*</loc>' | sed -E 's#<loc>https?://[^/]+##; s#</loc>##' | head -n 20 > "$RUN/paths" || true
[ -s "$RUN/paths" ] || die "no article in the sitemap"
ARTICLE=$(head -n 1 "$RUN/paths")
PATHS="/ $(tr '\n' ' ' < "$RUN/paths")"

FAILED=0
result() { # result NAME OK(0|1) DETAIL
  if [ "$2" = 0 ]; then echo "PASS $1: $3"; else echo "FAIL $1: $3"; FAILED=1; fi
}

status_count() { awk -v code="$1" '$1 == "status" && $2 == code {s+=$3} END {print s+0}' "$2"; }
five_xx() { awk '$1 == "status" && $2 >= 500 {s+=$3} END {print s+0}' "$1"; }

# ---------------------------------------------------------------- load
if [ -z "$ONLY" ] || [ "$ONLY" = load ]; then
  # The comment form: the article's hidden fields, then the preview page's anti-forgery token and its cookie.
  ARTICLE_ID=$(curl -fsS "$URL$ARTICLE" | grep -o 'name="ArticleId" value="[0-9]*"' | grep -o '[0-9]*' | head -n 1 || true)
  [ -n "$ARTICLE_ID" ] || die "no comment form on $ARTICLE (comments closed on the demo article?)"
  comment_form "$URL" "$ARTICLE_ID" "$RUN/cookies" || die "could not read the comment form's token and stamp"
  MARKER="faults$STAMP"
  log "load: $DURATION at $CONNECTIONS connections — reads, searches and comment posts on $ARTICLE"
  FAULTS_PATHS="$PATHS" FAULTS_WRITE_PCT=10 FAULTS_SEARCH_PCT=15 FAULTS_MARKER="$MARKER" FAULTS_COOKIE="$COMMENT_COOKIE" \
  FAULTS_FORM="$COMMENT_FORM" \
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s "$BENCH/faults.lua" "$URL" > "$RUN/load.txt" 2>&1 || true
  ACKED=$(awk '$1 == "acked" {print $2}' "$RUN/load.txt")
  ERRORS=$(five_xx "$RUN/load.txt")
  sleep 1
  STORED=$(count_comments "$MARKER")
  detail="$(awk '$1 == "Requests/sec:" {print $2}' "$RUN/load.txt") req/s, 5xx: $ERRORS, comments acknowledged: ${ACKED:-?}, stored: $STORED, other statuses: $(awk '$1 == "status" && $2 != 200 && $2 != 302 {printf "%s×%s ", $2, $3}' "$RUN/load.txt"), $(awk '$1 == "socket-errors" || $1 == "p99-ms"' "$RUN/load.txt" | tr '\n' ' ')"
  ok=1; [ "$ERRORS" = 0 ] && [ -n "$ACKED" ] && [ "$ACKED" -gt 0 ] && [ "$STORED" -ge "$ACKED" ] && ok=0
  result load $ok "$detail"
fi

# ---------------------------------------------------------------- pg-restart
if [ "$SQLITE" = 0 ] && { [ -z "$ONLY" ] || [ "$ONLY" = pg-restart ]; }; then
  log "pg-restart: 30 s of reads and searches, PostgreSQL restarted at 10 s"
  FAULTS_PATHS="$PATHS" FAULTS_WRITE_PCT=0 FAULTS_SEARCH_PCT=30 \
    wrk -t"$THREADS" -c64 -d30s --timeout 10s -s "$BENCH/faults.lua" "$URL" > "$RUN/pg-restart.txt" 2>&1 &
  WRK_PID=$!
  PIDS+=("$WRK_PID")
  sleep 10
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop > /dev/null
  # While it is down: an uncached page must fail at once, with Retry-After.
  t0=$(date +%s.%N)
  DOWN=$(curl -s -o /dev/null -D "$RUN/down-headers" -w '%{http_code} %{time_total}' "$URL/recherche?q=panne+$RANDOM")
  RETRY_AFTER=$(grep -ci '^retry-after:' "$RUN/down-headers" || true)
  pg_start
  up=$(date +%s.%N)
  RECOVERY=""
  for _ in $(seq 1 100); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/recherche?q=retour+$RANDOM")" = 200 ]; then
      RECOVERY=$(python3 -c "import sys; print(f'{float(sys.argv[1]) - float(sys.argv[2]):.2f}')" "$(date +%s.%N)" "$up"); break
    fi
    sleep 0.1
  done
  wait "$WRK_PID" || true
  OTHER_5XX=$(awk '$1 == "status" && $2 >= 500 && $2 != 503 {s+=$3} END {print s+0}' "$RUN/pg-restart.txt")
  detail="while down: $DOWN s (Retry-After: $RETRY_AFTER), back to 200 in ${RECOVERY:-never} s after the restart, 503 under load: $(status_count 503 "$RUN/pg-restart.txt"), other 5xx: $OTHER_5XX, $(awk '$1 == "socket-errors"' "$RUN/pg-restart.txt")"
  ok=1
  if [ "${DOWN%% *}" = 503 ] && [ "$RETRY_AFTER" -ge 1 ] && [ "$OTHER_5XX" = 0 ] && [ -n "$RECOVERY" ] \
     && python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= 5 and float(sys.argv[2]) < 5 else 1)" "$RECOVERY" "${DOWN#* }"; then ok=0; fi
  result pg-restart $ok "$detail"
fi

# ---------------------------------------------------------------- kill-publish
if [ -z "$ONLY" ] || [ "$ONLY" = kill-publish ]; then
  log "kill-publish: publishing through the API while the instance is killed"
  API_TOKEN=$(cd "$OUT/kiosque" && env Kiosque__DataPath="$DATA" Kiosque__DemoContent=true "${DB_ENV[@]+"${DB_ENV[@]}"}" \
    dotnet Kiosque.dll tokens create --name faults --role editor 2>> "$RUN/kiosque.log" | tail -n 1)
  SECTION=$(cut -d/ -f2 <<< "$ARTICLE")
  SLUG_STAMP=$(tr 'A-Z' 'a-z' <<< "$STAMP")
  : > "$RUN/acknowledged"
  (
    for i in $(seq 1 100000); do
      code=$(curl -s -o "$RUN/created.json" -w '%{http_code}' -m 10 -H "Authorization: Bearer $API_TOKEN" -H 'Content-Type: application/json' \
        -d "{\"section\":\"$SECTION\",\"headline\":\"Dépêche $STAMP $i\",\"slug\":\"depeche-$SLUG_STAMP-$i\",\"status\":\"published\"}" \
        "$URL/api/v1/articles" || true)
      if [ "$code" = 201 ]; then python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$RUN/created.json" >> "$RUN/acknowledged"; fi
    done
  ) &
  WRITER=$!
  PIDS+=("$WRITER")
  # Kill it in full flight: once some writes are acknowledged (or after 20 s), whatever it is doing then.
  for _ in $(seq 1 200); do [ "$(wc -l < "$RUN/acknowledged")" -ge 20 ] && break; sleep 0.1; done
  kill -KILL "$KIOSQUE_PID"
  sleep 1
  kill -TERM "$WRITER" 2>/dev/null || true
  wait "$WRITER" 2>/dev/null || true
  start_kiosque
  ACKED=$(wc -l < "$RUN/acknowledged")
  LOST=0
  while read -r id; do
    status=$(curl -s "$URL/api/v1/articles/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("status",""))' 2>/dev/null || true)
    [ "$status" = published ] || LOST=$((LOST + 1))
  done < "$RUN/acknowledged"
  ok=1; [ "$ACKED" -gt 0 ] && [ "$LOST" = 0 ] && ok=0
  result kill-publish $ok "articles acknowledged before the kill: $ACKED, missing or unpublished after the restart: $LOST"
fi

log "raw output in $RUN"
exit "$FAILED"
