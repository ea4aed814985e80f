# bench/comment-form.sh — sourced by bench/run.sh and bench/faults.sh: what a reader's browser sends with a comment.
#
#   comment_form BASE_URL ARTICLE_ID COOKIE_JAR
# reads the preview page of the article's comment form and sets COMMENT_FORM (the url-encoded hidden fields:
# ArticleId, Stamp, anti-forgery token) and COMMENT_COOKIE (the anti-forgery cookie as a Cookie header value), the
# environment bench/faults.lua posts with (FAULTS_FORM, FAULTS_COOKIE). Returns 1 when the form is not there.
urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

comment_form() {
  local base=$1 article=$2 jar=$3 preview token stamp
  command -v python3 > /dev/null || return 1   # for urlencode
  preview=$(curl -fsS -c "$jar" "$base/commentaires/apercu?article=$article") || return 1
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<< "$preview" | sed -E 's/.*value="([^"]*)"/\1/' | head -n 1 || true)
  [ -n "$token" ] || token=$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<< "$preview" | sed -E 's/.*value="([^"]*)"/\1/' | head -n 1 || true)
  stamp=$(grep -o 'name="Stamp" value="[^"]*"' <<< "$preview" | sed -E 's/.*value="([^"]*)"/\1/' | head -n 1 || true)
  [ -n "$token" ] && [ -n "$stamp" ] || return 1
  COMMENT_FORM="ArticleId=$article&Stamp=$(urlencode "$stamp")&__RequestVerificationToken=$(urlencode "$token")"
  # curl marks HttpOnly cookies (the anti-forgery one) with a "#HttpOnly_" prefix on the domain column.
  COMMENT_COOKIE=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}')
}
