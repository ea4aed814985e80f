#!/usr/bin/env bash
# bench/import.sh — times `Kiosque import wordpress` (Release build, SQLite, a fresh data folder each run) on generated
# WordPress exports of 1,000 and 10,000 posts (or the sizes given: bench/import.sh 10000 50000), with the peak RSS
# from /usr/bin/time -v. Equal peaks for different sizes show that memory stays flat (the file is streamed, written
# in batches). Appends a dated block to bench/RESULTS.md; --no-record prints it only. Goal: 10,000 posts in < 60 s.
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT=$BENCH/out
WORK=$(mktemp -d /var/tmp/kiosque-import-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
record=1
sizes=()
for arg in "$@"; do
  case "$arg" in
    --no-record) record=0 ;;
    ''|*[!0-9]*) echo "usage: bench/import.sh [--no-record] [POSTS …]" >&2; exit 2 ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (Debian package: time)" >&2; exit 1; }

dotnet publish "$ROOT/src/Kiosque/Kiosque.csproj" -c Release -r linux-x64 --self-contained false -o "$OUT/kiosque" --nologo -v q >&2

# A WXR 1.2 export like WordPress writes: one author, two categories, three tags, classic bodies of ~300 words with a
# [caption] shortcode and a bare YouTube line, two comments per post (one a reply), an old permalink each.
generate() {
  awk -v posts="$1" 'BEGIN {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    print "<rss version=\"2.0\" xmlns:excerpt=\"http://wordpress.org/export/1.2/excerpt/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:wp=\"http://wordpress.org/export/1.2/\">"
    print "<channel><title>Bench</title><link>https://bench.example.org</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://bench.example.org</wp:base_blog_url>"
    print "<wp:author><wp:author_login>redaction</wp:author_login><wp:author_email>redaction@bench.example.org</wp:author_email><wp:author_display_name><![CDATA[La Rédaction]]></wp:author_display_name></wp:author>"
    print "<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>monde</wp:category_nicename><wp:cat_name><![CDATA[Monde]]></wp:cat_name></wp:category>"
    print "<wp:category><wp:term_id>2</wp:term_id><wp:category_nicename>culture</wp:category_nicename><wp:cat_name><![CDATA[Culture]]></wp:cat_name></wp:category>"
    words = "Le conseil municipal a voté mardi soir le budget de l’année prochaine après un long débat sur les transports, les écoles et la rénovation des bâtiments publics."
    para = words " " words " " words
    for (i = 1; i <= posts; i++) {
      cat = (i % 2) ? "monde" : "culture"
      printf "<item><title>Article de banc numéro %d</title><link>https://bench.example.org/2024/%02d/%02d/article-%d/</link>", i, i % 12 + 1, i % 28 + 1, i
      printf "<dc:creator>redaction</dc:creator><guid isPermaLink=\"false\">https://bench.example.org/?p=%d</guid>", i
      printf "<content:encoded><![CDATA[%s\n\n%s\n\n[caption id=\"attachment_1\" width=\"640\"]<img src=\"https://bench.example.org/wp-content/uploads/photo-%d.jpg\" alt=\"Photo\"> La salle du conseil[/caption]\n\nhttps://www.youtube.com/watch?v=SQEQr7c0-dw\n\n<strong>%s</strong>\n%s\n\n%s]]></content:encoded>", para, para, i, words, words, para
      printf "<excerpt:encoded><![CDATA[Chapô de l’article %d]]></excerpt:encoded><wp:post_id>%d</wp:post_id>", i, i
      printf "<wp:post_date_gmt>2024-03-04 05:06:07</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>article-%d</wp:post_name>", i
      printf "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>0</wp:is_sticky>"
      printf "<category domain=\"category\" nicename=\"%s\"><![CDATA[%s]]></category>", cat, cat
      printf "<category domain=\"post_tag\" nicename=\"tag-%d\"><![CDATA[Tag %d]]></category>", i % 3, i % 3
      printf "<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author><![CDATA[Lecteur]]></wp:comment_author><wp:comment_author_email>l@example.org</wp:comment_author_email><wp:comment_date_gmt>2024-03-05 05:06:07</wp:comment_date_gmt><wp:comment_content><![CDATA[Merci pour cet article.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>", 2 * i
      printf "<wp:comment><wp:comment_id>%d</wp:comment_id><wp:comment_author><![CDATA[Autre]]></wp:comment_author><wp:comment_author_email>a@example.org</wp:comment_author_email><wp:comment_date_gmt>2024-03-05 06:06:07</wp:comment_date_gmt><wp:comment_content><![CDATA[Je ne suis pas d’accord.]]></wp:comment_content><wp:comment_approved>0</wp:comment_approved><wp:comment_parent>%d</wp:comment_parent></wp:comment>", 2 * i + 1, 2 * i
      print "</item>"
    }
    print "</channel></rss>"
  }'
}

rows=()
for n in "${sizes[@]}"; do
  generate "$n" > "$WORK/export-$n.xml"
  data="$WORK/data-$n"
  mkdir -p "$data"
  log="$WORK/time-$n.txt"
  Kiosque__DataPath="$data" Kiosque__DemoContent=false /usr/bin/time -v -o "$log" \
    dotnet "$OUT/kiosque/Kiosque.dll" import wordpress "$WORK/export-$n.xml" > "$WORK/out-$n.txt" 2> "$WORK/err-$n.txt" \
    || { cat "$WORK/err-$n.txt" >&2; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.1f", u + s}' "$log")
  size=$(du -m "$WORK/export-$n.xml" | cut -f1)
  rows+=("| $n | $size MB | $wall | $cpu s | $rss MB | $(tail -n 1 "$WORK/out-$n.txt" | sed 's/|/\\|/g') |")
  echo "$n posts: $wall wall, ${rss} MB peak RSS" >&2
done

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
git -C "$ROOT" diff --quiet HEAD 2>/dev/null || commit="$commit (+ uncommitted changes)"
block=$(
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — WordPress import (bench/import.sh)"
  echo
  echo "- machine: $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB RAM, kernel $(uname -r), dotnet $(dotnet --version), commit $commit; loadavg $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "- \`Kiosque import wordpress\`, Release, SQLite, fresh data folder; wall time and peak RSS from /usr/bin/time -v (the whole process: start-up and migrations included)"
  echo
  echo "| posts | export | wall | CPU (user+sys) | peak RSS | summary |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
)
echo "$block"
[ "$record" = 0 ] || echo "$block" >> "$BENCH/RESULTS.md"
