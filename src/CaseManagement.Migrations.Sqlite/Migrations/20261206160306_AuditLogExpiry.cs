using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManagement.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "AuditEntriesRemoved",
                table: "RetentionRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AuditYears",
                table: "RetentionRuns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AuditExpiryPermits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Before = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditExpiryPermits", x => x.Id);
                });

            // The one door through the append-only protection (AuditExpiryPermit): a delete is let
            // through only for entries older than a permit that the retention run's transaction holds.
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_delete;");
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries"
                WHEN NOT EXISTS (SELECT 1 FROM "AuditExpiryPermits" p WHERE OLD."OccurredAt" < p."Before")
                BEGIN
                    SELECT RAISE(ABORT, 'Das Zugriffsprotokoll ist unveränderlich: Einträge können nicht geändert oder gelöscht werden.');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entries_no_delete;");
            migrationBuilder.Sql("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries"
                BEGIN
                    SELECT RAISE(ABORT, 'Das Zugriffsprotokoll ist unveränderlich: Einträge können nicht geändert oder gelöscht werden.');
                END;
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
