#!/usr/bin/env bash
# bench/run.sh — Kiosque's HTTP benchmark in one command (Debian; see bench/README.md).
#
# Builds Kiosque in Release into bench/out/, generates N articles in a fresh data folder, starts Kiosque on a
# free loopback port (demo content off) and measures with wrk: the article page, home, a section page, RSS,
# search and an article with 500 comments, once with Kiosque__OutputCache__Enabled=false and once with =true (and,
# uncached only, the "À lire aussi" suggestions API, the search API and posting a comment). In the same run it measures nginx
# serving the same article's HTML as a static file (the machine's limit) and, when they are set up, the
# WordPress and Ghost anchors of ../shared/anchors, one at a time. Appends a dated block to bench/RESULTS.md.
#
#   bench/run.sh [--articles 1000|100000] [--postgres] [--with-anchors] [--seed-via db|api]
#                [--threads 2] [--connections 32] [--duration 10s] [--warmup 3s]
#                [--note "noisy machine: …"] [--no-record] [--keep-data] [--skip-anchors]
#
# Every process it starts is stopped by its pid on exit. Targets are loopback only; wrk runs are bounded.
set -euo pipefail

ARTICLES=1000 POSTGRES=0 WITH_ANCHORS=0 SKIP_ANCHORS=0 SEED_VIA=db
THREADS=2 CONNECTIONS=32 DURATION=10s WARMUP=3s NOTE="" RECORD=1 KEEP_DATA=0
while [ $# -gt 0 ]; do
  case "$1" in
    --articles) ARTICLES=$2; shift 2 ;;
    --postgres) POSTGRES=1; shift ;;
    --with-anchors) WITH_ANCHORS=1; shift ;;
    --skip-anchors) SKIP_ANCHORS=1; shift ;;
    --seed-via) SEED_VIA=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --note) NOTE=$2; shift 2 ;;
    --no-record) RECORD=0; shift ;;
    --keep-data) KEEP_DATA=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$ARTICLES" =~ ^[0-9]+$ && "$ARTICLES" -ge 1 && "$ARTICLES" -le 1000000 ]] || { echo "--articles: 1 to 1000000" >&2; exit 2; }
[[ "$SEED_VIA" == db || "$SEED_VIA" == api ]] || { echo "--seed-via: db or api" >&2; exit 2; }
[[ "$THREADS" =~ ^[0-9]+$ && "$CONNECTIONS" =~ ^[0-9]+$ && "$CONNECTIONS" -le 1024 ]] || { echo "bad --threads/--connections" >&2; exit 2; }
# Bounded durations only: wrk's s/m suffixes, at most 5 minutes per run.
duration_ok() { [[ "$1" =~ ^[0-9]+s$ && ${1%s} -le 300 ]] || [[ "$1" =~ ^[1-5]m$ ]]; }
duration_ok "$DURATION" && duration_ok "$WARMUP" || { echo "--duration/--warmup: like 10s, at most 5m" >&2; exit 2; }

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT=$BENCH/out
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN=$OUT/runs/$STAMP                       # raw wrk output, logs, the static copy for nginx
DATA=/var/tmp/kiosque-bench-$STAMP         # Kiosque's data folder: database and media
ANCHORS=${KIOSQUE_ANCHORS:-$ROOT/../shared/anchors}
[ -d "$ANCHORS" ] || ANCHORS=/work/shared/anchors
mkdir -p "$RUN"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- clean-up: only what this script started
PIDS=()            # processes started here (Kiosque, nginx)
PG_DIR=""          # throw-away PostgreSQL cluster
ANCHOR_STOP=""     # the anchor's stop.sh when this script started it
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  done
  if [ -n "$ANCHOR_STOP" ]; then "$ANCHOR_STOP" >/dev/null 2>&1 || true; fi
  if [ -n "$PG_DIR" ]; then as_postgres pg_ctl -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$PG_DIR"; fi
  if [ "$KEEP_DATA" = 0 ]; then rm -rf "$DATA"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop_pid() { # stop_pid PID: TERM, wait up to 10 s, then KILL; forget it
  local pid=$1 keep=() p
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in "${PIDS[@]}"; do [ "$p" = "$pid" ] || keep+=("$p"); done
  PIDS=("${keep[@]+"${keep[@]}"}")
}

loopback_only() {
  case "$1" in
    http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
    *) die "refusing non-loopback target $1" ;;
  esac
}

free_port() { # a loopback port nothing listens on
  local port
  for _ in $(seq 1 100); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  die "no free port found"
}

