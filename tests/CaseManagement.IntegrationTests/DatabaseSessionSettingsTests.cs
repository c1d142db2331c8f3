using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests;

/// <summary>The app's PostgreSQL sessions are set for many small queries: no JIT, SSD index costs; an operator's own options win.</summary>
public sealed class DatabaseSessionSettingsTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_apps_sessions_compile_no_query_and_cost_index_lookups_for_SSDs()
    {
        await using var db = await app.DbAsync();

        Assert.Equal("off", (await db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").ToListAsync()).Single());
        Assert.Equal("1.1", (await db.Database.SqlQueryRaw<string>("SELECT current_setting('random_page_cost') AS \"Value\"").ToListAsync()).Single());
    }

    [Fact]
    public void Options_given_in_the_connection_string_are_kept()
    {
        var own = DatabaseProviderSetup.WithSessionSettings("Host=db;Username=app;Options=-c jit=on");

        Assert.Contains("Options=\"-c jit=on\"", own, StringComparison.Ordinal);
        Assert.Contains("jit=off", DatabaseProviderSetup.WithSessionSettings("Host=db;Username=app"), StringComparison.Ordinal);
    }
}
