using System.Threading.Channels;
using CaseManagement.Application.Clients;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseManagement.Web.Realtime;

/// <summary>
/// Carries client changes between app instances on one PostgreSQL database (LISTEN/NOTIFY), so that
/// a consent revoked on one instance closes the other organisation's data on pages open on every
/// instance at once, not on their next click. A change made here is sent with this instance's id;
/// one that arrives from another instance is delivered to the pages open here. On SQLite (one
/// instance) it does nothing.
/// </summary>
/// <remarks>
/// The payload is "instance:client id" – a record id, no personal data. When the listening
/// connection is lost (a database restart) it reconnects every few seconds; changes made meanwhile
/// on another instance reach the pages here only on their next load or click.
/// </remarks>
public sealed class PostgresClientChangeRelay(
    ClientChangeNotifier notifier, IDbContextFactory<CaseManagementDbContext> contextFactory, ILogger<PostgresClientChangeRelay> logger)
    : BackgroundService
{
    public const string ChannelName = "casemanagement_client_changed";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Channel<Guid> _outgoing = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance listens (for tests and for a health view).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string? connectionString;
        await using (var db = await contextFactory.CreateDbContextAsync(stoppingToken))
        {
            if (!db.Database.IsNpgsql())
            {
                return;
            }

            connectionString = db.Database.GetConnectionString();
        }

        notifier.PublishedHere += Send;
        try
        {
            await Task.WhenAll(ListenAsync(connectionString!, stoppingToken), SendAsync(connectionString!, stoppingToken));
        }
        finally
        {
            notifier.PublishedHere -= Send;
        }
    }

    private void Send(Guid clientId) => _outgoing.Writer.TryWrite(clientId);

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Listening for client changes of other instances failed; retrying in {Seconds} s", RetryAfter.TotalSeconds);
                await Task.Delay(RetryAfter, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task SendAsync(string connectionString, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var clientId in _outgoing.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    notify.Parameters.AddWithValue("channel", ChannelName);
                    notify.Parameters.AddWithValue("payload", $"{_instance}:{clientId:N}");
                    await notify.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Telling other instances of a client change failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Receive(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length == 2 && parts[0] != _instance && Guid.TryParseExact(parts[1], "N", out var clientId))
        {
            notifier.DeliverFromElsewhere(clientId);
        }
    }
}
