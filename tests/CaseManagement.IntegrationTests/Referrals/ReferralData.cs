using CaseManagement.Application.Referrals;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.IntegrationTests.Referrals;

/// <summary>Partners written straight into the directory, joint cases with referral consents, and referrals made through the real commands.</summary>
internal static class ReferralData
{
    public const string Reason = "Mietschulden und Inkassobriefe; Klientin möchte Ordnung in die Finanzen bringen";
    public const string FailureReason = "Klientin ist zum Erstgespräch nicht erschienen; Rückfall";
    public const string Outcome = "Schuldenbereinigungsplan erstellt, Ratenzahlung läuft";

    public const ConsentDirections BothWays = ConsentDirections.JobcenterToDrugHelp | ConsentDirections.DrugHelpToJobcenter;

    public static async Task<Partner> PartnerAsync(this AppFixture app, PartnerType type = PartnerType.DebtCounselling, string? name = null, bool archived = false)
    {
        var partner = new Partner
        {
            Id = Guid.NewGuid(),
            Name = name ?? $"Testpartner {type} {Guid.NewGuid():N}",
            Type = type,
            ContactPerson = "Frau Test",
            Phone = "0621 555-399",
            Street = "Teststraße 1",
            PostalCode = "67059",
            City = "Ludwigshafen am Rhein",
            IsArchived = archived,
            ChangedAt = app.Now(),
            ChangedByName = "Testdaten",
        };
        await using var db = await app.DbAsync();
        db.Partners.Add(partner);
        await db.SaveChangesAsync();
        return partner;
    }

    /// <summary>
    /// A Jobcenter client with both caseworkers responsible and, unless <paramref name="scope"/> is
    /// None, a consent signed a month ago covering <paramref name="scope"/> in <paramref name="directions"/>.
    /// </summary>
    public static Task<JointCase> ReferralCaseAsync(
        this AppFixture app, ConsentScope scope = ConsentScope.MasterData | ConsentScope.Referrals, ConsentDirections directions = BothWays,
        DateOnly? validUntil = null, DateTimeOffset? revokedAt = null) =>
        app.JointCaseAsync(helpPlanConsent: false, firstName: "Renate", lastName: "Vermittelt", configure: c =>
        {
            if (scope != ConsentScope.None)
            {
                c.AddConsent(c.ResponsibleCaseManagerId!, scope, directions, app.Today().AddDays(-400), validUntil, revokedAt);
            }
        });

    public static ReferralInput NewReferral(this AppFixture app, Partner partner, int proposedDaysAgo = 20, Guid? planStepKey = null, DateOnly? followUpOn = null) => new()
    {
        PartnerId = partner.Id,
        Reason = Reason,
        ProposedOn = app.Today().AddDays(-proposedDaysAgo),
        PlanStepKey = planStepKey,
        FollowUpOn = followUpOn,
    };

    /// <summary>Makes a referral through <see cref="ReferralCommands.CreateAsync"/> and returns its id.</summary>
    public static async Task<Guid> ReferAsync(this AppFixture app, StaffMember actor, Guid clientId, Partner partner, int proposedDaysAgo = 20, DateOnly? followUpOn = null)
    {
        var created = await app.Service<ReferralCommands>().CreateAsync(actor, clientId, app.NewReferral(partner, proposedDaysAgo, followUpOn: followUpOn));
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    /// <summary>Records the steps up to <paramref name="target"/>, each the given number of days ago (one per step of the path).</summary>
    public static async Task<uint> AdvanceAsync(this AppFixture app, StaffMember actor, Guid clientId, Guid referralId, ReferralStatus target, int[] daysAgo, string? note = null)
    {
        var stored = await app.StoredReferralAsync(referralId);
        var path = ReferralProgress.PathTo(stored.Progress.Status, target);
        Assert.Equal(path.Count, daysAgo.Length);
        var input = new ReferralProgressInput
        {
            Status = target,
            On = app.Today().AddDays(-daysAgo[^1]),
            Skipped = [.. path.Take(path.Count - 1).Select((s, i) => new SkippedStepInput { Status = s, On = app.Today().AddDays(-daysAgo[i]) })],
            Note = note,
        };
        var result = await app.Service<ReferralCommands>().RecordProgressAsync(actor, clientId, referralId, input, stored.RowVersion);
        Assert.True(result.Succeeded, result.Message);
        return result.Value;
    }

    public static async Task<Referral> StoredReferralAsync(this AppFixture app, Guid referralId)
    {
        await using var db = await app.DbAsync();
        return await db.Referrals.AsNoTracking().SingleAsync(r => r.Id == referralId);
    }

    public static async Task<ReferralDetail> OpenedAsync(this AppFixture app, StaffMember reader, Guid clientId, Guid referralId)
    {
        var detail = await app.Service<ReferralQuery>().OpenAsync(reader, clientId, referralId);
        Assert.NotNull(detail);
        return detail;
    }

    public static async Task<List<AuditEntry>> ReferralAuditAsync(this AppFixture app, Guid clientId, AuditAction? action = null, string? userId = null)
    {
        await using var db = await app.DbAsync();
        return await db.AuditEntries.AsNoTracking()
            .Where(a => a.ClientId == clientId && a.Category == DataCategory.Referrals && (action == null || a.Action == action) && (userId == null || a.UserId == userId))
            .OrderBy(a => a.Id)
            .ToListAsync();
    }
}