# ---------------------------------------------------------------- tools
apt_install() { # apt_install PACKAGE...: only as root; keeps package scripts from starting services
  [ "$(id -u)" = 0 ] || return 1
  local guard=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; guard=1
  fi
  log "apt-get install $*"
  local rc=0
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } >&2 || rc=$?
  [ -z "$guard" ] || rm -f /usr/sbin/policy-rc.d
  return $rc
}
command -v curl >/dev/null || apt_install curl || die "curl is missing"
command -v wrk >/dev/null || apt_install wrk || die "wrk is missing (apt-get install wrk, as root)"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$NGINX" ]; then apt_install nginx-light || apt_install nginx || true; fi
[ -x "$NGINX" ] || NGINX=""
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is missing"

# ---------------------------------------------------------------- build
log "building Kiosque (Release) and the data generator into $OUT"
t0=$(date +%s)
dotnet publish "$ROOT/src/Kiosque/Kiosque.csproj" -c Release -r linux-x64 --self-contained false -o "$OUT/kiosque" --nologo -v q > "$RUN/build.log" 2>&1 \
  || { tail -30 "$RUN/build.log" >&2; die "build failed"; }
dotnet build "$BENCH/Kiosque.Bench.Seed/Kiosque.Bench.Seed.csproj" -c Release -o "$OUT/seed" --nologo -v q >> "$RUN/build.log" 2>&1 \
  || { tail -30 "$RUN/build.log" >&2; die "build of the generator failed"; }
log "built in $(( $(date +%s) - t0 )) s"
KIOSQUE_DLL=$OUT/kiosque/Kiosque.dll
# The switch is passed either way; say honestly whether this build knows it.
if grep -qa "OutputCach" "$KIOSQUE_DLL"; then CACHE_SWITCH=present; else CACHE_SWITCH=absent; fi

