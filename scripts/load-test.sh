#!/usr/bin/env bash
# Load test of the runtime companion: the sample shop (samples/ShopApp) with StateGuard in Enforce mode and its session
# in a real Redis, driven over real HTTP on loopback by concurrent virtual shoppers (tests/StateAnalyzers.LoadTest).
# Each shopper logs in, writes to the session cart and reads it back after every write, then logs out while two more
# cart writes race the sign-out, and checks that the session is gone (a replayed cookie seeing data is a resurrection). Prints requests, failures, lost session writes, req/s and latency percentiles; then checks Redis
# (no session record left after the sign-outs) and the app's log (one STATE003 event per sign-out, no error).
#
#   scripts/load-test.sh                       16 shoppers x 25 cart writes
#   CLIENTS=32 ITERATIONS=50 scripts/load-test.sh
#
# Loopback only, bounded in requests (CLIENTS x (2 x ITERATIONS + 6)) and time (TIME_LIMIT seconds). Exit status 0
# only when every check passes. Not part of test.sh (CI time); run it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

clients=${CLIENTS:-16}
iterations=${ITERATIONS:-25}
time_limit=${TIME_LIMIT:-300}
configuration=Release

if ! command -v redis-server >/dev/null 2>&1; then
  echo "load-test.sh: installing redis-server"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
fi

work=$(mktemp -d)
redis_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  for _ in $(seq 1 100); do
    port=$(( (RANDOM % 20000) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "load-test.sh: no free loopback port found" >&2
  return 1
}

echo "== build the sample shop and the load driver ($configuration)"
dotnet build samples/ShopApp -c "$configuration" -nologo -v:q >"$work/build-app.log" 2>&1 || { cat "$work/build-app.log"; exit 1; }
dotnet build tests/StateAnalyzers.LoadTest -c "$configuration" -nologo -v:q >"$work/build-driver.log" 2>&1 || { cat "$work/build-driver.log"; exit 1; }

redis_port=$(free_port)
echo "== redis-server on 127.0.0.1:$redis_port (no persistence)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
redis_pid=$!
for _ in $(seq 1 100); do
  redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null || { echo "load-test.sh: redis-server did not start"; cat "$work/redis.log"; exit 1; }

app_port=$(free_port)
instance="loadtest:"
echo "== sample shop on http://127.0.0.1:$app_port (StateGuard:Mode=Enforce, session in Redis)"
(
  cd samples/ShopApp
  exec dotnet "bin/$configuration/net10.0/ShopApp.dll" \
    --urls "http://127.0.0.1:$app_port" \
    --StateGuard:Mode=Enforce \
    --Redis:Configuration="127.0.0.1:$redis_port" \
    --Redis:InstanceName="$instance" \
    --Logging:LogLevel:Default=Warning \
    --Logging:LogLevel:StateAnalyzers.AspNetCore=Information
) >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 150); do
  curl -s -o /dev/null "http://127.0.0.1:$app_port/api/cart" && break
  kill -0 "$app_pid" 2>/dev/null || { echo "load-test.sh: the sample exited"; cat "$work/app.log"; exit 1; }
  sleep 0.2
done
curl -s -o /dev/null "http://127.0.0.1:$app_port/api/cart" || { echo "load-test.sh: the sample did not answer"; cat "$work/app.log"; exit 1; }

echo "== drive it"
status=0
dotnet "tests/StateAnalyzers.LoadTest/bin/$configuration/net10.0/StateAnalyzers.LoadTest.dll" \
  --url "http://127.0.0.1:$app_port" --clients "$clients" --iterations "$iterations" --time-limit "$time_limit" || status=$?

# Let the console logger flush the last events before counting them.
sleep 1
echo "== checks"
keys=$(redis-cli -h 127.0.0.1 -p "$redis_port" --scan --pattern "${instance}*" | grep -vc 'StateGuard.RevokedSession:' || true)
markers=$(redis-cli -h 127.0.0.1 -p "$redis_port" --scan --pattern "${instance}StateGuard.RevokedSession:*" | wc -l)
cleared=$(grep -c 'StateAnalyzers.AspNetCore.StateGuard\[1033\]' "$work/app.log" || true)
clear_failed=$(grep -c 'StateAnalyzers.AspNetCore.StateGuard\[1034\]' "$work/app.log" || true)
dropped_secrets=$(grep -c 'StateAnalyzers.AspNetCore.StateGuard\[1012\]' "$work/app.log" || true)
errors=$(grep -c '^fail:' "$work/app.log" || true)
echo "session records left in Redis:      $keys (expected 0: every sign-out removed its session, racing writes included)"
echo "revocation markers in Redis:        $markers (one per sign-out; they expire after the idle timeout)"
echo "STATE003 sessions cleared (1033):   $cleared (expected $((clients + 1)), one per sign-out, warm-up included)"
echo "STATE003 clear failures (1034):     $clear_failed (expected 0)"
echo "STATE001 secret cookies dropped (1012): $dropped_secrets (the sample's api_token cookie, once per login)"
echo "errors in the app's log:            $errors (expected 0)"
[ "$keys" -eq 0 ] || status=1
[ "$cleared" -eq $((clients + 1)) ] || status=1
[ "$clear_failed" -eq 0 ] || status=1
[ "$errors" -eq 0 ] || { status=1; grep -A5 '^fail:' "$work/app.log" | head -40; }

if [ "$status" -eq 0 ]; then
  echo "load-test.sh: PASS"
else
  echo "load-test.sh: FAIL"
fi
exit $status
