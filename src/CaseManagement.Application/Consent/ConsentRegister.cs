using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Consent;

public enum ConsentRegisterView
{
    /// <summary>Every consent, newest signature first.</summary>
    All = 1,

    /// <summary>In force today and ending within <see cref="ConsentRegister.ExpiryWindowDays"/> days.</summary>
    Expiring = 2,

    /// <summary>Revoked between <see cref="ConsentRegisterInput.From"/> and <see cref="ConsentRegisterInput.To"/>.</summary>
    Revoked = 3,
}

/// <summary>The register's filter form.</summary>
public sealed class ConsentRegisterInput
{
    public ConsentRegisterView View { get; set; } = ConsentRegisterView.All;

    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }
}

public sealed class ConsentRegisterInputValidator : AbstractValidator<ConsentRegisterInput>
{
    public ConsentRegisterInputValidator()
    {
        RuleFor(x => x.View).IsInEnum().WithMessage("Bitte wählen Sie eine Ansicht aus der Liste.");
        RuleFor(x => x.To).Must((x, to) => to is null || x.From is null || to >= x.From).WithMessage("„bis“ darf nicht vor „von“ liegen.");
    }
}

/// <summary>Where a page of the register starts: consents signed before this one (then by id).</summary>
public sealed record ConsentCursor(DateOnly SignedOn, Guid Id);

public sealed record ConsentRegisterRow(
    Guid Id, string CaseNumber, string Scope, DateOnly SignedOn, DateOnly? ValidUntil, DateTimeOffset? RevokedAt, string? RevokedBy, string RecordedBy, string State);

public sealed record ConsentRegisterPage(IReadOnlyList<ConsentRegisterRow> Rows, ConsentCursor? Next);

/// <summary>How many consents in force cover a category, per direction.</summary>
public sealed record ConsentCount(string Category, int JobcenterToDrugHelp, int DrugHelpToJobcenter);

/// <summary>A case with a joint plan in draft or in force but no consent in force that lets the plan be shared.</summary>
public sealed record PlanWithoutConsent(string CaseNumber, int Version, string Status);

/// <summary>
/// The consent register of the data-protection officer (DataProtectionTask.ConsentRegister): every
/// consent with its scope, directions, validity and revocation, filtered in the database and paged by
/// keyset; the consents in force counted by category and direction; and the cases whose joint plan
/// has no consent. Case numbers only, no names; each page shown is audited as a list view.
/// </summary>
public sealed class ConsentRegister(IDbContextFactory<CaseManagementDbContext> contextFactory, AuditTrail audit, TimeProvider clock)
{
    public const int ExpiryWindowDays = 30;

    public const int PageSize = 50;

    public async Task<ConsentRegisterPage?> PageAsync(
        StaffMember reader, ConsentRegisterInput input, ConsentCursor? after, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(reader, DataProtectionTask.ConsentRegister))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var today = GermanCalendar.DateOf(now);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var consents = db.Consents.AsNoTracking().AsQueryable();
        switch (input.View)
        {
            case ConsentRegisterView.Expiring:
                var last = today.AddDays(ExpiryWindowDays);
                consents = consents.Where(AccessFilters.ConsentInForce(now)).Where(k => k.ValidUntil != null && k.ValidUntil <= last);
                break;
            case ConsentRegisterView.Revoked:
                consents = consents.Where(k => k.RevokedAt != null);
                if (input.From is { } from)
                {
                    var start = GermanCalendar.At(from, TimeOnly.MinValue);
                    consents = consents.Where(k => k.RevokedAt >= start);
                }

                if (input.To is { } to)
                {
                    var end = GermanCalendar.At(to.AddDays(1), TimeOnly.MinValue);
                    consents = consents.Where(k => k.RevokedAt < end);
                }

                break;
        }

        if (after is { } cursor)
        {
            consents = consents.Where(k => k.SignedOn <= cursor.SignedOn && (k.SignedOn < cursor.SignedOn || k.Id.CompareTo(cursor.Id) < 0));
        }

        var rows = await (
            from consent in consents
            join client in db.Clients on consent.ClientId equals client.Id
            orderby consent.SignedOn descending, consent.Id descending
            select new { consent, client.CaseNumber })
            .Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        var shown = rows.Take(PageSize).Select(r => new ConsentRegisterRow(
            r.consent.Id, r.CaseNumber, ConsentLabels.Describe(r.consent.Scope, r.consent.Directions), r.consent.SignedOn, r.consent.ValidUntil,
            r.consent.RevokedAt, r.consent.RevokedByOrganisation?.German(), r.consent.RecordedByOrganisation.German(),
            ConsentLabels.State(ClientConsent.StateOf(r.consent.SignedOn, r.consent.ValidUntil, r.consent.RevokedAt, now)))).ToList();
        await audit.ListViewedAsync(reader, "Einwilligungsregister", shown.Select(r => r.CaseNumber).Distinct(), cancellationToken);
        return new ConsentRegisterPage(shown, rows.Count > PageSize ? new ConsentCursor(shown[^1].SignedOn, shown[^1].Id) : null);
    }

    public async Task<IReadOnlyList<ConsentCount>> CountsAsync(StaffMember reader, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(reader, DataProtectionTask.ConsentRegister))
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var inForce = await db.Consents.AsNoTracking().Where(AccessFilters.ConsentInForce(clock.GetUtcNow()))
            .GroupBy(k => new { k.Scope, k.Directions }).Select(g => new { g.Key.Scope, g.Key.Directions, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. Enum.GetValues<ConsentScope>().Where(s => s != ConsentScope.None).Select(scope => new ConsentCount(
            ConsentLabels.Categories(scope).Single(),
            inForce.Where(g => g.Scope.HasFlag(scope) && g.Directions.HasFlag(ConsentDirections.JobcenterToDrugHelp)).Sum(g => g.Count),
            inForce.Where(g => g.Scope.HasFlag(scope) && g.Directions.HasFlag(ConsentDirections.DrugHelpToJobcenter)).Sum(g => g.Count)))];
    }

    public async Task<IReadOnlyList<PlanWithoutConsent>> PlansWithoutConsentAsync(StaffMember reader, CancellationToken cancellationToken = default)
    {
        if (!AccessDecision.MayCarryOut(reader, DataProtectionTask.ConsentRegister))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sharesPlan = db.Consents.Where(AccessFilters.ConsentInForce(now)).Where(k => (k.Scope & ConsentScope.HelpPlan) == ConsentScope.HelpPlan);
        var rows = await (
            from plan in db.HelpPlans.AsNoTracking()
            where (plan.Status == HelpPlanStatus.Draft || plan.Status == HelpPlanStatus.Agreed)
                && !sharesPlan.Any(k => k.ClientId == plan.ClientId)
            join client in db.Clients on plan.ClientId equals client.Id
            where client.AnonymisedAt == null
            orderby client.CaseNumber, plan.Version
            select new { client.CaseNumber, plan.Version, plan.Status })
            .Take(500)
            .ToListAsync(cancellationToken);
        var result = rows.Select(r => new PlanWithoutConsent(r.CaseNumber, r.Version, GermanLabels.Of(r.Status))).ToList();
        await audit.ListViewedAsync(reader, "Hilfepläne ohne Einwilligung", result.Select(r => r.CaseNumber).Distinct(), cancellationToken);
        return result;
    }
}
