-- wrk script: every request GETs a random path from the list file named after "--".
--   wrk -t2 -c10 -d10s --timeout 30s --latency -s bench/urls.lua http://127.0.0.1:PORT -- LIST
-- Each thread reads the whole list and draws from it with its own seed, so the threads do
-- not walk the list in step.
local paths = {}
local threads = 0

function setup(thread)
   threads = threads + 1
   thread:set("id", threads)
end

function init(args)
   for line in io.lines(args[1]) do
      if #line > 0 then paths[#paths + 1] = line end
   end
   math.randomseed(os.time() * 100 + (id or 0))
end

function request()
   return wrk.format("GET", paths[math.random(#paths)])
end
