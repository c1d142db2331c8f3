using CaseManagement.Infrastructure.DemoData;
using CaseManagement.Testing;
using Npgsql;

namespace CaseManagement.IntegrationTests.Operations;

/// <summary>
/// deploy/check-backup-restore.sh on a database the app has written to: backup.sh dumps it,
/// restore.sh restores it into a throwaway cluster of its own, and every table's row count and
/// every trigger must match; in the restored copy every sequence must be past its column's highest
/// value and the audit log must still refuse a deletion. And the comparison does notice a single missing row.
/// </summary>
public sealed class BackupRestoreTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly string CheckScript = Path.Combine("deploy", "check-backup-restore.sh");

    [Fact]
    public async Task A_backup_of_a_database_in_use_restores_into_a_fresh_cluster_with_every_row_trigger_and_sequence()
    {
        // Data written by the app: a sign-in (session, audit entry, key ring), a joint case with consent,
        // an agreed help plan.
        using (var browser = StaffBrowser.Open(app))
        {
            await browser.SignInAsync(DemoAccounts.All[0].Email, DemoAccounts.Password);
        }

        var joint = await app.JointCaseAsync();
        await app.AgreedAsync(joint);
        var auditEntries = await CountAsync("AuditEntries");
        Assert.True(auditEntries > 0, "the app wrote no audit entry");

        var result = await Repository.RunAsync("bash", [CheckScript, Repository.Libpq(app.Database.ConnectionString)]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("backup and restore: OK", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"identical: \d+ tables with \d+ rows, [1-9][0-9]* triggers", result.Output);
        Assert.Matches(@"sequences: [1-9][0-9]*, each past its column's highest value", result.Output);
        Assert.Contains($"audit log ({auditEntries} entries) refuses a deletion in the restored copy", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_comparison_fails_on_a_single_missing_row_and_names_its_table()
    {
        // Two databases alike in schema and rows (copies of one template), then one row apart.
        await using var other = await PostgresTestDatabase.CreatePreparedAsync();
        await using var copy = await PostgresTestDatabase.CreatePreparedAsync();

        var same = await Repository.RunAsync("bash", [CheckScript, "--compare", Repository.Libpq(other.ConnectionString), Repository.Libpq(copy.ConnectionString)]);
        Assert.True(same.ExitCode == 0, same.ToString());

        await ExecuteAsync(other.ConnectionString, """INSERT INTO "AuditExpiryPermits" ("Id", "Before") VALUES (1, now())""");
        var different = await Repository.RunAsync("bash", [CheckScript, "--compare", Repository.Libpq(other.ConnectionString), Repository.Libpq(copy.ConnectionString)]);

        Assert.True(different.ExitCode == 1, different.ToString());
        Assert.Contains("-rows|public.AuditExpiryPermits|1", different.Output, StringComparison.Ordinal);
        Assert.Contains("+rows|public.AuditExpiryPermits|0", different.Output, StringComparison.Ordinal);
        Assert.Contains("DIFFERENT", different.Error, StringComparison.Ordinal);
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
