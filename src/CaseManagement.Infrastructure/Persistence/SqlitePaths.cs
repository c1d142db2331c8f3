using Microsoft.Data.Sqlite;

namespace CaseManagement.Infrastructure.Persistence;

public static class SqlitePaths
{
    /// <summary>
    /// A relative SQLite file is placed below the content root, not below whatever folder the
    /// process happened to be started from, so that the data folder is always the same one.
    /// </summary>
    public static string RelativeToContentRoot(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.Combine(contentRoot, file);
        }

        return builder.ToString();
    }
}
