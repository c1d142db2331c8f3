using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Documents.Consent;
using CaseManagement.Documents.HelpPlans;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Consent;

public sealed record PrintedConsentForm(byte[] Pdf, string FileName);

/// <summary>
/// The consent form (Schweigepflichtentbindung) of one consent, printed for the client to sign. Who
/// may print it is who may see the consent: the client's responsible caseworkers of either
/// organisation (its signed scan only the recording organisation's, <see cref="ConsentScans"/>).
/// What they may not see stays off the paper, as a
/// line to fill in by hand: the name and birth date without a consent covering master data, the
/// purpose when the other organisation wrote it. Every print is audited.
/// </summary>
public sealed class ConsentFormPrint(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The audit entry's field for a printed form.</summary>
    public const string AuditField = "Einwilligung: Formular (Schweigepflichtentbindung)";

    /// <returns>Null when there is no such consent or the reader may not see it.</returns>
    public async Task<PrintedConsentForm?> RenderAsync(StaffMember reader, Guid clientId, Guid consentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.MasterData, cancellationToken);
        if (permissions is null || !reader.IsCaseworker)
        {
            return null;
        }

        var consent = await db.Consents.AsNoTracking().SingleOrDefaultAsync(c => c.Id == consentId && c.ClientId == clientId, cancellationToken);
        if (consent is null)
        {
            return null;
        }

        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.CaseNumber, c.FirstName, c.LastName, c.BirthDate })
            .SingleAsync(cancellationToken);
        var mayReadMaster = permissions.MayRead(DataCategory.MasterData);
        var now = clock.GetUtcNow();
        var document = new ConsentFormDocument(
            mayReadMaster ? $"{client.FirstName} {client.LastName}" : null,
            mayReadMaster ? client.BirthDate : null,
            client.CaseNumber,
            HelpPlanDocument.DefaultJobcenterName,
            HelpPlanDocument.DefaultDrugHelpServiceName,
            [.. CategoriesOf(consent.Scope)],
            consent.Directions.HasFlag(ConsentDirections.JobcenterToDrugHelp),
            consent.Directions.HasFlag(ConsentDirections.DrugHelpToJobcenter),
            // The purpose is the recording organisation's text, like an internal note.
            consent.RecordedByOrganisation == reader.Organisation ? consent.Purpose : null,
            consent.SignedOn,
            consent.ValidUntil,
            consent.RecordedByOrganisation == Organisation.Jobcenter ? ConsentFormParty.Jobcenter : ConsentFormParty.DrugHelpService,
            !mayReadMaster || AgeGroups.AgeOn(client.BirthDate, consent.SignedOn) < 18,
            consent.StateAt(now) switch
            {
                ConsentState.Revoked => ConsentFormLabels.RevokedMark,
                ConsentState.Expired => ConsentFormLabels.ExpiredMark,
                _ => null,
            },
            GermanCalendar.DateOf(now));

        var pdf = ConsentFormPdf.Render(document);
        await audit.RecordAsync(reader, AuditAction.Exported, clientId, client.CaseNumber, DataCategory.MasterData, [AuditField, "PDF"], cancellationToken);
        return new PrintedConsentForm(pdf, $"Einwilligung_{client.CaseNumber}_{consent.SignedOn:yyyy-MM-dd}.pdf");
    }

    private static IEnumerable<ConsentFormCategory> CategoriesOf(ConsentScope scope)
    {
        (ConsentScope Flag, ConsentFormCategory Printed)[] order =
        [
            (ConsentScope.MasterData, ConsentFormCategory.MasterData),
            (ConsentScope.HelpPlan, ConsentFormCategory.HelpPlan),
            (ConsentScope.Appointments, ConsentFormCategory.Appointments),
            (ConsentScope.Referrals, ConsentFormCategory.Referrals),
            (ConsentScope.HealthData, ConsentFormCategory.HealthData),
        ];
        return order.Where(o => scope.HasFlag(o.Flag)).Select(o => o.Printed);
    }
}
