using System.Data.Common;
using System.Net;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using CaseManagement.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CaseManagement.IntegrationTests.Sessions;

/// <summary>
/// The app on PostgreSQL behind a proxy on loopback (as in production, deploy/README.md), so that
/// each test client names its address in X-Forwarded-For and the app's own forwarded-headers rule
/// decides whether to believe it. It counts the password hashes verified and the SQL statements
/// run, so tests can show that a refusal does the same work whether or not the account exists.
/// </summary>
public sealed class SignInAppFixture : IAsyncLifetime
{
    private static int _lastAddress;
    private PostgresTestDatabase? _database;
    private CaseManagementAppFactory? _app;

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    public IServiceProvider Services => Factory.Services;

    public WorkCounter Work { get; } = new();

    /// <summary>A client address (198.18.0.0/15, reserved for tests) that no other test in this process uses.</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _lastAddress);
        return $"198.18.{n / 250}.{n % 250 + 1}";
    }

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreatePreparedAsync();
        _app = new CaseManagementAppFactory(_database.ConnectionString, seedCaseload: false);
        Factory = _app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddTransient<IStartupFilter, LoopbackPeer>();
            services.AddSingleton(Work);
            services.AddScoped<IPasswordHasher<StaffUser>, CountingPasswordHasher>();
            services.ConfigureDbContext<CaseManagementDbContext>(options => options.AddInterceptors(Work));
        }));
        _ = Factory.Server;
    }

    public StaffBrowser Browser(string address) => StaffBrowser.Open(Factory, forwardedFor: address);

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _app!.DisposeAsync();
        await _database!.DisposeAsync();
    }

    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private sealed class CountingPasswordHasher(WorkCounter work, IOptions<PasswordHasherOptions> options) : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new(options);

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            work.HashVerified();
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>Password hashes verified and SQL statements run since the last <see cref="Reset"/>.</summary>
public sealed class WorkCounter : DbCommandInterceptor
{
    private int _hashes;
    private int _statements;

    public int Hashes => Volatile.Read(ref _hashes);

    public int Statements => Volatile.Read(ref _statements);

    public void Reset()
    {
        Interlocked.Exchange(ref _hashes, 0);
        Interlocked.Exchange(ref _statements, 0);
    }

    public void HashVerified() => Interlocked.Increment(ref _hashes);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref _statements);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _statements);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref _statements);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _statements);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _statements);
        return ValueTask.FromResult(result);
    }
}
