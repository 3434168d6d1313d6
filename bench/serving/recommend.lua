-- wrk script for the serving benchmark: GET /v1/recommend for users drawn from a file, with a
-- seeded generator per thread; done() prints one machine-readable RESULT line.
-- Usage: wrk ... -s recommend.lua URL -- USERS_FILE SEED K
local users = {}
local k = 10
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then users[#users + 1] = line end
  end
  math.randomseed(tonumber(args[2] or "42") * 1000 + (id or 0))
  k = tonumber(args[3] or "10")
end

function request()
  return wrk.format("GET", "/v1/recommend?user=" .. users[math.random(#users)] .. "&k=" .. k)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
