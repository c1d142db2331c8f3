using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Consent;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Consent;

/// <summary>A stored scan as it is handed out.</summary>
public sealed record ConsentScanFile(byte[] Content, string ContentType, string FileName);

/// <summary>
/// The scan of a consent's signed paper form: stored and shown only for the responsible caseworkers
/// of the organisation that recorded the consent. The paper carries the client's name, birth date and
/// signature and that organisation's purpose text, which the other organisation never reads (free
/// text belongs to its writer) and may read the name only with a consent covering master data; so the
/// other side sees the consent's facts, never its paper. Checked by its content, not its name, and
/// limited in size. Storing and reading are audited; a stored scan reaches open pages of the client at once.
/// </summary>
public sealed class ConsentScans(
    IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit, Clients.ClientChangeNotifier notifier, TimeProvider clock)
{
    public async Task<CommandResult> UploadAsync(
        StaffMember actor, Guid clientId, Guid consentId, string? fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.MasterData, cancellationToken);
        var recordedBy = permissions is null || !actor.IsCaseworker ? null : await RecordedByAsync(db, clientId, consentId, cancellationToken);
        if (recordedBy is null)
        {
            return CommandResult.Missing();
        }

        if (recordedBy != actor.Organisation)
        {
            // Replacing would delete the other organisation's signed paper; it is theirs to keep.
            await access.DeniedAsync(actor, clientId, DataCategory.MasterData, cancellationToken);
            return CommandResult.Missing();
        }

        if (ScanFormats.WhyNot(fileName, content) is { } problem)
        {
            return CommandResult.Invalid("Scan", problem);
        }

        // Browsers on Windows may send the whole path; no control characters reach a download header.
        var name = new string(fileName![(fileName!.LastIndexOfAny(['/', '\\']) + 1)..].Where(c => !char.IsControl(c) && c != '"').ToArray());
        name = name.Length <= ConsentScan.FileNameMaxLength ? name : name[^ConsentScan.FileNameMaxLength..];
        // The old scan goes and the new one comes in one transaction of its own, run once (never
        // retried: a repeat after a lost answer to the commit would store the scan and its audit entry twice).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ConsentScans.Where(s => s.ConsentId == consentId).ExecuteDeleteAsync(cancellationToken);
        db.ConsentScans.Add(new ConsentScan
        {
            Id = Guid.NewGuid(), ConsentId = consentId, FileName = name, Format = ScanFormats.Detect(content), Content = content,
            UploadedAt = clock.GetUtcNow(), UploadedById = actor.Id, UploadedByOrganisation = actor.Organisation,
        });
        var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        audit.Add(db, actor, AuditAction.Changed, clientId, caseNumber, DataCategory.MasterData, ["Einwilligung: unterschriebenes Formular (Scan)"]);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Publish(clientId);
        return CommandResult.Ok();
    }

    /// <returns>Null when there is no scan or the reader may not see the consent.</returns>
    public async Task<ConsentScanFile?> OpenAsync(StaffMember reader, Guid clientId, Guid consentId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.MasterData, cancellationToken);
        var recordedBy = permissions is null || !reader.IsCaseworker ? null : await RecordedByAsync(db, clientId, consentId, cancellationToken);
        if (recordedBy is null)
        {
            return null;
        }

        if (recordedBy != reader.Organisation)
        {
            await access.DeniedAsync(reader, clientId, DataCategory.MasterData, cancellationToken);
            return null;
        }

        var scan = await (
            from s in db.ConsentScans.AsNoTracking()
            join c in db.Consents on s.ConsentId equals c.Id
            where s.ConsentId == consentId && c.ClientId == clientId
            select s).SingleOrDefaultAsync(cancellationToken);
        if (scan is null)
        {
            return null;
        }

        var caseNumber = await db.Clients.Where(c => c.Id == clientId).Select(c => c.CaseNumber).SingleAsync(cancellationToken);
        await audit.RecordAsync(reader, AuditAction.Viewed, clientId, caseNumber, DataCategory.MasterData, ["Einwilligung: unterschriebenes Formular (Scan)"], cancellationToken);
        return new ConsentScanFile(scan.Content, scan.ContentType, scan.FileName);
    }

    /// <summary>The organisation that recorded the client's consent; null when the client has no such consent.</summary>
    private static Task<Domain.Staff.Organisation?> RecordedByAsync(CaseManagementDbContext db, Guid clientId, Guid consentId, CancellationToken cancellationToken) =>
        db.Consents.Where(c => c.Id == consentId && c.ClientId == clientId)
            .Select(c => (Domain.Staff.Organisation?)c.RecordedByOrganisation)
            .SingleOrDefaultAsync(cancellationToken);
}
