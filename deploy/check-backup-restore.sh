#!/usr/bin/env bash
# Proves that a backup restores: dumps a database with deploy/backup.sh, restores the dump with
# deploy/restore.sh into a fresh throwaway PostgreSQL cluster (initdb on a free loopback port,
# removed afterwards), and compares the two databases:
#   - the row count of every table,
#   - every trigger (the audit log's append-only triggers above all) and whether it is enabled,
# and checks in the restored copy that every sequence is past its column's highest value and
# that the audit log still refuses a deletion.
# The source's counts are taken in the very snapshot that pg_dump dumps (pg_export_snapshot), so
# the check also holds while the application keeps writing.
#
# Usage: deploy/check-backup-restore.sh CONNINFO
#        deploy/check-backup-restore.sh --compare CONNINFO_A CONNINFO_B
#   CONNINFO  libpq connection string, URI or database name of the database to back up
#   --compare only compares two existing databases as above (no dump, no cluster)
# Environment: PG_BIN  folder of initdb/pg_ctl/postgres (default: the newest
#              /usr/lib/postgresql/*/bin, else pg_config --bindir)
# Exits 0 when everything matches, 1 on any difference, 2 when the check could not run.
# As root the throwaway cluster runs as the user postgres (PostgreSQL refuses to run as root).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

fail() { echo "check-backup-restore: $*" >&2; exit 2; }

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }

