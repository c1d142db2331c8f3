using CaseManagement.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;

namespace CaseManagement.Domain.Tests;

public class SqlitePathsTests
{
    private static readonly string ContentRoot = Path.Combine(Path.GetTempPath(), "casemanagement-app");

    private static string DataSourceOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    [Fact]
    public void A_relative_database_file_is_placed_below_the_content_root()
    {
        var result = SqlitePaths.RelativeToContentRoot("Data Source=data/casemanagement.db", ContentRoot);

        Assert.Equal(Path.Combine(ContentRoot, "data", "casemanagement.db"), DataSourceOf(result));
        Assert.True(Path.IsPathRooted(DataSourceOf(result)));
    }

    [Fact]
    public void An_absolute_database_file_stays_where_it_is()
    {
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "casemanagement.db");

        var result = SqlitePaths.RelativeToContentRoot($"Data Source={absolute}", ContentRoot);

        Assert.Equal(absolute, DataSourceOf(result));
    }

    [Fact]
    public void An_in_memory_database_stays_in_memory()
    {
        var result = SqlitePaths.RelativeToContentRoot("Data Source=:memory:", ContentRoot);

        Assert.Equal(":memory:", DataSourceOf(result));
    }

    [Fact]
    public void Other_connection_settings_are_kept()
    {
        var result = SqlitePaths.RelativeToContentRoot("Data Source=app.db;Cache=Shared", ContentRoot);

        Assert.Equal(SqliteCacheMode.Shared, new SqliteConnectionStringBuilder(result).Cache);
    }
}
