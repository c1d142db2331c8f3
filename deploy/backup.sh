#!/usr/bin/env bash
# Backs up the Fallverbund database with pg_dump (custom format: compressed, restorable table by
# table with pg_restore, schema with the audit log's append-only triggers included).
#
# Usage: deploy/backup.sh [-d CONNINFO] [-o DIR] [-k DAYS] [-- EXTRA PG_DUMP OPTIONS]
#   -d  libpq connection string, URI or database name (default: $CASEMANAGEMENT_BACKUP_DB, else
#       the PG* environment variables: PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD or ~/.pgpass)
#   -o  folder for the dumps (default: $CASEMANAGEMENT_BACKUP_DIR or /var/backups/casemanagement)
#   -k  delete dumps of this script older than DAYS days after a successful backup (default 14;
#       0 keeps everything)
# Prints the path of the new dump on standard output; exits non-zero when anything failed (a
# failed dump never replaces or prunes anything). Dumps hold personal data: the folder is
# created 0700 and every dump 0600. docs/operations.md, "Backups and restore".
set -euo pipefail

database="${CASEMANAGEMENT_BACKUP_DB:-}"
folder="${CASEMANAGEMENT_BACKUP_DIR:-/var/backups/casemanagement}"
keep_days=14

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 2; }

while getopts "d:o:k:h" option; do
  case "$option" in
    d) database="$OPTARG" ;;
    o) folder="$OPTARG" ;;
    k) keep_days="$OPTARG" ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ "${1:-}" != "--" ] || shift
[[ "$keep_days" =~ ^[0-9]+$ ]] || { echo "backup.sh: -k needs a number of days" >&2; exit 2; }

umask 077
mkdir -p "$folder"
chmod 700 "$folder"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$folder/casemanagement-$stamp.dump"
partial="$target.partial"
trap 'rm -f "$partial"' EXIT

dump_args=(--format=custom --compress=6 --no-password --file="$partial")
[ -z "$database" ] || dump_args+=(--dbname="$database")
pg_dump "${dump_args[@]}" "$@"

# A dump that pg_restore cannot list is no backup.
pg_restore --list "$partial" >/dev/null
mv "$partial" "$target"
trap - EXIT

if [ "$keep_days" -gt 0 ]; then
  find "$folder" -maxdepth 1 -name 'casemanagement-*.dump' -type f -mtime "+$keep_days" -delete
fi

echo "$target"
