using System.Globalization;
using System.Threading.Channels;
using CaseManagement.Application.Clients;
using CaseManagement.Application.HelpPlans;
using CaseManagement.Application.Notifications;
using CaseManagement.Application.Sessions;
using CaseManagement.Domain.Sessions;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CaseManagement.Web.Realtime;

/// <summary>
/// Carries what open pages must learn at once between app instances on one PostgreSQL database
/// (LISTEN/NOTIFY): a client's change (a revoked consent closes the other organisation's data on
/// pages open on every instance), a session's end (every tab of a signed-out sign-in loses
/// access, whichever instance it runs on), a saved help plan (the other editor's notice) and a
/// staff member's new notification (the home page's list). A signal raised here is sent with this instance's id;
/// one from another instance is delivered to the pages open here. On SQLite (one instance) it
/// does nothing.
/// </summary>
/// <remarks>
/// Payloads hold record ids only, no client data: "instance:c:client",
/// "instance:s:session:reason:tab", "instance:p:client:plan:token:saver's name" (a staff member's
/// name, as the notice shows it) and "instance:n:staff id". When the listening connection is lost (a database restart) it
/// reconnects every few seconds; signals sent meanwhile reach the pages here only at their next
/// load or periodic check.
/// </remarks>
public sealed class PostgresInstanceRelay(
    ClientChangeNotifier clients,
    InProcessStaffSessionSignal sessions,
    HelpPlanChangeNotifier plans,
    StaffNotificationSignal notifications,
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    ILogger<PostgresInstanceRelay> logger)
    : BackgroundService
{
    public const string ChannelName = "casemanagement_instances";
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(3);

    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly Channel<string> _outgoing = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance listens.</summary>
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

        clients.PublishedHere += SendClient;
        sessions.PublishedHere += SendSession;
        plans.PublishedHere += SendPlan;
        notifications.PublishedHere += SendNotification;
        try
        {
            await Task.WhenAll(ListenAsync(connectionString!, stoppingToken), SendAsync(connectionString!, stoppingToken));
        }
        finally
        {
            clients.PublishedHere -= SendClient;
            sessions.PublishedHere -= SendSession;
            plans.PublishedHere -= SendPlan;
            notifications.PublishedHere -= SendNotification;
        }
    }

    private void SendClient(Guid clientId) => _outgoing.Writer.TryWrite($"c:{clientId:N}");

    private void SendSession(StaffSessionEnded ended) =>
        _outgoing.Writer.TryWrite($"s:{ended.SessionId:N}:{((int)ended.Reason).ToString(CultureInfo.InvariantCulture)}:{ended.EndedFromTab}");

    private void SendPlan(HelpPlanChanged saved) =>
        _outgoing.Writer.TryWrite(string.Create(
            CultureInfo.InvariantCulture, $"p:{saved.ClientId:N}:{saved.PlanId:N}:{saved.Token}:{saved.ChangedByName}"));

    private void SendNotification(string staffId) => _outgoing.Writer.TryWrite($"n:{staffId}");

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
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
                logger.LogWarning(exception, "Listening for signals of other instances failed; retrying in {Seconds} s", RetryAfter.TotalSeconds);
                try
                {
                    await Task.Delay(RetryAfter, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task SendAsync(string connectionString, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in _outgoing.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync(stoppingToken);
                    await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
                    notify.Parameters.AddWithValue("channel", ChannelName);
                    notify.Parameters.AddWithValue("payload", $"{_instance}:{message}");
                    await notify.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Telling other instances of a change failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A page's handler that throws must not cost the listening connection (and with it every later signal).</summary>
    private void Deliver(string payload)
    {
        try
        {
            Receive(payload);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Delivering a signal of another instance to the open pages failed");
        }
    }

    private void Receive(string payload)
    {
        if (payload.Split(':', 3) is [var instance, "n", var staffId] && instance != _instance)
        {
            notifications.DeliverFromElsewhere(staffId);
            return;
        }

        if (payload.Split(':', 6) is [var from, "p", var client, var plan, var token, var name] && from != _instance
            && Guid.TryParseExact(client, "N", out var clientId) && Guid.TryParseExact(plan, "N", out var planId)
            && uint.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            plans.DeliverFromElsewhere(new HelpPlanChanged(clientId, planId, name, version));
            return;
        }

        var parts = payload.Split(':', 5);
        if (parts.Length < 3 || parts[0] == _instance || !Guid.TryParseExact(parts[2], "N", out var id))
        {
            return;
        }

        if (parts[1] == "c")
        {
            clients.DeliverFromElsewhere(id);
        }
        else if (parts[1] == "s" && parts.Length == 5
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var reason) && Enum.IsDefined((SessionEndReason)reason))
        {
            sessions.DeliverFromElsewhere(new StaffSessionEnded(id, (SessionEndReason)reason, parts[4].Length == 0 ? null : parts[4]));
        }
    }
}
