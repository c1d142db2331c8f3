using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseManagement.Application.Audit;
using CaseManagement.Application.Consent;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.AccessCopies;

/// <summary>
/// What the data-protection officer hands out of the organisations' internal notes (Art. 15 (4)
/// GDPR: the rights of others may stand against it). Internal notes and an organisation's own step
/// notes go together; everything else about the person is always in the copy.
/// </summary>
public sealed record AccessCopyOptions(bool JobcenterNotes, bool DrugHelpNotes)
{
    public bool NotesOf(Organisation organisation) => organisation == Organisation.Jobcenter ? JobcenterNotes : DrugHelpNotes;
}

public sealed record AccessCopyPerson(
    string CaseNumber, string FirstName, string LastName, DateOnly BirthDate, string Gender, string? Street, string PostalCode, string City,
    string? Phone, string? Email, string Housing, string Schooling, string VocationalTraining, string Employment,
    bool YouthEmploymentAgencyInvolved, string RegisteredBy, DateTimeOffset RegisteredAt);

public sealed record AccessCopyEpisode(
    DateOnly StartedOn, DateOnly? EndedOn, string? ClosureReason, string ReferringBody, string? MainDiagnosis, string? SecondaryDiagnoses, string? ConditionsImposed);

public sealed record AccessCopyConsent(
    DateOnly SignedOn, DateOnly? ValidUntil, string Scope, string Purpose, string RecordedBy, DateTimeOffset RecordedAt,
    DateTimeOffset? RevokedAt, string? RevokedBy, string? RevocationNote, string State);

public sealed record AccessCopyStep(
    string Description, string Responsible, DateOnly? DueOn, string Status, string? JobcenterNote, string? DrugHelpNote);

public sealed record AccessCopyGoal(string Area, string Text, string Progress, IReadOnlyList<AccessCopyStep> Steps);

public sealed record AccessCopyPlan(
    int Version, string Status, string IntegrationGoal, string? TargetJobs, string? OwnEfforts, string? OwnEffortsEvidence,
    DateOnly? NextReviewOn, DateOnly? AgreedOn, DateOnly? ClosedOn, DateTimeOffset CreatedAt, IReadOnlyList<AccessCopyGoal> Goals);

public sealed record AccessCopyAppointment(
    string Type, DateTimeOffset Start, int DurationMinutes, string? Place, string? AccompanimentTarget, string Outcome, string? OutcomeNote, string RecordedBy);

public sealed record AccessCopyReferral(
    string Partner, string PartnerType, string Reason, DateOnly ProposedOn, DateOnly? RequestedOn, DateOnly? AdmittedOn, DateOnly? CompletedOn,
    DateOnly? DeclinedOn, DateOnly? DroppedOutOn, string Status, string? Outcome, string? FailureReason, string RecordedBy);

public sealed record AccessCopyUnmetNeed(string ServiceType, DateOnly RecordedOn, string? Description, string RecordedBy);

public sealed record AccessCopyNote(string Organisation, DateTimeOffset CreatedAt, string Author, string Text);

public sealed record AccessCopyAccess(DateTimeOffset At, string Who, string Organisation, string Action, string Subject);

/// <summary>Everything held about one client, for a request under Art. 15 GDPR (Auskunft).</summary>
/// <param name="NotesWithheld">Organisations whose internal notes the officer did not hand out.</param>
public sealed record AccessCopy(
    DateTimeOffset CompiledAt, string CompiledBy, AccessCopyPerson Person, IReadOnlyList<AccessCopyEpisode> Episodes,
    IReadOnlyList<AccessCopyConsent> Consents, IReadOnlyList<AccessCopyPlan> Plans, IReadOnlyList<AccessCopyAppointment> Appointments,
    IReadOnlyList<AccessCopyReferral> Referrals, IReadOnlyList<AccessCopyNote> InternalNotes, IReadOnlyList<string> NotesWithheld,
    IReadOnlyList<AccessCopyAccess> AccessHistory)
{
    /// <summary>Needs recorded for the person that no partner service could meet (Bedarf ohne Angebot).</summary>
    public IReadOnlyList<AccessCopyUnmetNeed> UnmetNeeds { get; init; } = [];
}