# ---------------------------------------------------------------- PostgreSQL (optional)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
DB_LABEL=SQLite
KIOSQUE_DB_ENV=()
if [ "$POSTGRES" = 1 ]; then
  PG_BIN=$(command -v initdb || ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -1 || true)
  if [ -z "$PG_BIN" ]; then apt_install postgresql || die "PostgreSQL is missing"; PG_BIN=$(ls -d /usr/lib/postgresql/*/bin/initdb | tail -1); fi
  PG_BIN=$(dirname "$PG_BIN")
  PG_DIR=$(mktemp -d /var/tmp/kiosque-bench-pg.XXXXXX)
  [ "$(id -u)" != 0 ] || chown postgres "$PG_DIR"
  PG_PORT=$(free_port)
  log "starting a throw-away PostgreSQL on 127.0.0.1:$PG_PORT ($PG_DIR)"
  as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > "$RUN/pg-initdb.log" 2>&1
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
    -o "-p $PG_PORT -h 127.0.0.1 -k $PG_DIR -c max_connections=200 -c shared_buffers=128MB" start > "$RUN/pg-start.log" 2>&1
  PG_CONN="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=kiosque_bench"
  KIOSQUE_DB_ENV=(Kiosque__Database__Provider=postgres "ConnectionStrings__Kiosque=$PG_CONN")
  DB_LABEL=PostgreSQL
fi

# ---------------------------------------------------------------- Kiosque
KIOSQUE_PID="" KIOSQUE_URL="" FIRST_200_MS=""
start_kiosque() { # start_kiosque CACHED(true|false) [PROBE_PATH]: starts, waits for the first 200 on the probe
  local cached=$1 probe=${2:-/healthz} port t0 code
  port=$(free_port)
  KIOSQUE_URL="http://127.0.0.1:$port"
  loopback_only "$KIOSQUE_URL"
  t0=$(date +%s%N)
  # cd: the content root (wwwroot, appsettings.json) is the working directory.
  (cd "$OUT/kiosque" && exec env Kiosque__DataPath="$DATA" Kiosque__DemoContent=false \
     Kiosque__OutputCache__Enabled="$cached" ASPNETCORE_ENVIRONMENT=Production "${KIOSQUE_DB_ENV[@]}" \
     Kiosque__Comments__MinSecondsToSubmit=0 Kiosque__Comments__PerIpLimit=100000000 Kiosque__Comments__PerEmailLimit=100000000 \
     dotnet "$KIOSQUE_DLL" --urls "$KIOSQUE_URL") >> "$RUN/kiosque.log" 2>&1 &
  KIOSQUE_PID=$!
  PIDS+=("$KIOSQUE_PID")
  for _ in $(seq 1 1500); do
    kill -0 "$KIOSQUE_PID" 2>/dev/null || { tail -20 "$RUN/kiosque.log" >&2; die "Kiosque exited during start"; }
    code=$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$KIOSQUE_URL$probe" || true)
    if [ "$code" = 200 ]; then FIRST_200_MS=$(( ($(date +%s%N) - t0) / 1000000 )); return 0; fi
    sleep 0.02
  done
  die "Kiosque gave no 200 on $probe within 30 s"
}
peak_rss_mb() { awk '/^VmHWM/{printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

# ---------------------------------------------------------------- data
log "generating $ARTICLES articles ($DB_LABEL, via $SEED_VIA) in $DATA"
rm -rf "$DATA"; mkdir -p "$DATA"
t0=$(date +%s%N)
if [ "$SEED_VIA" = db ]; then
  seed_args=(db --data "$DATA" --articles "$ARTICLES")
  [ "$POSTGRES" = 0 ] || seed_args+=(--postgres "$PG_CONN")
  dotnet "$OUT/seed/Kiosque.Bench.Seed.dll" "${seed_args[@]}" > "$RUN/seed.out" 2> "$RUN/seed.log" \
    || { tail -20 "$RUN/seed.log" >&2; die "data generation failed"; }
else
  # The realistic path: a token from the CLI, then POST /api/v1/media and /api/v1/articles.
  TOKEN=$(cd "$OUT/kiosque" && env Kiosque__DataPath="$DATA" Kiosque__DemoContent=false "${KIOSQUE_DB_ENV[@]}" \
    dotnet "$KIOSQUE_DLL" tokens create --name bench --role admin 2>> "$RUN/seed.log" | tail -n 1)
  start_kiosque false
  dotnet "$OUT/seed/Kiosque.Bench.Seed.dll" api --url "$KIOSQUE_URL" --token "$TOKEN" --articles "$ARTICLES" \
    > "$RUN/seed.out" 2> "$RUN/seed.log" || { tail -20 "$RUN/seed.log" >&2; die "data generation through the API failed"; }
  stop_pid "$KIOSQUE_PID"
fi
SEED_S=$(awk -v ns="$(( $(date +%s%N) - t0 ))" 'BEGIN{printf "%.1f", ns/1e9}')
ARTICLE_PATH=$(tail -n 1 "$RUN/seed.out")
[[ "$ARTICLE_PATH" == /* ]] || die "the generator printed no article path"
log "$(head -n 1 "$RUN/seed.out") — wall time with start-up ${SEED_S} s; the article: $ARTICLE_PATH"
SECTION_PATH=${ARTICLE_PATH%/*}      # /international/slug → /international
# The db generator also makes an article with 500 approved comments, and says the reference article's id.
DEBATE_PATH=$(awk '/^debate: /{print $2}' "$RUN/seed.out")
REFERENCE_ID=$(awk '/^reference-id: /{print $2}' "$RUN/seed.out")
EDITOR_TOKEN=""
if [ -n "$REFERENCE_ID" ]; then
  EDITOR_TOKEN=$(cd "$OUT/kiosque" && env Kiosque__DataPath="$DATA" Kiosque__DemoContent=false "${KIOSQUE_DB_ENV[@]}" \
    dotnet "$KIOSQUE_DLL" tokens create --name bench-editor --role editor 2>> "$RUN/seed.log" | tail -n 1)
fi

# shellcheck source=bench/comment-form.sh
. "$BENCH/comment-form.sh"

# ---------------------------------------------------------------- measuring
ROWS=()           # "system|target|mode|status|rps|p50|p99|non2xx|sockerr|url"
NOTES=()
BEFORE="loadavg $(cut -d' ' -f1-3 /proc/loadavg)"

# measure SYSTEM TARGET MODE URL [--header "Name: value"] [--script FILE.lua]: a plain 200 first (anything else
# is reported, never timed; a script's POSTs are checked by wrk's own error count instead), warm-up, then wrk.
measure() {
  local system=$1 target=$2 mode=$3 url=$4 code f rps p50 p99 non2xx sockerr
  local curl_args=() wrk_args=() script=""
  shift 4
  while [ $# -gt 0 ]; do
    case "$1" in
      --header) curl_args+=(-H "$2"); wrk_args+=(-H "$2"); shift 2 ;;
      --script) script=$2; wrk_args+=(-s "$2"); shift 2 ;;
    esac
  done
  loopback_only "$url"
  code=200
  [ -n "$script" ] || code=$(curl -s -o /dev/null --max-time 30 -w '%{http_code}' "${curl_args[@]}" "$url" || echo 000)
  if [ "$code" != 200 ]; then
    log "$system $target ($mode): $url answered $code — skipped, not timed"
    ROWS+=("$system|$target|$mode|$code|–|–|–|–|–|$url")
    return 0
  fi
  f="$RUN/wrk-$system-$target-$mode.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "${wrk_args[@]}" "$url" > "$f.warmup" 2>&1 || true
  log "$system $target ($mode): wrk -t$THREADS -c$CONNECTIONS -d$DURATION ${wrk_args[*]} $url"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "${wrk_args[@]}" "$url" > "$f" 2>&1 || true
  rps=$(awk '/^Requests\/sec/{print $2}' "$f")
  p50=$(awk '$1=="50%"{print $2; exit}' "$f")
  p99=$(awk '$1=="99%"{print $2; exit}' "$f")
  non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/{print $2}' "$f"); non2xx=${non2xx:-0}
  sockerr=$(awk '/Socket errors/{gsub(",","");print $4+$6+$8+$10}' "$f"); sockerr=${sockerr:-0}
  ROWS+=("$system|$target|$mode|200|${rps:-?}|${p50:-?}|${p99:-?}|$non2xx|$sockerr|$url")
}

declare -A RSS_MB FIRST_MS
for cached in false true; do
  mode=$([ "$cached" = true ] && echo cached || echo uncached)
  log "Kiosque, Kiosque__OutputCache__Enabled=$cached"
  start_kiosque "$cached" "$ARTICLE_PATH"
  FIRST_MS[$mode]=$FIRST_200_MS
  measure kiosque article "$mode" "$KIOSQUE_URL$ARTICLE_PATH"
  measure kiosque home "$mode" "$KIOSQUE_URL/"
  measure kiosque section "$mode" "$KIOSQUE_URL$SECTION_PATH"
  measure kiosque rss "$mode" "$KIOSQUE_URL/rss.xml"
  measure kiosque search "$mode" "$KIOSQUE_URL/recherche?q=ports"
  [ -z "$DEBATE_PATH" ] || measure kiosque comments500 "$mode" "$KIOSQUE_URL$DEBATE_PATH"
  if [ "$cached" = false ]; then
    [ -z "$EDITOR_TOKEN" ] || measure kiosque related api "$KIOSQUE_URL/api/v1/articles/$REFERENCE_ID/suggestions" --header "Authorization: Bearer $EDITOR_TOKEN"
    measure kiosque search-api api "$KIOSQUE_URL/api/v1/search?q=ministre+budget"
    # Posting a comment as the form does (bench/faults.lua, writes only): a fresh reader and text each time.
    debate_id=$(curl -s "$KIOSQUE_URL$DEBATE_PATH" | grep -o 'name="ArticleId" value="[0-9]*"' | grep -o '[0-9]*' | head -n 1 || true)
    if [ -n "$DEBATE_PATH" ] && [ -n "$debate_id" ] && comment_form "$KIOSQUE_URL" "$debate_id" "$RUN/cookies.txt"; then
      FAULTS_WRITE_PCT=100 FAULTS_SEARCH_PCT=0 FAULTS_MARKER="bench$STAMP" FAULTS_FORM="$COMMENT_FORM" FAULTS_COOKIE="$COMMENT_COOKIE" \
        measure kiosque comment-post post "$KIOSQUE_URL/commentaires" --script "$BENCH/faults.lua"
    else
      NOTES+=("comment-post: the comment form or its anti-forgery token was not found, not timed")
    fi
  fi
  RSS_MB[$mode]=$(peak_rss_mb "$KIOSQUE_PID")
  if [ "$cached" = false ]; then
    curl -s --max-time 30 -o "$RUN/article.html" "$KIOSQUE_URL$ARTICLE_PATH"
  fi
  stop_pid "$KIOSQUE_PID"
done

# nginx: the same article's HTML from disk — the most this machine serves over loopback.
if [ -n "$NGINX" ]; then
  NGINX_DIR=$OUT/nginx; mkdir -p "$NGINX_DIR/www" "$NGINX_DIR/tmp"
  cp "$RUN/article.html" "$NGINX_DIR/www/article.html"
  NGINX_PORT=$(free_port)
  cat > "$NGINX_DIR/nginx.conf" <<EOF
# Written by bench/run.sh: serves the article's saved HTML on loopback only.
daemon off;
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $NGINX_DIR/tmp/body;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGINX_DIR/www;
    default_type text/html;
  }
}
EOF
  "$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" > "$RUN/nginx.log" 2>&1 &
  NGINX_PID=$!
  PIDS+=("$NGINX_PID")
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/article.html" && break; sleep 0.1; done
  measure nginx article static "http://127.0.0.1:$NGINX_PORT/article.html"
  stop_pid "$NGINX_PID"
else
  NOTES+=("nginx: not installed and could not be installed (not root?), so no machine-limit figure in this run")
fi

# ---------------------------------------------------------------- anchors, one at a time
WP_DIR=/var/tmp/kiosque-anchors/wordpress
GHOST_DIR=/var/tmp/kiosque-anchors/ghost
run_wordpress() {
  local s=$ANCHORS/wordpress base=http://127.0.0.1:8081 was_up=0 art
  if [ ! -f "$WP_DIR/article-url.txt" ] || [ ! -f "$WP_DIR/conf/my.cnf" ]; then
    if [ "$WITH_ANCHORS" = 1 ]; then
      log "WordPress anchor: setup.sh + seed.sh (slow, asked for with --with-anchors)"
      (cd "$s" && ./setup.sh && ./seed.sh) > "$RUN/wordpress-setup.log" 2>&1 || { NOTES+=("WordPress: setup failed, see $RUN/wordpress-setup.log"); return 0; }
      "$s/stop.sh" >/dev/null 2>&1 || true
    else
      NOTES+=("WordPress: skipped, not set up ($WP_DIR/article-url.txt missing; run with --with-anchors to set it up)"); return 0
    fi
  fi
  [ -s "$WP_DIR/run/nginx.pid" ] && kill -0 "$(cat "$WP_DIR/run/nginx.pid")" 2>/dev/null && was_up=1
  "$s/start.sh" > "$RUN/wordpress-start.log" 2>&1 || { NOTES+=("WordPress: start.sh failed, skipped"); return 0; }
  [ "$was_up" = 1 ] || ANCHOR_STOP=$s/stop.sh
  if ! "$s/verify.sh" > "$RUN/wordpress-verify.log" 2>&1; then
    NOTES+=("WordPress: verify.sh failed, skipped (see $RUN/wordpress-verify.log)")
  else
    art=$("$s/article-url.sh")
    measure wordpress article nocache "$art"
    measure wordpress home nocache "$base/"
    measure wordpress section nocache "$base/category/international/"
    measure wordpress rss nocache "$base/feed/"
    measure wordpress search nocache "$base/?s=ports"
  fi
  if [ "$was_up" = 0 ]; then "$s/stop.sh" > /dev/null 2>&1 || true; ANCHOR_STOP=""; fi
}
run_ghost() {
  local s=$ANCHORS/ghost base=http://127.0.0.1:2368 was_up=0 art
  if [ ! -f "$GHOST_DIR/instance/special-post-url.txt" ]; then
    if [ "$WITH_ANCHORS" = 1 ]; then
      log "Ghost anchor: setup.sh + start.sh + seed.js (slow, asked for with --with-anchors)"
      (cd "$s" && bash setup.sh && ./start.sh && node seed.js && ./stop.sh) > "$RUN/ghost-setup.log" 2>&1 \
        || { NOTES+=("Ghost: setup failed, see $RUN/ghost-setup.log"); "$s/stop.sh" >/dev/null 2>&1 || true; return 0; }
    else
      NOTES+=("Ghost: skipped, not set up ($GHOST_DIR/instance/special-post-url.txt missing; run with --with-anchors to set it up)"); return 0
    fi
  fi
  [ -s "$GHOST_DIR/instance/ghost.pid" ] && kill -0 "$(cat "$GHOST_DIR/instance/ghost.pid")" 2>/dev/null && was_up=1
  "$s/start.sh" > "$RUN/ghost-start.log" 2>&1 || { NOTES+=("Ghost: start.sh failed, skipped"); return 0; }
  [ "$was_up" = 1 ] || ANCHOR_STOP=$s/stop.sh
  if ! "$s/verify.sh" > "$RUN/ghost-verify.log" 2>&1; then
    NOTES+=("Ghost: verify.sh failed, skipped (see $RUN/ghost-verify.log)")
  else
    art=$("$s/article-url.sh")
    measure ghost article nocache "$art"
    measure ghost home nocache "$base/"
    measure ghost section nocache "$base/tag/international/"
    measure ghost rss nocache "$base/rss/"
    NOTES+=("Ghost: no search row — Ghost searches in the browser, it has no server-side search page")
  fi
  if [ "$was_up" = 0 ]; then "$s/stop.sh" > /dev/null 2>&1 || true; ANCHOR_STOP=""; fi
}
if [ "$SKIP_ANCHORS" = 1 ]; then
  NOTES+=("WordPress and Ghost: skipped (--skip-anchors)")
elif [ ! -d "$ANCHORS" ]; then
  NOTES+=("WordPress and Ghost: skipped, no anchors folder ($ANCHORS)")
else
  run_wordpress
  run_ghost
fi

# ---------------------------------------------------------------- report
rps_of() { # rps_of SYSTEM TARGET MODE → req/s or empty
  local r
  for r in "${ROWS[@]}"; do IFS='|' read -r sy ta mo st rp _ <<<"$r"
    if [ "$sy|$ta|$mo" = "$1|$2|$3" ] && [ "$st" = 200 ]; then echo "$rp"; return; fi
  done
}
ratio() { # ratio A B → "A/B" as "12.3×" or "45 %"
  [ -n "$1" ] && [ -n "$2" ] && [ "$1" != "?" ] && [ "$2" != "?" ] || { echo "–"; return; }
  awk -v a="$1" -v b="$2" 'BEGIN{ if (b<=0) {print "–"} else if (a/b >= 2) printf "%.1f×", a/b;
    else if (a/b >= 0.1) printf "%.0f %%", 100*a/b; else printf "%.2f %%", 100*a/b }'
}
NGINX_RPS=$(rps_of nginx article static)
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
git -C "$ROOT" diff --quiet HEAD 2>/dev/null || commit="$commit (+ uncommitted changes)"
block=$(
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — $ARTICLES articles on $DB_LABEL"
  echo
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB RAM, kernel $(uname -r), dotnet $(dotnet --version), commit $commit"
  echo "- load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency (warm-up $WARMUP per target), loopback; $BEFORE before the run, loadavg $(cut -d' ' -f1-3 /proc/loadavg) after"
  [ -z "$NOTE" ] || echo "- note: $NOTE"
  echo "- data: $ARTICLES articles generated via $SEED_VIA in ${SEED_S} s wall time ($(head -n 1 "$RUN/seed.out"))"
  echo "- Kiosque: first 200 on the article ${FIRST_MS[uncached]} ms after start (uncached run), ${FIRST_MS[cached]} ms (cached run); peak RSS (VmHWM) ${RSS_MB[uncached]} MB uncached, ${RSS_MB[cached]} MB cached"
  if [ "$CACHE_SWITCH" = absent ]; then
    echo "- cache: \`Kiosque__OutputCache__Enabled\` is not implemented in this build; the \"cached\" rows ran the same uncached code with the setting passed"
  fi
  for n in "${NOTES[@]+"${NOTES[@]}"}"; do echo "- $n"; done
  echo
  echo "| system | target | mode | status | req/s | p50 | p99 | non-2xx | socket errors | vs nginx | vs WordPress | vs Ghost |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  for r in "${ROWS[@]}"; do
    IFS='|' read -r sy ta mo st rp p5 p9 nx se _ <<<"$r"
    vs_n="–" vs_w="–" vs_g="–"
    if [ "$st" = 200 ]; then
      [ "$sy" = nginx ] || vs_n=$(ratio "$rp" "$NGINX_RPS")
      [ "$sy" = wordpress ] || vs_w=$(ratio "$rp" "$(rps_of wordpress "$ta" nocache)")
      [ "$sy" = ghost ] || vs_g=$(ratio "$rp" "$(rps_of ghost "$ta" nocache)")
    fi
    echo "| $sy | $ta | $mo | $st | $rp | $p5 | $p9 | $nx | $se | $vs_n | $vs_w | $vs_g |"
  done
  echo
  echo "Raw wrk output: \`bench/out/runs/$STAMP/\` (not committed). Ratios compare this run's figures only."
)
echo "$block"
if [ "$RECORD" = 1 ]; then
  [ -f "$BENCH/RESULTS.md" ] || printf '# Benchmark results\n\nAppended by bench/run.sh and bench/bench-dotnet.sh; see bench/README.md for what each figure means.\n' > "$BENCH/RESULTS.md"
  echo "$block" >> "$BENCH/RESULTS.md"
  log "appended to bench/RESULTS.md"
fi
