using CaseManagement.Domain;
using CaseManagement.Domain.Steering;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Infrastructure.DemoData;

/// <summary>
/// The demo's steering rounds: the steering account in both, the two team leads in the operational
/// round; with the demo caseload also a past meeting of the operational round with an open measure.
/// </summary>
public sealed class DemoSteeringSeeder(IDbContextFactory<CaseManagementDbContext> contextFactory, TimeProvider? clock = null)
{
    private static readonly (SteeringRoundKind Round, string Email)[] Members =
    [
        (SteeringRoundKind.Strategic, "lenkungsrunde@jobcenter.example"),
        (SteeringRoundKind.Operational, "lenkungsrunde@jobcenter.example"),
        (SteeringRoundKind.Operational, "teamleitung@jobcenter.example"),
        (SteeringRoundKind.Operational, "teamleitung@drogenhilfe.example"),
    ];

    public async Task SeedMembersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.SteeringRoundMembers.AnyAsync(cancellationToken))
        {
            return;
        }

        var emails = Members.Select(m => m.Email).Distinct().ToList();
        var ids = await db.Users.Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        foreach (var (round, email) in Members.Where(m => ids.ContainsKey(m.Email)))
        {
            db.SteeringRoundMembers.Add(new SteeringRoundMember { Id = Guid.NewGuid(), Round = round, StaffId = ids[email] });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SeedMeetingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.SteeringMeetings.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var today = GermanCalendar.DateOf(now);
        var meeting = new SteeringMeeting
        {
            Id = Guid.NewGuid(),
            Round = SteeringRoundKind.Operational,
            HeldOn = today.AddDays(-28),
            Participants = "Dr. Petra Albrecht (Jobcenter, Bereichsleitung), Markus Weber (Teamleitung Jobcenter), Sabine Köhler (Teamleitung Drogenhilfe)",
            Agenda = "1. Kennzahlen des Quartals\n2. Wartezeiten bei Vermittlungen in die Entgiftung\n3. Gemeinsame Fortbildung Suchtgrundlagen",
            Minutes = "Die Vermittlungen in die Entgiftung warten im Median deutlich länger als im Vorjahr. Die Drogenhilfe klärt mit der Klinik feste Aufnahmetage.",
            Decisions = "Feste Aufnahmetage mit der Entgiftungsstation vereinbaren.",
            CreatedAt = now.AddDays(-28),
            ChangedAt = now.AddDays(-28),
            ChangedByName = "Markus Weber",
        };
        db.SteeringMeetings.Add(meeting);
        db.SteeringMeasures.Add(new SteeringMeasure
        {
            Id = Guid.NewGuid(),
            Round = SteeringRoundKind.Operational,
            MeetingId = meeting.Id,
            What = "Feste Aufnahmetage mit der Entgiftungsstation vereinbaren",
            Who = "Teamleitung Drogenhilfe",
            DueBy = today.AddDays(14),
            Figure = "vermittlungen",
            ChangedAt = now.AddDays(-28),
            ChangedByName = "Markus Weber",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A draft of last year's municipal report (kommunaler Suchtbericht) with a few chapters written, so the page shows something.</summary>
    public async Task SeedMunicipalReportAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.MunicipalReports.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var year = GermanCalendar.DateOf(now).Year - 1;
        db.MunicipalReports.Add(new MunicipalReport
        {
            Id = Guid.NewGuid(),
            Year = year,
            Status = MunicipalReportStatus.Draft,
            Introduction = $"Jobcenter und städtische Drogenhilfe arbeiten seit der Kooperationsvereinbarung gemeinsam an den Fällen von Menschen mit Suchtproblemen und ohne Arbeit. Dieser Bericht fasst das Jahr {year} für den Sozialausschuss zusammen: Zahlen, Erfahrungen und die Beschlüsse der Lenkungsrunden.\nAlle Zahlen sind anonymisiert; kleine Zahlen werden nicht ausgewiesen.",
            CasesAndHelp = "Die meisten Klient:innen sind junge Erwachsene und Erwachsene. Gemeinsame Beratungstermine werden gut wahrgenommen; aufsuchende Kontakte erreichen auch Menschen ohne Klientenakte.",
            NetworkAndNeeds = "Bei der Übergabe in die Entgiftung warten Klient:innen am längsten. Die operative Runde hat dazu feste Aufnahmetage vereinbart.",
            Trainings = "",
            SteeringMeasures = "",
            Outlook = "",
            CreatedAt = now.AddDays(-3),
            ChangedAt = now.AddDays(-3),
            ChangedByName = "Dr. Petra Albrecht",
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
