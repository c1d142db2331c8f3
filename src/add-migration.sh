#!/usr/bin/env bash
# Adds an EF Core migration for both providers (SQLite and PostgreSQL) under the same name.
# Usage: src/add-migration.sh AddClients
set -euo pipefail
name=${1:?usage: src/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql; do
  project=src/CaseManagement.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
echo "Migration '$name' added for SQLite and PostgreSQL. Run the tests: the pending-model-changes test checks both."
