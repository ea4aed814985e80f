-- bench/faults.lua — wrk script for bench/faults.sh (a mix of page reads, searches and comment posts) and for
-- bench/run.sh's comment-post target (FAULTS_WRITE_PCT=100).
-- Environment: FAULTS_PATHS (space-separated page paths), FAULTS_WRITE_PCT, FAULTS_SEARCH_PCT,
-- FAULTS_FORM (url-encoded hidden fields of the comment form: ArticleId, Stamp, token), FAULTS_COOKIE, FAULTS_MARKER.
-- Prints per status counts and the comments acknowledged (302 back to the article) for the script to check.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  paths = {}
  for p in string.gmatch(os.getenv("FAULTS_PATHS") or "/", "%S+") do table.insert(paths, p) end
  write_pct = tonumber(os.getenv("FAULTS_WRITE_PCT") or "10")
  search_pct = tonumber(os.getenv("FAULTS_SEARCH_PCT") or "15")
  form = os.getenv("FAULTS_FORM") or ""
  cookie = os.getenv("FAULTS_COOKIE") or ""
  marker = os.getenv("FAULTS_MARKER") or "bench"
  statuses = {}
  acked = 0
  n = 0
  math.randomseed(os.time() + tid * 7919)
end

local words = { "budget", "climat", "rugby", "europe", "sardine", "ecole", "elections", "musique" }

function request()
  n = n + 1
  local r = math.random(100)
  if form ~= "" and r <= write_pct then
    local body = form .. "&Name=Lecteur+" .. tid .. "&Email=lecteur-" .. tid .. "-" .. n .. "%40example.org"
      -- The time too: a warm-up run before the timed one must not post the same texts (duplicates are refused).
      .. "&Body=" .. marker .. "-" .. os.time() .. "-" .. tid .. "-" .. n .. "+un+avis+de+lecteur&Website="
    return wrk.format("POST", "/commentaires",
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
  elseif r <= write_pct + search_pct then
    -- A different query most of the time: searches reach the database, not the cache.
    return wrk.format("GET", "/recherche?q=" .. words[math.random(#words)] .. "+" .. math.random(1000))
  end
  return wrk.format("GET", paths[math.random(#paths)])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status == 302 then
    local location = headers["Location"] or headers["location"] or ""
    if string.find(location, "commentaire=", 1, true) then acked = acked + 1 end
  end
end

function done(summary, latency, requests)
  local totals, total_acked = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do totals[status] = (totals[status] or 0) + count end
    total_acked = total_acked + thread:get("acked")
  end
  for status, count in pairs(totals) do io.write(string.format("status %d %d\n", status, count)) end
  io.write(string.format("acked %d\n", total_acked))
  io.write(string.format("socket-errors connect=%d read=%d write=%d timeout=%d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("p99-ms %.1f\n", latency:percentile(99) / 1000))
end