# One line per table, trigger and sequence: kind|name|value, sorted.
read -r -d '' inventory_sql <<'SQL' || true
SELECT 'rows' AS kind, n.nspname || '.' || c.relname AS name,
       (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text AS value
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
UNION ALL
SELECT 'trigger', n.nspname || '.' || c.relname || '.' || t.tgname, CASE t.tgenabled WHEN 'D' THEN 'disabled' ELSE 'enabled' END
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE NOT t.tgisinternal
ORDER BY 1, 2;
SQL

# Sequences are not transactional (a dump of a database in use may hold an older position than
# the source shows a moment later), so they are not compared: instead every sequence that
# feeds a column must, in the restored copy, be past that column's highest value.
read -r -d '' sequences_sql <<'SQL' || true
SELECT n.nspname || '.' || s.relname, tn.nspname || '.' || t.relname || '.' || a.attname,
       coalesce(ps.last_value, 0),
       (xpath('/row/m/text()', query_to_xml(format('SELECT coalesce(max(%I), 0) AS m FROM %I.%I', a.attname, tn.nspname, t.relname), false, true, '')))[1]::text::bigint
  FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
  JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
  JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
  LEFT JOIN pg_sequences ps ON ps.schemaname = n.nspname AND ps.sequencename = s.relname
 WHERE s.relkind = 'S'
 ORDER BY 1;
SQL

inventory() { psql -X -At -F '|' -v ON_ERROR_STOP=1 --no-password -d "$1" -c "$inventory_sql"; }

# Prints the differences and returns 1 when the inventories differ.
compare() {
  local a="$1" b="$2" tables rows triggers
  tables=$(grep -c '^rows|' "$a" || true)
  rows=$(awk -F'|' '$1 == "rows" { sum += $3 } END { print sum + 0 }' "$a")
  triggers=$(grep -c '^trigger|' "$a" || true)
  if ! diff -u --label source --label restored "$a" "$b"; then
    echo "DIFFERENT: the restored database does not match the source (lines above: - source, + restored)" >&2
    return 1
  fi
  echo "identical: $tables tables with $rows rows, $triggers triggers"
}

# Returns 1 when a sequence of the restored database would hand out a value its column already has.
check_sequences() {
  local count=0 behind=0 sequence column position highest
  while IFS='|' read -r sequence column position highest; do
    count=$((count + 1))
    if [ "$position" -lt "$highest" ]; then
      echo "DIFFERENT: sequence $sequence stands at $position, but $column already holds $highest" >&2
      behind=$((behind + 1))
    fi
  done < <(psql -X -At -F '|' -v ON_ERROR_STOP=1 --no-password -d "$1" -c "$sequences_sql")
  [ "$behind" -eq 0 ] || return 1
  echo "sequences: $count, each past its column's highest value"
}

work=$(mktemp -d /tmp/casemanagement-backup-check.XXXXXX)
pg_dir="" pg_as=() pg_bin="" snapshot_pid=""
cleanup() {
  local status=$?
  if [ -n "$pg_dir" ]; then
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
  if [ -n "$snapshot_pid" ]; then kill "$snapshot_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

if [ "${1:-}" = "--compare" ]; then
  [ $# -eq 3 ] || usage
  inventory "$2" >"$work/a" || fail "cannot read $2"
  inventory "$3" >"$work/b" || fail "cannot read $3"
  compare "$work/a" "$work/b"
  exit $?
fi
[ $# -eq 1 ] && [ "${1#-}" = "$1" ] || usage
source_db="$1"

# Below Linux's ephemeral range (32768-60999), where a client connection's local port or its
# TIME_WAIT could still block the listening socket.
free_port() {
  local port
  for port in $(seq "$1" 25632); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  fail "no free port for the throwaway cluster"
}

# 1. A snapshot of the source, held open by a psql session until the counts are taken.
coproc SNAPSHOT { psql -X -At -q -v ON_ERROR_STOP=1 --no-password -d "$source_db" 2>&1; }
snapshot_pid=$SNAPSHOT_PID
# Own copies of the pipes: bash unsets SNAPSHOT as soon as psql has ended.
exec {to_source}>&"${SNAPSHOT[1]}" {from_source}<&"${SNAPSHOT[0]}"
printf '%s\n' "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;" "SELECT pg_export_snapshot();" >&"$to_source"
IFS= read -r -t 60 snapshot <&"$from_source" || fail "the source database did not answer"
[[ "$snapshot" =~ ^[0-9A-Fa-f-]+$ ]] || fail "cannot open the source database: $snapshot"

# 2. The backup, made by the script operations use, in that snapshot.
dump=$(bash "$here/backup.sh" -d "$source_db" -o "$work/backups" -k 0 -- --snapshot="$snapshot") \
  || fail "backup.sh failed"
echo "dumped: $(du -h "$dump" | cut -f1) ($(pg_restore --list "$dump" | grep -c ' TABLE DATA ' || true) tables with data)"

# 3. The source's inventory in the same snapshot, then let the source go.
printf '%s\n' "\\pset fieldsep '|'" "$inventory_sql" "\\echo __END__" "COMMIT;" "\\q" >&"$to_source"
: >"$work/source"
line=""
while IFS= read -r -t 300 line <&"$from_source"; do
  [ "$line" != "__END__" ] || break
  echo "$line" >>"$work/source"
done
[ "$line" = "__END__" ] || fail "counting the source's rows failed: $(tail -n 3 "$work/source")"
exec {to_source}>&- {from_source}<&-
wait "$snapshot_pid" 2>/dev/null || true
snapshot_pid=""

# 4. A fresh cluster of its own.
if [ -n "${PG_BIN:-}" ]; then
  pg_bin="$PG_BIN"
elif ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
else
  pg_bin=$(pg_config --bindir)
fi
[ -x "$pg_bin/initdb" ] || fail "initdb not found in $pg_bin (set PG_BIN)"
pg_dir=$(mktemp -d /tmp/casemanagement-restore-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$pg_dir"; pg_as=(runuser -u postgres --); fi
"${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
  || fail "initdb failed"
port=25432
for attempt in 1 2 3 4 5; do
  port=$(free_port "$port")
  if "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
       -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
    break
  fi
  [ "$attempt" -lt 5 ] || fail "the throwaway cluster did not start: $(tail -n 5 "$pg_dir/server.log" 2>/dev/null)"
  port=$((port + 1)) # taken between the probe and the start: try the next one
done
restored="host=127.0.0.1 port=$port user=postgres dbname=restored"
psql -X -q -v ON_ERROR_STOP=1 -d "host=127.0.0.1 port=$port user=postgres dbname=postgres" -c "CREATE DATABASE restored" \
  || fail "cannot create the target database"
echo "throwaway cluster: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

# 5. The restore, made by the script operations use.
bash "$here/restore.sh" --no-owner "$dump" "$restored" >/dev/null || fail "restore.sh failed"

# 6. Compare, then prove the restored audit log still refuses a deletion.
inventory "$restored" >"$work/restored" || fail "cannot read the restored database"
status=0
compare "$work/source" "$work/restored" || status=1
check_sequences "$restored" || status=1

audit_rows=$(psql -X -At --no-password -d "$restored" -c 'SELECT count(*) FROM "AuditEntries"' 2>/dev/null || echo "none")
if [ "$audit_rows" = "none" ]; then
  echo "no audit log table in this database: append-only check skipped"
elif [ "$audit_rows" = 0 ]; then
  if psql -X -q --no-password -d "$restored" -c 'BEGIN; TRUNCATE "AuditEntries"; ROLLBACK;' >/dev/null 2>&1; then
    echo "DIFFERENT: the restored audit log can be truncated: its append-only triggers are missing" >&2
    status=1
  else
    echo "audit log (empty) refuses TRUNCATE in the restored copy"
  fi
else
  if psql -X -q --no-password -d "$restored" -v ON_ERROR_STOP=1 >/dev/null 2>&1 <<'SQL'
BEGIN;
DELETE FROM "AuditEntries" WHERE ctid = (SELECT min(ctid) FROM "AuditEntries");
ROLLBACK;
SQL
  then
    echo "DIFFERENT: an audit log entry can be deleted in the restored copy: its append-only triggers are missing" >&2
    status=1
  else
    echo "audit log ($audit_rows entries) refuses a deletion in the restored copy"
  fi
fi

[ "$status" -eq 0 ] && echo "backup and restore: OK" || echo "backup and restore: FAILED" >&2
exit "$status"
