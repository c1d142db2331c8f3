using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CaseManagement.Application.Referrals;

/// <summary>One partner of the directory as pages show it; <see cref="Token"/> is what a change must carry.</summary>
public sealed record PartnerView(
    Guid Id,
    string Name,
    PartnerType Type,
    string? ContactPerson,
    string? Phone,
    string? Email,
    string? Street,
    string? PostalCode,
    string? City,
    string? Notes,
    bool IsArchived,
    DateTimeOffset ChangedAt,
    string ChangedByName,
    uint Token)
{
    /// <summary>"Straße, PLZ Ort" as far as known; empty when nothing is.</summary>
    public string Address => string.Join(", ", new[] { Street, string.Join(' ', new[] { PostalCode, City }.Where(p => !string.IsNullOrWhiteSpace(p))) }
        .Where(p => !string.IsNullOrWhiteSpace(p)));

    internal static PartnerView Of(Partner p) => new(
        p.Id, p.Name, p.Type, p.ContactPerson, p.Phone, p.Email, p.Street, p.PostalCode, p.City, p.Notes, p.IsArchived, p.ChangedAt, p.ChangedByName, p.RowVersion);
}

/// <summary>What the directory list shows: by default the partners that take referrals, of every type.</summary>
public sealed record PartnerFilter(PartnerType? Type = null, string? Search = null, bool IncludeArchived = false);

