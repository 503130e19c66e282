-- wrk script for a steady rate: each connection waits WRK_DELAY_MS (default 10) between requests, so the load is
-- about connections x 1000 / (delay + latency) requests a second, whatever the machine could take at most.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "10")

function delay()
  return delay_ms
end
