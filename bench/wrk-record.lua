-- wrk script for the cutover benchmark (bench/run): records every request and prints a JSON summary.
--
-- Run with as many threads as connections (-tN -cN): each thread then drives one connection, so a thread's
-- request() and the response() that follows belong to the same request, and the time between them is that
-- request's latency. Times come from clock_gettime(CLOCK_REALTIME) through LuaJIT's ffi, the clock the benchmark
-- (and the immutable command's JSON) use too, so requests can be matched with the moment the router switched.
--
-- BENCH_WRK_OUT names the file that receives one line per request: start (µs since the epoch), latency (µs), HTTP
-- status, first line of the body. done() prints one line "BENCH_WRK_JSON {...}" with wrk's own summary: requests,
-- socket errors (connect, read, write, timeout), status errors, and wrk's latency percentiles.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]
local CLOCK_REALTIME = 0
local ts = ffi.new("bench_timespec")

local function now_us()
  ffi.C.clock_gettime(CLOCK_REALTIME, ts)
  return tonumber(ts.tv_sec) * 1000000 + math.floor(tonumber(ts.tv_nsec) / 1000)
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- per thread (each thread has its own Lua state); globals so that done() can read them with thread:get()
started_at = 0
count = 0
starts, latencies, statuses, bodies = {}, {}, {}, {}
local req = nil

function init(args)
  req = wrk.format()
end

function request()
  started_at = now_us()
  return req
end

function response(status, headers, body)
  local finished = now_us()
  count = count + 1
  starts[count] = started_at
  latencies[count] = finished - started_at
  statuses[count] = status
  bodies[count] = (body or ""):match("^[^\r\n]*")
end

local function json_string(s)
  return '"' .. tostring(s):gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function done(summary, latency, requests)
  local path = os.getenv("BENCH_WRK_OUT")
  local recorded = 0
  if path then
    local f = assert(io.open(path, "w"))
    for _, t in ipairs(threads) do
      local n = t:get("count")
      local s, l, st, b = t:get("starts"), t:get("latencies"), t:get("statuses"), t:get("bodies")
      for i = 1, n do
        f:write(string.format("%d\t%d\t%d\t%s\n", s[i], l[i], st[i], b[i]))
      end
      recorded = recorded + n
    end
    f:close()
  end
  local e = summary.errors
  io.write("BENCH_WRK_JSON ", string.format(
    '{"durationUs":%d,"requests":%d,"bytes":%d,"recorded":%d,'
      .. '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},'
      .. '"latencyUs":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},"threads":%d,"file":%s}',
    summary.duration, summary.requests, summary.bytes, recorded,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    #threads, json_string(path or "")), "\n")
end
