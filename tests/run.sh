#!/usr/bin/env bash
# Runs every test of the product: unit, component (bunit), integration (real PostgreSQL) and
# browser tests (Playwright + Debian's Chromium). Installs what is missing, starts a throwaway
# PostgreSQL cluster of its own, and exits non-zero when any test fails or a project runs none.
# Usage: bash tests/run.sh            (all tests)
#        bash tests/run.sh --filter X (passed on to dotnet test)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
artifacts="$root/artifacts"
results="$artifacts/test-results"

log() { printf '\n== %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing_packages() {
  local need=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v pg_dump >/dev/null && command -v pg_restore >/dev/null || need+=(postgresql-client) # deploy/check-backup-restore.sh
  command -v chromium >/dev/null || need+=(chromium)
  command -v pdftotext >/dev/null || need+=(poppler-utils)
  command -v qpdf >/dev/null || need+=(qpdf)
  command -v npm >/dev/null || need+=(npm) # axe-core for the accessibility sweep
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx) # InstancePairTests: deploy/run-pair.sh
  [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
  [ -d /usr/share/fonts/truetype/liberation ] || need+=(fonts-liberation)
  [ -f /usr/share/zoneinfo/Europe/Berlin ] || need+=(tzdata)
  if [ ${#need[@]} -gt 0 ]; then
    log "Installing: ${need[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port for PostgreSQL" >&2; return 1
}

pg_bin="" pg_dir="" pg_as=()

stop_postgres() {
  [ -n "$pg_dir" ] || return 0
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}

start_postgres() {
  local port
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=$(free_port)
  pg_dir=$(mktemp -d /tmp/casemanagement-pg.XXXXXX)
  # PostgreSQL refuses to run as root: then the cluster belongs to the postgres user.
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pg_dir"; pg_as=(runuser -u postgres --); fi
  trap stop_postgres EXIT
  "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
  export CASEMANAGEMENT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

summarise() {
  local files passed=0 failed=0 total=0 projects=0 empty=()
  shopt -s nullglob
  files=("$results"/*.trx)
  for f in "${files[@]}"; do
    local counters t p fl
    counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
    t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    fl=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    projects=$((projects + 1)); total=$((total + ${t:-0})); passed=$((passed + ${p:-0})); failed=$((failed + ${fl:-0}))
    [ "${t:-0}" -gt 0 ] || empty+=("$(basename "$f")")
  done
  echo
  echo "Test projects run: $projects of $expected_projects"
  echo "Tests: $passed passed, $failed failed"
  if [ "$projects" -ne "$expected_projects" ] || [ ${#empty[@]} -gt 0 ] || [ "$total" -eq 0 ]; then
    echo "A test project did not run or ran no test: ${empty[*]:-(missing result files)}" >&2
    return 1
  fi
  [ "$failed" -eq 0 ]
}

install_missing_packages
start_postgres
export CASEMANAGEMENT_CHROMIUM="${CASEMANAGEMENT_CHROMIUM:-$(command -v chromium)}"
export CASEMANAGEMENT_ARTIFACTS="$artifacts"
rm -rf "$results"; mkdir -p "$results"

log "Building"
dotnet build CaseManagement.sln -nologo -v quiet

projects=(tests/*/*.Tests.csproj tests/*/*Tests.csproj)
mapfile -t projects < <(printf '%s\n' "${projects[@]}" | sort -u)
expected_projects=${#projects[@]}
status=0
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  log "Testing $name"
  dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" "$@" || status=1
done

summarise || status=1
exit $status