/// <summary>
/// The directory of partner services (Netzwerkpartner). Administration keeps it; caseworkers and
/// team leads read it to choose a partner and to find phone and address. A partner is not client
/// data, so nothing here touches the client audit. Every change is refused unless the actor holds
/// the Administration role (deny by default), carries the row version it started from, and is refused
/// as a conflict when someone saved in between.
/// </summary>
public sealed class PartnerDirectory(
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<PartnerInput> validator,
    TimeProvider clock)
{
    public const string OnlyAdministrationMessage = "Das Verzeichnis der Netzwerkpartner pflegt die Administration.";

    public const string ConflictMessage =
        "Jemand anderes hat diesen Netzwerkpartner inzwischen geändert. Ihre Eingaben sind nicht verloren – sie stehen noch im Formular.";

    /// <summary>Who may read the directory: the people who refer (caseworkers), their team leads, and Administration.</summary>
    public static bool MayRead(StaffMember reader) =>
        reader.IsCaseworker || reader.IsTeamLead || MayChange(reader);

    public static bool MayChange(StaffMember actor) => actor.IsInRole(StaffRole.Administrator);

    /// <summary>
    /// The partners matching <paramref name="filter"/>, ordered by type and name. The directory is
    /// small (tens of entries), so the name search runs in memory: case- and accent-tolerant the same
    /// way on PostgreSQL and SQLite.
    /// </summary>
    public async Task<IReadOnlyList<PartnerView>> ListAsync(StaffMember reader, PartnerFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!MayRead(reader))
        {
            return [];
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Partners.AsNoTracking();
        if (filter.Type is { } type)
        {
            query = query.Where(p => p.Type == type);
        }

        if (!filter.IncludeArchived)
        {
            query = query.Where(p => !p.IsArchived);
        }

        var partners = await query.ToListAsync(cancellationToken);
        var search = filter.Search?.Trim();
        return [.. partners
            .Where(p => string.IsNullOrEmpty(search) || Contains(p.Name, search) || Contains(p.City, search) || Contains(p.ContactPerson, search))
            .OrderBy(p => p.Type).ThenBy(p => p.Name, StringComparer.Create(GermanCulture, ignoreCase: true))
            .Select(PartnerView.Of)];
    }

    public async Task<PartnerView?> GetAsync(StaffMember reader, Guid partnerId, CancellationToken cancellationToken = default)
    {
        if (!MayRead(reader))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        return partner is null ? null : PartnerView.Of(partner);
    }

    /// <summary>Adds a partner to the directory. Returns its id.</summary>
    public async Task<CommandResult<Guid>> CreateAsync(StaffMember actor, PartnerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!MayChange(actor))
        {
            return Refused().As<Guid>();
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<Guid>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await DuplicateAsync(db, input, null, cancellationToken) is { } duplicate)
        {
            return duplicate.As<Guid>();
        }

        var partner = new Partner { Id = Guid.NewGuid() };
        input.ApplyTo(partner);
        Touch(partner, actor);
        db.Partners.Add(partner);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok(partner.Id);
    }

    /// <summary>Saves the form over the version the user started from. Returns the new token.</summary>
    public async Task<CommandResult<uint>> UpdateAsync(StaffMember actor, Guid partnerId, PartnerInput input, uint token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = MayChange(actor) ? await validator.ValidateAsync(input, cancellationToken) : null;
        return await ChangeAsync(actor, partnerId, token, validation, async (db, partner) =>
        {
            if (await DuplicateAsync(db, input, partnerId, cancellationToken) is { } duplicate)
            {
                return duplicate;
            }

            input.ApplyTo(partner);
            return CommandResult.Ok();
        }, cancellationToken);
    }

    /// <summary>No longer offered for new referrals; referrals made to it keep it.</summary>
    public Task<CommandResult<uint>> ArchiveAsync(StaffMember actor, Guid partnerId, uint token, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(actor, partnerId, token, archived: true, cancellationToken);

    public Task<CommandResult<uint>> UnarchiveAsync(StaffMember actor, Guid partnerId, uint token, CancellationToken cancellationToken = default) =>
        SetArchivedAsync(actor, partnerId, token, archived: false, cancellationToken);

    private Task<CommandResult<uint>> SetArchivedAsync(StaffMember actor, Guid partnerId, uint token, bool archived, CancellationToken cancellationToken) =>
        ChangeAsync(actor, partnerId, token, null, (_, partner) =>
        {
            partner.IsArchived = archived;
            return Task.FromResult(CommandResult.Ok());
        }, cancellationToken);

    private async Task<CommandResult<uint>> ChangeAsync(
        StaffMember actor, Guid partnerId, uint token, FluentValidation.Results.ValidationResult? validation,
        Func<CaseManagementDbContext, Partner, Task<CommandResult>> change, CancellationToken cancellationToken)
    {
        if (!MayChange(actor))
        {
            return Refused().As<uint>();
        }

        if (validation is { IsValid: false })
        {
            return CommandResult.Invalid(validation).As<uint>();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (partner is null)
        {
            return CommandResult.Missing().As<uint>();
        }

        if (partner.RowVersion != token)
        {
            return Conflict().As<uint>();
        }

        var result = await change(db, partner);
        if (!result.Succeeded)
        {
            return result.As<uint>();
        }

        Touch(partner, actor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict().As<uint>();
        }

        return CommandResult.Ok(partner.RowVersion);
    }

    public static CommandResult Conflict() => new() { Conflict = true, Message = ConflictMessage };

    private static CommandResult Refused() => CommandResult.Invalid("", OnlyAdministrationMessage);

    private void Touch(Partner partner, StaffMember actor)
    {
        partner.ChangedAt = clock.GetUtcNow();
        partner.ChangedByName = actor.DisplayName;
    }

    /// <summary>The same name and type twice would make people choose between two entries for one service.</summary>
    private static async Task<CommandResult?> DuplicateAsync(CaseManagementDbContext db, PartnerInput input, Guid? self, CancellationToken cancellationToken)
    {
        var type = input.Type!.Value;
        var names = await db.Partners.AsNoTracking().Where(p => p.Type == type && p.Id != self).Select(p => p.Name).ToListAsync(cancellationToken);
        var name = input.Name.Trim();
        return names.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ? CommandResult.Invalid(nameof(PartnerInput.Name), "Einen Netzwerkpartner dieser Art mit diesem Namen gibt es bereits (ggf. im Archiv).")
            : null;
    }

    private static readonly System.Globalization.CultureInfo GermanCulture = System.Globalization.CultureInfo.GetCultureInfo("de-DE");

    // "pfalzerwald" finds "Pfälzerwald" (accents ignored), and "Pfaelzerwald" finds it too (folded as the client search folds).
    private static bool Contains(string? text, string search) =>
        text is not null && (GermanCulture.CompareInfo.IndexOf(text, search,
            System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace) >= 0
            || SearchText.Normalize(text).Contains(SearchText.Normalize(search), StringComparison.Ordinal));
}
