using CaseManagement.Application.Access;
using CaseManagement.Application.Audit;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Clients;

public sealed record RegisteredClient(Guid Id, string CaseNumber);

public static class ClientWarnings
{
    public const string PossibleDuplicate = "possible-duplicate";
    public const string OutsideTargetArea = "outside-target-area";
}

/// <summary>Registering and changing clients' master data, and the team lead's target-area decision.</summary>
public sealed class ClientRegistration(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<ClientInput> validator,
    ClientAccess access,
    AuditTrail audit,
    ClientChangeNotifier notifier,
    Staff.StaffDirectory staff,
    TimeProvider clock)
{
    public async Task<CommandResult<RegisteredClient>> RegisterAsync(StaffMember actor, ClientInput input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsCaseworker)
        {
            return CommandResult.Invalid("", "Nur Fallmanager:innen und Fachkräfte der Drogenhilfe legen Klient:innen an.").As<RegisteredClient>();
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<RegisteredClient>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var warnings = new List<Warning>();
        var lookAlikes = await LookAlikesAsync(db, input, cancellationToken);
        var known = lookAlikes.Where(c => access.For(actor, ClientAccess.FactsOf(c)).MayKnowOf).ToList();
        if (!input.ConfirmedNotDuplicate && known.Count > 0)
        {
            warnings.Add(LookAlikeWarning(known));
        }

        if (!input.ConfirmedOutsideTargetArea && !TargetArea.Contains(input.PostalCode))
        {
            warnings.Add(new Warning(ClientWarnings.OutsideTargetArea, $"Die Postleitzahl {input.PostalCode.Trim()} liegt nicht in {TargetArea.CityName}. "
                + "Menschen von außerhalb gehören nicht zur Zielgruppe; wenn Sie trotzdem anlegen, entscheidet die Teamleitung."));
        }

        if (warnings.Count > 0)
        {
            return new CommandResult<RegisteredClient> { Warnings = warnings, Message = "Bitte prüfen Sie die Hinweise und bestätigen Sie." };
        }

        var counterpartOrganisation = actor.Organisation.Other();
        if (TextRules.TrimToNull(input.CounterpartId) is { } counterpartId
            && !await staff.IsCaseworkerOfAsync(counterpartId, counterpartOrganisation, cancellationToken))
        {
            return CommandResult.Invalid(nameof(ClientInput.CounterpartId), "Bitte wählen Sie eine Person aus der Liste.").As<RegisteredClient>();
        }

        var now = clock.GetUtcNow();
        var client = new Client
        {
            Id = Guid.NewGuid(),
            CaseNumber = "",
            FirstName = "",
            LastName = "",
            PostalCode = "",
            City = "",
            OwningOrganisation = actor.Organisation,
            CreatedAt = now,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        Apply(input, client);
        client.AssignResponsible(actor.Organisation, actor.Id);
        client.AssignResponsible(counterpartOrganisation, TextRules.TrimToNull(input.CounterpartId));
        client.RefreshDerivedFields();
        client.OpenNewEpisode(GermanCalendar.DateOf(now));

        for (var attempt = 1; ; attempt++)
        {
            client.CaseNumber = await NextCaseNumberAsync(db, GermanCalendar.DateOf(now).Year, cancellationToken);
            db.Clients.Add(client);
            audit.Add(db, actor, AuditAction.Created, client.Id, client.CaseNumber, DataCategory.MasterData, ClientFields.All);

            // Look-alikes the caseworker may not know of: telling them would reveal that another
            // caseworker or the other organisation knows the person (Art. 9 GDPR). The team leads decide.
            DuplicateReview.Raise(db, client.Id, lookAlikes.Except(known).Select(c => c.Id), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return CommandResult.Ok(new RegisteredClient(client.Id, client.CaseNumber));
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Only a case number taken a moment earlier by someone else is worth another try.
                if (!await CaseNumberTakenAsync(client.CaseNumber, cancellationToken))
                {
                    throw;
                }

                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<CommandResult> UpdateAsync(
        StaffMember actor, Guid clientId, ClientInput input, Guid expectedStamp, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.MasterData, cancellationToken);
        if (permissions is null)
        {
            return CommandResult.Missing();
        }

        if (!permissions.MayWrite(DataCategory.MasterData))
        {
            await access.DeniedAsync(actor, clientId, DataCategory.MasterData, cancellationToken);
            return CommandResult.Invalid("", "Die Stammdaten dieser Person pflegt die andere Organisation.");
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        var client = await db.Clients.SingleAsync(c => c.Id == clientId, cancellationToken);
        if (client.ConcurrencyStamp != expectedStamp)
        {
            return Conflict();
        }

        var before = ClientInput.From(client);
        Apply(input, client);
        client.RefreshDerivedFields();
        var changed = ClientFields.Changed(before, ClientInput.From(client));
        if (changed.Count == 0)
        {
            return CommandResult.Ok();
        }

        client.ConcurrencyStamp = Guid.NewGuid();
        audit.Add(db, actor, AuditAction.Changed, client.Id, client.CaseNumber, DataCategory.MasterData, changed);
        return await SaveOrConflictAsync(db, clientId, cancellationToken);
    }

    /// <summary>A team lead decides whether a client from outside the city stays in the cooperation.</summary>
    public async Task<CommandResult> DecideTargetAreaAsync(StaffMember actor, Guid clientId, bool approve, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.MasterData, cancellationToken);
        if (permissions is null || !actor.IsTeamLead)
        {
            return CommandResult.Missing();
        }

        // The team lead of the organisation that holds the address decides, having seen it.
        if (permissions.Facts.OwningOrganisation != actor.Organisation || !permissions.MayRead(DataCategory.MasterData))
        {
            return CommandResult.Invalid("", "Über den Wohnort entscheidet die Teamleitung der Organisation, die die Stammdaten hält.");
        }

        var client = await db.Clients.SingleAsync(c => c.Id == clientId, cancellationToken);
        if (client.TargetAreaDecision != TargetAreaDecision.Pending)
        {
            return CommandResult.Invalid("", "Hier ist keine Entscheidung offen.");
        }

        client.TargetAreaDecision = approve ? TargetAreaDecision.Approved : TargetAreaDecision.Rejected;
        client.ConcurrencyStamp = Guid.NewGuid();
        audit.Add(db, actor, AuditAction.TargetAreaDecided, client.Id, client.CaseNumber, DataCategory.MasterData, ["Wohnort-Entscheidung"]);
        return await SaveOrConflictAsync(db, clientId, cancellationToken);
    }

    /// <summary>
    /// Names the other organisation's responsible caseworker when nobody is named yet. Changing an
    /// existing responsibility is the team lead's reassignment, not this.
    /// </summary>
    public async Task<CommandResult> AssignCounterpartAsync(StaffMember actor, Guid clientId, string counterpartId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var permissions = await access.ForAsync(db, actor, clientId, DataCategory.MasterData, cancellationToken);
        if (permissions is null || !actor.IsCaseworker)
        {
            return CommandResult.Missing();
        }

        var other = actor.Organisation.Other();
        if (!TextRules.IsPlausibleId(counterpartId) || !await staff.IsCaseworkerOfAsync(counterpartId, other, cancellationToken))
        {
            return CommandResult.Invalid(nameof(ClientInput.CounterpartId), "Bitte wählen Sie eine Person aus der Liste.");
        }

        var client = await db.Clients.SingleAsync(c => c.Id == clientId, cancellationToken);
        if (client.ResponsibleIn(other) is not null)
        {
            return CommandResult.Invalid(nameof(ClientInput.CounterpartId), "Hier ist bereits jemand zuständig; eine Umverteilung nimmt die Teamleitung vor.");
        }

        client.AssignResponsible(other, counterpartId);
        client.ConcurrencyStamp = Guid.NewGuid();
        audit.Add(db, actor, AuditAction.ResponsibilityChanged, client.Id, client.CaseNumber, fields: [$"Zuständigkeit {other.German()}"]);
        return await SaveOrConflictAsync(db, clientId, cancellationToken);
    }

    private async Task<CommandResult> SaveOrConflictAsync(CaseManagementDbContext db, Guid clientId, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            notifier.Publish(clientId);
            return CommandResult.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }
    }

    internal static CommandResult Conflict() => new()
    {
        Conflict = true,
        Message = "Die Stammdaten wurden inzwischen von jemand anderem geändert. Ihre Eingaben sind noch da: "
            + "Laden Sie die aktuelle Fassung und übertragen Sie Ihre Änderungen.",
    };

    private static async Task<List<Client>> LookAlikesAsync(CaseManagementDbContext db, ClientInput input, CancellationToken cancellationToken)
    {
        var birthDate = input.BirthDate!.Value;
        var sameBirthDate = await db.Clients.AsNoTracking().Include(c => c.Consents)
            .Where(c => c.BirthDate == birthDate && c.AnonymisedAt == null)
            .ToListAsync(cancellationToken);
        return [.. sameBirthDate.Where(c => DuplicateCheck.LooksAlike(input.FirstName, input.LastName, birthDate, c))];
    }

    /// <summary>Only records the user may know of are named: the others go to the team leads as a suspicion.</summary>
    private static Warning LookAlikeWarning(IEnumerable<Client> known)
    {
        var message = $"Es gibt bereits eine Person mit ähnlichem Namen und gleichem Geburtsdatum: {string.Join(", ", known.Select(c => c.CaseNumber))}.";
        return new Warning(ClientWarnings.PossibleDuplicate, message + " Bitte prüfen Sie, ob es dieselbe Person ist (bei Rückkehr: neue Episode statt neuer Akte), und wenden Sie sich im Zweifel an Ihre Teamleitung.");
    }

    private async Task<bool> CaseNumberTakenAsync(string caseNumber, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Clients.AnyAsync(c => c.CaseNumber == caseNumber, cancellationToken);
    }

    private static async Task<string> NextCaseNumberAsync(CaseManagementDbContext db, int year, CancellationToken cancellationToken)
    {
        var prefix = CaseNumber.PrefixFor(year);
        var last = await db.Clients.AsNoTracking()
            .Where(c => c.CaseNumber.StartsWith(prefix))
            .OrderByDescending(c => c.CaseNumber)
            .Select(c => c.CaseNumber)
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = CaseNumber.TryParse(last, out _, out var lastSequence) ? lastSequence + 1 : 1;
        return CaseNumber.Format(year, sequence);
    }

    private static void Apply(ClientInput input, Client client)
    {
        client.FirstName = input.FirstName.Trim();
        client.LastName = input.LastName.Trim();
        client.BirthDate = input.BirthDate!.Value;
        client.Gender = input.Gender;
        client.Street = TextRules.TrimToNull(input.Street);
        client.PostalCode = input.PostalCode.Trim();
        client.City = input.City.Trim();
        client.Phone = TextRules.TrimToNull(input.Phone);
        client.Email = TextRules.TrimToNull(input.Email);
        client.Housing = input.Housing;
        client.Schooling = input.Schooling;
        client.VocationalTraining = input.VocationalTraining;
        client.Employment = input.Employment;
        client.YouthEmploymentAgencyInvolved = input.YouthEmploymentAgencyInvolved;
    }
}
