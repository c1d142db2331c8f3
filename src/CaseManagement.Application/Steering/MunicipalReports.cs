using CaseManagement.Application.Audit;
using CaseManagement.Application.Reports;
using CaseManagement.Documents.HelpPlans;
using CaseManagement.Documents.Reports;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Staff;
using CaseManagement.Domain.Steering;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Steering;

/// <summary>A year's municipal report as the page shows it; <see cref="Exists"/> is false until its first save.</summary>
/// <param name="Token">The version to save against; null while the report does not exist yet.</param>
public sealed record MunicipalReportView(
    int Year, bool Exists, MunicipalReportStatus Status, IReadOnlyDictionary<MunicipalReportChapter, string> Narratives,
    DateTimeOffset? ChangedAt, string? ChangedByName, DateTimeOffset? PublishedAt, bool MayWrite, uint? Token)
{
    public string Narrative(MunicipalReportChapter chapter) => Narratives.GetValueOrDefault(chapter, "");
}

/// <summary>A measure of a round as the report prints it: what, which round, decided when, by when, where it stands. Nobody is named.</summary>
public sealed record MeasureOfYear(SteeringRoundKind Round, DateOnly DecidedOn, string What, DateOnly? DueBy, MeasureStatus Status);

/// <summary>
/// The municipal addiction report (kommunaler Suchtbericht, issue #21): one per calendar year, kept by
/// the strategic round. Who reads and writes follows the rounds exactly (<see cref="SteeringAccess"/>
/// for the strategic round: its members write, team leads read); texts are checked for personal data
/// like the minutes (<see cref="SteeringRounds"/>). The figures are never stored: the PDF takes them
/// from the steering report of the year, the trainings in it and the rounds' measures
/// (<see cref="MunicipalReportFigures"/>).
/// </summary>
public sealed class MunicipalReports(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<MunicipalReportInput> validator,
    SteeringRounds rounds,
    ISteeringReportSource reports,
    INeedsAnalysisSource needsAnalysis,
    AuditTrail audit,
    TimeProvider clock)
{
    /// <summary>The round the report belongs to.</summary>
    public const SteeringRoundKind Round = SteeringRoundKind.Strategic;

    public const string OnlyMembersMessage = "Nur Mitglieder der strategischen Lenkungsrunde können den Suchtbericht bearbeiten.";

    public const string ConflictMessage =
        "Eine andere Person hat den Suchtbericht inzwischen geändert. Ihre Eingaben sind nicht gespeichert, aber noch im Formular.";

    /// <summary>The years a report can be written for: from the first year with data to this one, newest first.</summary>
    public Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) => reports.YearsAsync(cancellationToken);

    /// <summary>The report of <paramref name="year"/> for whoever may read the strategic round; null otherwise (and for a year out of range).</summary>
    public async Task<MunicipalReportView?> ReportAsync(StaffMember reader, int year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!IsReportYear(year))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var isMember = await SteeringRounds.IsMemberAsync(db, reader, Round, cancellationToken);
        if (!SteeringAccess.MayRead(reader, isMember))
        {
            return null;
        }

        var report = await db.MunicipalReports.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year, cancellationToken);
        return report is null
            ? new MunicipalReportView(year, false, MunicipalReportStatus.Draft, new Dictionary<MunicipalReportChapter, string>(), null, null, null, SteeringAccess.MayWrite(isMember), null)
            : new MunicipalReportView(
                year, true, report.Status,
                Enum.GetValues<MunicipalReportChapter>().ToDictionary(c => c, report.Narrative),
                report.ChangedAt, report.ChangedByName, report.PublishedAt, SteeringAccess.MayWrite(isMember), report.RowVersion);
    }

    /// <summary>
    /// Saves the narratives and status. <paramref name="token"/> is the version the writer started
    /// from, null when the report did not exist yet: a save over anyone else's change (or a second
    /// first save of the same year) is a conflict, never an overwrite.
    /// </summary>
    public async Task<CommandResult<uint>> SaveReportAsync(
        StaffMember actor, int year, MunicipalReportInput input, uint? token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (!IsReportYear(year))
        {
            return CommandResult.Missing().As<uint>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await SteeringRounds.IsMemberAsync(db, actor, Round, cancellationToken))
        {
            return CommandResult.Invalid("", OnlyMembersMessage).As<uint>();
        }

        if (await rounds.RefusalAsync(db, actor, validator, input, input.ConfirmedNoPersonalData, input.Narratives, cancellationToken,
                "Suchtbericht", "Der kommunale Suchtbericht wird veröffentlicht und enthält") is { } refused)
        {
            return refused.As<uint>();
        }

        var now = clock.GetUtcNow();
        var report = await db.MunicipalReports.SingleOrDefaultAsync(r => r.Year == year, cancellationToken);
        var isNew = report is null;
        if (report is null)
        {
            if (token is not null)
            {
                return CommandResult.Missing().As<uint>();
            }

            report = new MunicipalReport { Id = Guid.NewGuid(), Year = year, CreatedAt = now };
            db.MunicipalReports.Add(report);
        }
        else if (token != report.RowVersion)
        {
            return Conflict().As<uint>();
        }

        if (!isNew && report.Status == MunicipalReportStatus.Published && ChangesText(report, input))
        {
            return CommandResult.Invalid(nameof(MunicipalReportInput.Status), PublishedTextMessage).As<uint>();
        }

        Apply(report, input, actor, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict().As<uint>();
        }
        catch (DbUpdateException) when (isNew)
        {
            // Someone else wrote the year's first version in the meantime (unique year); anything else is a fault.
            if (await ExistsAsync(year, cancellationToken))
            {
                return Conflict().As<uint>();
            }

            throw;
        }

        return CommandResult.Ok(report.RowVersion);
    }

    /// <summary>The report as PDF for whoever may read it; null otherwise. Audited as an export; the file name says the year only.</summary>
    public async Task<ReportFile?> PdfAsync(StaffMember reader, int year, CancellationToken cancellationToken = default)
    {
        if (await ReportAsync(reader, year, cancellationToken) is not { } view)
        {
            return null;
        }

        var period = ReportPeriod.Year(year);
        var steering = await reports.RunAsync(period, cancellationToken);
        var needs = await needsAnalysis.RunAsync(period, cancellationToken);
        IReadOnlyList<MeasureOfYear> measures;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            measures = await MeasuresAsync(db, year, cancellationToken);
        }

        var document = MunicipalReportFigures.Document(view, steering, measures, clock.GetUtcNow(), needs);
        var file = new ReportFile(MunicipalReportPdf.Render(document), $"suchtbericht-{year}.pdf", SteeringReportExport.PdfContentType);
        await audit.RecordAsync(reader, AuditAction.Exported, clientId: null, caseNumber: null, category: null,
            ["Suchtbericht", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "PDF"], cancellationToken);
        return file;
    }

    /// <summary>The measures both rounds decided at meetings held in <paramref name="year"/>, with their status today.</summary>
    public static async Task<IReadOnlyList<MeasureOfYear>> MeasuresAsync(CaseManagementDbContext db, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var rows = await (
            from measure in db.SteeringMeasures.AsNoTracking()
            join meeting in db.SteeringMeetings.AsNoTracking() on measure.MeetingId equals meeting.Id
            where meeting.HeldOn >= first && meeting.HeldOn <= last
            select new { measure.Round, meeting.HeldOn, measure.What, measure.DueBy, measure.Status })
            .ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(r => r.Round).ThenBy(r => r.HeldOn).ThenBy(r => r.What, StringComparer.CurrentCulture)
            .Select(r => new MeasureOfYear(r.Round, r.HeldOn, r.What, r.DueBy, r.Status))];
    }

    public static CommandResult Conflict() => new() { Conflict = true, Message = ConflictMessage };

    private bool IsReportYear(int year) =>
        year >= ReportPeriodInput.EarliestYear && year <= GermanCalendar.DateOf(clock.GetUtcNow()).Year;

    private async Task<bool> ExistsAsync(int year, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.MunicipalReports.AnyAsync(r => r.Year == year, cancellationToken);
    }

    /// <summary>
    /// A published report reads as it was published: its text changes only once it is a draft again,
    /// and setting it back to draft is a save of its own that changes no text. So a form opened
    /// before the report was published (its status still "Entwurf", its texts older) can neither
    /// overwrite the published text nor withdraw the publication unnoticed.
    /// </summary>
    public const string PublishedTextMessage =
        "Der Bericht ist veröffentlicht; sein Text bleibt so, wie er veröffentlicht wurde. Um ihn zu ändern, laden Sie die Seite neu, setzen Sie nur den Stand auf „Entwurf“ und speichern Sie; danach können Sie den Text ändern.";

    private static bool ChangesText(MunicipalReport report, MunicipalReportInput input) =>
        Enum.GetValues<MunicipalReportChapter>().Any(chapter => !string.Equals(input.Narrative(chapter)?.Trim() ?? "", report.Narrative(chapter), StringComparison.Ordinal));

    private static void Apply(MunicipalReport report, MunicipalReportInput input, StaffMember actor, DateTimeOffset now)
    {
        report.Introduction = input.Introduction?.Trim() ?? "";
        report.CasesAndHelp = input.CasesAndHelp?.Trim() ?? "";
        report.NetworkAndNeeds = input.NetworkAndNeeds?.Trim() ?? "";
        report.Trainings = input.Trainings?.Trim() ?? "";
        report.SteeringMeasures = input.SteeringMeasures?.Trim() ?? "";
        report.Outlook = input.Outlook?.Trim() ?? "";
        if (input.Status == MunicipalReportStatus.Published && report.Status != MunicipalReportStatus.Published)
        {
            report.PublishedAt = now;
        }
        else if (input.Status != MunicipalReportStatus.Published)
        {
            report.PublishedAt = null;
        }

        report.Status = input.Status;
        report.ChangedAt = now;
        report.ChangedByName = actor.DisplayName;
    }
}
