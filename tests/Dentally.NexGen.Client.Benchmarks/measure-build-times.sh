#!/usr/bin/env bash
# Times builds of the client (Release, net10.0, as .ci/check-codegen-incremental does): a build with
# nothing changed, where the NSwag step is skipped, against a build after `touch spec/openapi.yaml`,
# where it runs. Each kind runs $1 times (default 5); docs/performance.md quotes the output.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
project=src/Dentally.NexGen.Client/Dentally.NexGen.Client.csproj
marker="NexGen: generating the client"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

build_ms() {
  local start
  start=$(date +%s%N)
  dotnet build "$project" -c Release -f net10.0 --no-restore -v:n >"$log" 2>&1 || { cat "$log"; exit 1; }
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

# One build first, so every timed build starts from an up-to-date obj/.
build_ms >/dev/null

for kind in no-change spec-touched; do
  times=()
  for _ in $(seq "$runs"); do
    [ "$kind" = spec-touched ] && touch spec/openapi.yaml
    times+=("$(build_ms)")
    ran=no; grep -q "$marker" "$log" && ran=yes
    if { [ "$kind" = no-change ] && [ $ran = yes ]; } || { [ "$kind" = spec-touched ] && [ $ran = no ]; }; then
      echo "$kind build: NSwag ran=$ran, which is wrong" >&2; exit 1
    fi
  done
  sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$kind build (NSwag $([ "$kind" = no-change ] && echo skipped || echo ran)): median ${median} ms; runs (sorted): ${sorted}ms"
done
