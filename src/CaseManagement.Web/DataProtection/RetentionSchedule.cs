using System.Globalization;
using CaseManagement.Application.Retention;
using CaseManagement.Domain;

namespace CaseManagement.Web.DataProtection;

/// <summary>
/// Starts the daily retention run (Löschlauf) at a fixed local time, <c>Retention:DailyAt</c>
/// (default 02:30); <c>Retention:Schedule=false</c> switches it off (the tests start runs themselves).
/// Every instance of the app keeps this schedule; <see cref="RetentionRuns"/> makes sure the run
/// happens once a day (PostgreSQL advisory lock and the day's run record). The log gets counts only.
/// </summary>
public sealed class RetentionSchedule(RetentionRuns runs, IConfiguration configuration, TimeProvider clock, ILogger<RetentionSchedule> logger)
    : BackgroundService
{
    public static readonly TimeOnly DefaultTime = new(2, 30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Retention:Schedule", true))
        {
            return;
        }

        var at = TimeOnly.TryParseExact(configuration["Retention:DailyAt"], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time : DefaultTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            await Task.Delay(NextRun(now, at) - now, clock, stoppingToken);
            try
            {
                var outcome = await runs.RunScheduledAsync(stoppingToken);
                logger.LogInformation("Retention run: {Status}, {Anonymised} anonymised, {Held} held", outcome.Status, outcome.Run?.Anonymised ?? 0, outcome.Run?.Held ?? 0);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next day tries again; the officer sees the missing run in the history.
                logger.LogError(exception, "Retention run failed");
            }
        }
    }

    /// <summary>The next instant at local time <paramref name="at"/> after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeOnly at)
    {
        var today = GermanCalendar.DateOf(now);
        var candidate = GermanCalendar.At(today, at);
        return candidate > now ? candidate : GermanCalendar.At(today.AddDays(1), at);
    }
}
