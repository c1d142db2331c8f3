using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AuditLogExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AuditYears",
                table: "RetentionSettings",
                type: "integer",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "AuditEntriesRemoved",
                table: "RetentionRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AuditYears",
                table: "RetentionRuns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AuditExpiryPermits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Before = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditExpiryPermits", x => x.Id);
                });

            // The one door through the append-only protection (AuditExpiryPermit): a delete is let
            // through only for entries older than a permit that the retention run's transaction holds;
            // changes and TRUNCATE stay refused.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM "AuditExpiryPermits" p WHERE OLD."OccurredAt" < p."Before") THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'Das Zugriffsprotokoll ist unveränderlich: Einträge können nicht geändert oder gelöscht werden.' USING ERRCODE = 'insufficient_privilege';
                END
                $body$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $body$
                BEGIN
                    RAISE EXCEPTION 'Das Zugriffsprotokoll ist unveränderlich: Einträge können nicht geändert oder gelöscht werden.' USING ERRCODE = 'insufficient_privilege';
                END
                $body$;
                """);

            migrationBuilder.DropTable(
                name: "AuditExpiryPermits");

            migrationBuilder.DropColumn(
                name: "AuditYears",
                table: "RetentionSettings");

            migrationBuilder.DropColumn(
                name: "AuditEntriesRemoved",
                table: "RetentionRuns");

            migrationBuilder.DropColumn(
                name: "AuditYears",
                table: "RetentionRuns");
        }
    }
}