/// <summary>
/// Compiles the Art. 15 copy of one client for the data-protection officer: master data, episodes
/// with health data, consents with their revocation, every plan version with goals and steps,
/// appointments, referrals, internal notes of the organisations the officer hands out, and the access
/// history from the audit log. Nothing of another client; compiling it is audited.
/// </summary>
public sealed class AccessCopyQuery(IDbContextFactory<CaseManagementDbContext> contextFactory, AuditTrail audit, TimeProvider clock)
{
    public static JsonSerializerOptions Json { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // A file for a person and a machine: umlauts as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <param name="format">What is handed out ("JSON", "PDF"), for the audit entry.</param>
    public async Task<AccessCopy?> CompileAsync(
        StaffMember officer, Guid clientId, AccessCopyOptions options, string format, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(officer, DataProtectionTask.AccessCopy))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var client = await db.Clients.AsNoTracking().Include(c => c.Episodes).Include(c => c.Consents).Include(c => c.Notes)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == clientId && c.AnonymisedAt == null, cancellationToken);
        if (client is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var plans = await db.HelpPlans.AsNoTracking().Where(p => p.ClientId == clientId).Include(p => p.Goals).ThenInclude(g => g.Steps)
            .AsSplitQuery().OrderBy(p => p.Version).ToListAsync(cancellationToken);
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.ClientId == clientId).OrderBy(a => a.Start).ToListAsync(cancellationToken);
        var referrals = await (
            from referral in db.Referrals.AsNoTracking()
            join partner in db.Partners.AsNoTracking() on referral.PartnerId equals partner.Id
            where referral.ClientId == clientId
            orderby referral.Progress.ProposedOn
            select new { Referral = referral, partner.Name })
            .ToListAsync(cancellationToken);
        var unmetNeeds = await db.UnmetNeeds.AsNoTracking().Where(n => n.ClientId == clientId)
            .OrderBy(n => n.RecordedOn).ThenBy(n => n.CreatedAt).ToListAsync(cancellationToken);
        var person = new AuditPerson([clientId], [client.CaseNumber]);
        var entries = await db.AuditEntries.AsNoTracking().Where(AuditLogQuery.OfPerson(person))
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var subjectNames = await AuditSubjects.NamesAsync(db, entries.Select(e => e.Fields), cancellationToken);

        string? Note(Organisation organisation, string? text) => options.NotesOf(organisation) ? text : null;

