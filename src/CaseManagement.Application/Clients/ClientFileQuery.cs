using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Clients;

/// <summary>Opens a client's file for a user: only what the access decision allows, and every opening is audited.</summary>
public sealed class ClientFileQuery(IDbContextFactory<CaseManagementDbContext> contextFactory, ClientAccess access, AuditTrail audit)
{
    public async Task<ClientFile?> OpenAsync(StaffMember reader, Guid clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.MasterData, cancellationToken);
        if (permissions is null)
        {
            return null;
        }

        var client = await db.Clients.AsNoTracking()
            .Include(c => c.Episodes)
            .Include(c => c.Consents)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == clientId, cancellationToken);
        var notes = permissions.Allows(DataCategory.InternalNotes, reader.Organisation, AccessOperation.Read)
            ? await db.InternalNotes.AsNoTracking()
                .Where(n => n.ClientId == clientId && n.Organisation == reader.Organisation)
                .OrderByDescending(n => n.CreatedAt)
                .Select(n => new NoteView(n.Id, n.AuthorName, n.CreatedAt, n.Text))
                .ToListAsync(cancellationToken)
            : [];
        var staff = await StaffRefsAsync(db, client, cancellationToken);
        // When each consent's scan was stored; never the scan itself. Only the recording organisation's (ConsentScans).
        var scans = reader.IsCaseworker
            ? await db.ConsentScans.AsNoTracking()
                .Where(s => db.Consents.Any(c => c.Id == s.ConsentId && c.ClientId == clientId && c.RecordedByOrganisation == reader.Organisation))
                .Select(s => new { s.ConsentId, s.UploadedAt })
                .ToDictionaryAsync(s => s.ConsentId, s => s.UploadedAt, cancellationToken)
            : [];

        var mayReadMaster = permissions.MayRead(DataCategory.MasterData);
        var mayReadHealth = permissions.MayRead(DataCategory.HealthData);
        var today = GermanCalendar.DateOf(access.Now);
        var file = new ClientFile(
            client.Id,
            client.CaseNumber,
            client.OwningOrganisation,
            staff.GetValueOrDefault(client.ResponsibleCaseManagerId ?? ""),
            staff.GetValueOrDefault(client.ResponsibleDrugHelpWorkerId ?? ""),
            client.ConcurrencyStamp,
            client.TargetAreaDecision,
            client.Episodes.Any(e => e.EndedOn is null),
            mayReadMaster ? MasterDataOf(client, today) : null,
            permissions.MayWrite(DataCategory.MasterData),
            mayReadMaster || mayReadHealth
                ? [.. client.Episodes.OrderByDescending(e => e.StartedOn).Select(e => EpisodeOf(e, mayReadHealth))]
                : [],
            permissions.MayWrite(DataCategory.HealthData),
            reader.IsCaseworker
                ? [.. client.Consents.OrderByDescending(c => c.SignedOn).Select(c => new ConsentView(
                    c.Id, c.Scope, c.Directions, c.RecordedByOrganisation,
                    c.RecordedByOrganisation == reader.Organisation ? c.Purpose : null,
                    c.SignedOn, c.ValidUntil, c.RevokedAt, c.RevokedByOrganisation,
                    c.RevokedByOrganisation == reader.Organisation ? c.RevocationNote : null,
                    c.StateAt(access.Now),
                    scans.TryGetValue(c.Id, out var uploaded) ? uploaded : null))]
                : [],
            reader.IsCaseworker,
            reader.IsCaseworker && client.ResponsibleIn(reader.Organisation.Other()) is null,
            notes,
            permissions.Allows(DataCategory.InternalNotes, reader.Organisation, AccessOperation.Write),
            reader.Organisation);

        // The read and, where it was partly refused, the refusal in one save (the context tracks nothing else).
        audit.Add(db, reader, AuditAction.Viewed, client.Id, client.CaseNumber, fields: ShownSections(file));
        if (mayReadMaster)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            // Responsible, but no consent covers the other organisation's master data: a refused read the DPO must see.
            await access.DeniedAsync(db, reader, client.Id, client.CaseNumber, DataCategory.MasterData, cancellationToken);
        }

        return file;
    }

    /// <summary>
    /// Whose case a form is about (the consent form): the case number, and the name where the reader
    /// may read the master data; the read is audited. Null when the reader may not know of the client.
    /// </summary>
    public async Task<CaseHeading?> HeadingAsync(StaffMember reader, Guid clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, reader, clientId, DataCategory.MasterData, cancellationToken);
        if (permissions is null)
        {
            return null;
        }

        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.CaseNumber, c.FirstName, c.LastName }).SingleAsync(cancellationToken);
        var name = permissions.MayRead(DataCategory.MasterData) ? $"{client.FirstName} {client.LastName}" : null;
        audit.Add(db, reader, AuditAction.Viewed, clientId, client.CaseNumber, DataCategory.MasterData, [name is null ? "Fallnummer" : "Name"]);
        await db.SaveChangesAsync(cancellationToken);
        return new CaseHeading(clientId, client.CaseNumber, name);
    }

    private static IEnumerable<string> ShownSections(ClientFile file)
    {
        if (file.MasterData is not null)
        {
            yield return "Stammdaten";
        }

        if (file.Episodes.Any(e => e.HealthDataVisible))
        {
            yield return "Gesundheitsdaten";
        }

        if (file.Consents.Count > 0)
        {
            yield return "Einwilligungen";
        }

        if (file.Notes.Count > 0)
        {
            yield return "Interne Notizen";
        }
    }

    private static MasterDataView MasterDataOf(Client c, DateOnly today) => new(
        c.FirstName, c.LastName, c.BirthDate, AgeGroups.Of(c.BirthDate, today), c.Gender, c.Street, c.PostalCode, c.City,
        c.Phone, c.Email, c.Housing, c.Schooling, c.VocationalTraining, c.Employment, c.YouthEmploymentAgencyInvolved,
        AgeGroups.ShouldOfferYouthEmploymentAgency(c.BirthDate, today));

    private static EpisodeView EpisodeOf(CaseEpisode e, bool health) => new(
        e.Id, e.StartedOn, e.EndedOn, e.ClosureReason, health,
        health ? e.ReferringBody : null, health ? e.MainDiagnosis : null, health ? e.SecondaryDiagnoses : null, health ? e.ConditionsImposed : null);

    private static async Task<Dictionary<string, StaffRef>> StaffRefsAsync(CaseManagementDbContext db, Client client, CancellationToken cancellationToken)
    {
        string?[] ids = [client.ResponsibleCaseManagerId, client.ResponsibleDrugHelpWorkerId];
        var wanted = ids.OfType<string>().ToList();
        return await db.Users.AsNoTracking()
            .Where(u => wanted.Contains(u.Id))
            .Select(u => new StaffRef(u.Id, u.DisplayName, u.Organisation))
            .ToDictionaryAsync(r => r.Id, cancellationToken);
    }
}
