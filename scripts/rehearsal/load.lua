-- wrk script for the rehearsal: cycles through the paths in the file named by WRK_PATHS (one a line), sends the
-- site's Host (WRK_HOST), counts every answer that is not 2xx, and at the end prints one line the script reads:
--   requests=N failed=N non2xx=N socket_errors=N p50_ms=X p99_ms=X max_ms=X
-- WRK_DELAY_MS (default 0) makes each connection wait that long between requests: a steady rate, as a site's
-- visitors send, instead of as fast as the machine allows (which starves the instances being restarted of CPU).
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local host = os.getenv("WRK_HOST")
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter], { ["Host"] = host })
end

if delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx <= 5 then io.stderr:write("non-2xx: " .. status .. "\n") end
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + thread:get("non2xx")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format("requests=%d failed=%d non2xx=%d socket_errors=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, non2xx + socket, non2xx, socket,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