        var copy = new AccessCopy(
            now,
            officer.DisplayName,
            new AccessCopyPerson(
                client.CaseNumber, client.FirstName, client.LastName, client.BirthDate, GermanLabels.Of(client.Gender), client.Street, client.PostalCode,
                client.City, client.Phone, client.Email, GermanLabels.Of(client.Housing), GermanLabels.Of(client.Schooling),
                GermanLabels.Of(client.VocationalTraining), GermanLabels.Of(client.Employment), client.YouthEmploymentAgencyInvolved,
                client.OwningOrganisation.German(), client.CreatedAt),
            [.. client.Episodes.OrderBy(e => e.StartedOn).Select(e => new AccessCopyEpisode(
                e.StartedOn, e.EndedOn, e.ClosureReason is { } reason ? GermanLabels.Of(reason) : null, GermanLabels.Of(e.ReferringBody),
                e.MainDiagnosis, e.SecondaryDiagnoses, e.ConditionsImposed))],
            [.. client.Consents.OrderBy(c => c.SignedOn).ThenBy(c => c.RecordedAt).Select(c => new AccessCopyConsent(
                c.SignedOn, c.ValidUntil, ConsentLabels.Describe(c.Scope, c.Directions), c.Purpose, c.RecordedByOrganisation.German(), c.RecordedAt,
                c.RevokedAt, c.RevokedByOrganisation?.German(), c.RevocationNote, GermanLabels.Of(ClientConsent.StateOf(c.SignedOn, c.ValidUntil, c.RevokedAt, now))))],
            [.. plans.Select(p => new AccessCopyPlan(
                p.Version, GermanLabels.Of(p.Status), p.IntegrationGoal, p.TargetJobs, p.OwnEfforts, p.OwnEffortsEvidence, p.NextReviewOn, p.AgreedOn, p.ClosedOn,
                p.CreatedAt,
                [.. p.Goals.OrderBy(g => g.Position).Select(g => new AccessCopyGoal(
                    GermanLabels.Of(g.Area), g.Text, ProgressOf(g.Progress),
                    [.. g.Steps.OrderBy(s => s.Position).Select(s => new AccessCopyStep(
                        s.Description, GermanLabels.ResponsibleOf(s.Responsible, s.PartnerName), s.DueOn, GermanLabels.Of(s.Status),
                        Note(Organisation.Jobcenter, s.JobcenterNote), Note(Organisation.DrugHelpService, s.DrugHelpNote)))]))]))],
            [.. appointments.Select(a => new AccessCopyAppointment(
                a.Type.German(), a.Start, a.DurationMinutes, a.Place, a.AccompanimentTarget, a.Outcome.German(),
                a.NoteOrganisation is { } noteBy ? Note(noteBy, a.OutcomeNote) : a.OutcomeNote, a.HolderOrganisation.German()))],
            [.. referrals.Select(r => new AccessCopyReferral(
                r.Name, r.Referral.PartnerType.German(), r.Referral.Reason, r.Referral.Progress.ProposedOn, r.Referral.Progress.RequestedOn,
                r.Referral.Progress.AdmittedOn, r.Referral.Progress.CompletedOn, r.Referral.Progress.DeclinedOn, r.Referral.Progress.DroppedOutOn,
                r.Referral.Progress.Status.German(), r.Referral.Progress.Outcome, r.Referral.Progress.FailureReason, r.Referral.HolderOrganisation.German()))],
            [.. client.Notes.Where(n => options.NotesOf(n.Organisation)).OrderBy(n => n.CreatedAt)
                .Select(n => new AccessCopyNote(n.Organisation.German(), n.CreatedAt, n.AuthorName, n.Text))],
            [.. new[] { Organisation.Jobcenter, Organisation.DrugHelpService }.Where(o => !options.NotesOf(o)).Select(o => o.German())],
            [.. entries.Select(e => new AccessCopyAccess(
                e.OccurredAt, e.UserName, e.UserOrganisation.German(), GermanLabels.Of(e.Action),
                AuditSubjects.Describe(e.Action, e.Category, e.Fields, subjectNames)))])
        {
            UnmetNeeds = [.. unmetNeeds.Select(n => new AccessCopyUnmetNeed(n.ServiceType.German(), n.RecordedOn, Note(n.HolderOrganisation, n.Description), n.HolderOrganisation.German()))],
        };

        await audit.RecordAsync(officer, AuditAction.AccessCopyCompiled, clientId, client.CaseNumber, category: null,
            [$"Auskunft nach Art. 15 DSGVO ({format})", copy.NotesWithheld.Count == 0 ? "interne Notizen beider Organisationen" : $"ohne interne Notizen: {string.Join(", ", copy.NotesWithheld)}"],
            cancellationToken);
        return copy;
    }

    private static string ProgressOf(Domain.HelpPlans.GoalProgress progress) => progress switch
    {
        Domain.HelpPlans.GoalProgress.Open => "offen",
        Domain.HelpPlans.GoalProgress.InProgress => "in Arbeit",
        Domain.HelpPlans.GoalProgress.Achieved => "erreicht",
        Domain.HelpPlans.GoalProgress.Dropped => "entfallen",
        _ => "–",
    };

    public static byte[] ToJson(AccessCopy copy) => JsonSerializer.SerializeToUtf8Bytes(copy, Json);
}
