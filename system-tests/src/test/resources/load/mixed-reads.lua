-- wrk script: a mixed read workload of GraphQL queries through the gateway, one of QUERIES per request in turn.
-- Counts answers that carry GraphQL errors (wrk itself only counts non-2xx), and prints p50/p95/p99 and the counts
-- as one line of JSON for the test to read.
local queries = {}
local i = 0
graphql_errors = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = io.open(args[1], "r")
  for line in file:lines() do
    if #line > 0 then table.insert(queries, line) end
  end
  file:close()
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  i = i % #queries + 1
  return wrk.format(nil, nil, nil, queries[i])
end

function response(status, headers, body)
  if string.find(body, '"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  for _, t in ipairs(threads) do
    errors = errors + t:get("graphql_errors")
  end
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.2f, "rps": %.1f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ' ..
    '"non2xx": %d, "socket_errors": %d, "graphql_errors": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    errors))
end
