#!/usr/bin/env bash
# Latency of one page of the source list on the emulator, with 10,000 seeded sources.
#
#   bench/emulator/list-sources.sh [requests]      (default 2000 per scenario)
#
# Needs: the .NET SDK and curl (Debian/Ubuntu: `sudo apt-get install curl`). Only 127.0.0.1 is contacted.
# It builds the emulator in Release if needed, starts it on a free port, seeds 10,000 sources,
# then times GET /v1/users/me/sources?limit=100 (first page, and a page in the middle via an
# after cursor) over one kept-alive connection, and stops the emulator.
#
# "client" times are curl's time_total per request (request sent to last byte received);
# "server" times are the emulator's own duration_ms from its request log.
set -euo pipefail

REQUESTS="${1:-2000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DLL="$ROOT/src/PSPipedream.Emulator/bin/Release/net10.0/PSPipedream.Emulator.dll"
KEY="benchkey000000000000000000000000"
WORK="$(mktemp -d)"
EMU_PID=""

cleanup() {
  if [[ -n "$EMU_PID" ]] && kill -0 "$EMU_PID" 2>/dev/null; then kill "$EMU_PID"; wait "$EMU_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v curl >/dev/null || { echo "curl is needed (apt-get install curl)" >&2; exit 1; }
if [[ ! -f "$DLL" ]]; then
  dotnet build "$ROOT/src/PSPipedream.Emulator" -c Release >/dev/null
fi

dotnet "$DLL" --urls http://127.0.0.1:0 --api-key "$KEY" >"$WORK/stdout" 2>"$WORK/stderr" &
EMU_PID=$!
for _ in $(seq 1 150); do
  grep -q '^Base URI: ' "$WORK/stdout" 2>/dev/null && break
  sleep 0.1
done
BASE="$(sed -n 's/^Base URI: //p' "$WORK/stdout")"
[[ "$BASE" == http://127.0.0.1:* ]] || { echo "emulator did not start:"; cat "$WORK/stderr"; exit 1; }
ROOT_URL="${BASE%/v1}"
echo "emulator: $BASE (pid $EMU_PID)"

curl -sf -X POST "$ROOT_URL/_emulator/seed" -H 'Content-Type: application/json' \
  -d '{"count": 10000, "name_prefix": "bench-"}' >/dev/null
echo "seeded 10000 sources"

# Walk 50 pages of 100 to find the cursor of the middle of the list.
after=""
for _ in $(seq 1 50); do
  page="$(curl -sf "$BASE/users/me/sources?limit=100${after:+&after=$after}" -H "Authorization: Bearer $KEY")"
  after="$(printf '%s' "$page" | grep -o '"end_cursor":"[^"]*"' | cut -d'"' -f4)"
done
echo "middle cursor: $after"

run() { # name url
  local name="$1" url="$2" cfg="$WORK/curl.cfg"
  : >"$cfg"
  for _ in $(seq 1 "$REQUESTS"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$cfg"; done
  # Warm-up, then clear the log so server times cover only the measured requests.
  curl -s -o /dev/null "$url" -H "Authorization: Bearer $KEY"
  curl -sf -X DELETE "$ROOT_URL/_emulator/requests"
  curl -s -K "$cfg" -H "Authorization: Bearer $KEY" -w '%{time_total}\n' >"$WORK/times"
  curl -sf "$ROOT_URL/_emulator/requests" | grep -o '"duration_ms":[0-9.eE+-]*' | cut -d: -f2 >"$WORK/server"
  stats "$name client" "$WORK/times" 1000
  stats "$name server" "$WORK/server" 1
}

stats() { # label file multiplier(to ms)
  sort -g "$2" | awk -v label="$1" -v mul="$3" '
    { v[NR] = $1 * mul; sum += $1 * mul }
    END {
      if (NR == 0) { printf "%-26s no samples\n", label; exit }
      p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
      printf "%-26s n=%d  mean=%.3f ms  p50=%.3f ms  p99=%.3f ms  max=%.3f ms\n", label, NR, sum / NR, p50, p99, v[NR]
    }'
}

run "first page (limit=100)" "$BASE/users/me/sources?limit=100"
run "middle page (after=...)" "$BASE/users/me/sources?limit=100&after=$after"
