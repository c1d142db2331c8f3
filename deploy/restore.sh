#!/usr/bin/env bash
# Restores a dump of deploy/backup.sh into an EMPTY database with pg_restore, in one transaction:
# either everything is restored (tables, data, indexes, the audit log's append-only triggers,
# sequences, the Data Protection key ring) or nothing.
#
# Usage: deploy/restore.sh [--no-owner] DUMPFILE CONNINFO
#   DUMPFILE  a file written by deploy/backup.sh (pg_dump --format=custom)
#   CONNINFO  libpq connection string, URI or name of the target database, which must exist and
#             hold no table yet (create it with: createdb -O <app role> casemanagement)
#   --no-owner  make the connecting role the owner of everything (restoring on another server
#               where the original owner role does not exist)
# Stop every application instance first: the restored database replaces what they work on.
# Exits non-zero when the target is not empty or anything failed (then nothing is restored).
# docs/operations.md, "Backups and restore".
set -euo pipefail

restore_args=(--exit-on-error --single-transaction --no-password)
while [ $# -gt 0 ]; do
  case "$1" in
    --no-owner) restore_args+=(--no-owner --no-privileges); shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2 ;;
    --) shift; break ;;
    -*) echo "restore.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -eq 2 ] || { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }
dump="$1" database="$2"

[ -r "$dump" ] || { echo "restore.sh: cannot read $dump" >&2; exit 2; }
pg_restore --list "$dump" >/dev/null

tables=$(psql -X -At -v ON_ERROR_STOP=1 --no-password -d "$database" -c \
  "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")
if [ "$tables" != 0 ]; then
  echo "restore.sh: the target database already has $tables tables; restore only into an empty database" >&2
  exit 1
fi

pg_restore "${restore_args[@]}" --dbname="$database" "$dump"
psql -X -q -v ON_ERROR_STOP=1 --no-password -d "$database" -c "ANALYZE"
echo "restored $dump"
