using CaseManagement.Application.Audit;
using CaseManagement.Application.Security;
using CaseManagement.Application.Sessions;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Sessions;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Application.Staff;

/// <summary>One account as Administration sees it on its page: no client data, only counts.</summary>
/// <param name="OpenCases">Clients with an open episode this person is responsible for.</param>
/// <param name="ConcurrencyStamp">Identity's stamp when read: a change made in between is refused, not overwritten.</param>
public sealed record AccountDetail(
    string Id, string DisplayName, string Email, Organisation Organisation, string? Role, string? Team,
    DateTimeOffset? DeactivatedAt, bool HasSecondFactor, bool SecondFactorRequired, bool MustChangePassword,
    DateTimeOffset? LockedUntil, int ActiveSessions, int OpenCases, string? ConcurrencyStamp)
{
    public bool IsDeactivated => DeactivatedAt is not null;
}

/// <summary>A new account and the one-time initial password to hand over in person.</summary>
public sealed record CreatedAccount(string Id, string InitialPassword);

/// <summary>
/// Administration changes accounts: creates them with a one-time initial password, changes name,
/// e-mail, organisation, role and team, deactivates and reactivates, issues a new initial
/// password, resets a lost second factor. Each change commits with its audit entry; a change that
/// alters what a session may do (role, organisation, e-mail, password, second factor, deactivation)
/// moves the account's security stamp and ends its open sessions at once, in every open tab.
/// Administration never reads client data here: only how many cases a person still has.
/// </summary>
public sealed class StaffAccountAdministration(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<CaseManagementDbContext> contextFactory,
    IValidator<AccountInput> validator,
    StaffSessions sessions,
    SignInThrottle throttle,
    SecondFactorPolicy secondFactor,
    AuditTrail audit,
    TimeProvider clock,
    SecurityEvents events)
{
    public async Task<AccountDetail?> DetailAsync(StaffMember actor, string userId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator) || !TextRules.IsPlausibleId(userId))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await RolesOfAsync(db, userId, cancellationToken);
        var now = clock.GetUtcNow();
        return new AccountDetail(
            user.Id, user.DisplayName, user.Email ?? "", user.Organisation, roles.FirstOrDefault(), user.Team,
            user.DeactivatedAt, user.TwoFactorEnabled, secondFactor.IsRequiredFor(roles), user.MustChangePassword,
            user.LockoutEnd is { } end && end > now ? end : null,
            await sessions.CountActiveAsync(userId, cancellationToken),
            await OpenCasesOf(db, userId).CountAsync(cancellationToken),
            user.ConcurrencyStamp);
    }

    public async Task<CommandResult<CreatedAccount>> CreateAsync(StaffMember actor, AccountInput input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator))
        {
            return CommandResult.Missing().As<CreatedAccount>();
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<CreatedAccount>();
        }

        await using var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken);
        var email = input.Email.Trim();
        if (await work.Users.FindByEmailAsync(email) is not null)
        {
            return CommandResult.Invalid(nameof(AccountInput.Email), "Für diese E-Mail-Adresse gibt es bereits ein Konto.").As<CreatedAccount>();
        }

        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            Organisation = input.Organisation!.Value,
            Team = TextRules.TrimToNull(input.Team),
            MustChangePassword = true,
        };
        var password = InitialPassword.Generate();
        var created = await work.Users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Refused(created, nameof(AccountInput.Email)).As<CreatedAccount>();
        }

        await Ensure(work.Users.AddToRoleAsync(user, input.Role!));
        audit.Add(work.Db, actor, AuditAction.AccountCreated, clientId: null, caseNumber: null,
            fields: [$"Konto: {user.DisplayName}", $"Rolle: {StaffRole.GermanLabel(input.Role!)}", $"Organisation: {user.Organisation.German()}"]);
        await work.CommitAsync(cancellationToken);
        events.AccountChanged(user.Id, AccountChange.Created, actor.Id);
        return CommandResult.Ok(new CreatedAccount(user.Id, password));
    }

    /// <param name="concurrencyStamp">From the <see cref="AccountDetail"/> the form started from.</param>
    public async Task<CommandResult> UpdateAsync(
        StaffMember actor, string userId, AccountInput input, string? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator))
        {
            return CommandResult.Missing();
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        await using var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken);
        var user = await work.Users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.Missing();
        }

        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return new CommandResult { Conflict = true, Message = "Das Konto wurde inzwischen geändert. Laden Sie es neu; Ihre Eingaben bleiben im Formular." };
        }

        var oldRole = (await work.Users.GetRolesAsync(user)).FirstOrDefault();
        var email = input.Email.Trim();
        var newRole = input.Role!;
        var organisation = input.Organisation!.Value;
        var emailChanged = !string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase);
        var roleChanged = oldRole != newRole;
        var organisationChanged = user.Organisation != organisation;

        if ((roleChanged || organisationChanged) && await RefusalOfRoleChangeAsync(work.Db, actor, user, oldRole, newRole, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (emailChanged && await work.Users.FindByEmailAsync(email) is { } other && other.Id != user.Id)
        {
            return CommandResult.Invalid(nameof(AccountInput.Email), "Für diese E-Mail-Adresse gibt es bereits ein Konto.");
        }

        var changed = new List<string>();
        if (user.DisplayName != input.DisplayName.Trim())
        {
            changed.Add("Name");
            user.DisplayName = input.DisplayName.Trim();
        }

        if (user.Team != TextRules.TrimToNull(input.Team))
        {
            changed.Add("Team");
            user.Team = TextRules.TrimToNull(input.Team);
        }

        if (organisationChanged)
        {
            changed.Add($"Organisation: {organisation.German()}");
            user.Organisation = organisation;
        }

        if (emailChanged)
        {
            changed.Add("E-Mail-Adresse");
            var result = await work.Users.SetEmailAsync(user, email);
            result = result.Succeeded ? await work.Users.SetUserNameAsync(user, email) : result;
            if (!result.Succeeded)
            {
                return Refused(result, nameof(AccountInput.Email));
            }
        }

        if (roleChanged)
        {
            changed.Add($"Rolle: {StaffRole.GermanLabel(newRole)}");
            if (oldRole is not null)
            {
                await Ensure(work.Users.RemoveFromRoleAsync(user, oldRole));
            }

            await Ensure(work.Users.AddToRoleAsync(user, newRole));
        }

        if (changed.Count == 0)
        {
            return CommandResult.Ok();
        }

        var endsSessions = emailChanged || roleChanged || organisationChanged;
        // Identity keeps the stamp on role changes; the cookie's claims name role and organisation,
        // so every session of the account must end.
        await Ensure(endsSessions ? work.Users.UpdateSecurityStampAsync(user) : work.Users.UpdateAsync(user));
        audit.Add(work.Db, actor, AuditAction.AccountChanged, clientId: null, caseNumber: null, fields: [$"Konto: {user.DisplayName}", .. changed]);
        await work.CommitAsync(cancellationToken);
        events.AccountChanged(user.Id, endsSessions ? AccountChange.RoleOrOrganisationChanged : AccountChange.DetailsChanged, actor.Id);
        if (endsSessions)
        {
            await sessions.EndAllOfAsync(user.Id, user.DisplayName, SessionEndReason.AccountChanged, actor, cancellationToken: cancellationToken);
        }

        return CommandResult.Ok();
    }

    /// <summary>
    /// Deactivates an account and ends its open sessions at once. A person who is still
    /// responsible for open cases hands them over first (<see cref="AccountHandOver"/>); only
    /// <paramref name="despiteOpenCases"/> (someone must leave at once) deactivates anyway, and the
    /// team leads still see the cases under the person's name.
    /// </summary>
    public async Task<CommandResult> DeactivateAsync(
        StaffMember actor, string userId, bool despiteOpenCases, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator))
        {
            return CommandResult.Missing();
        }

        await using var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken);
        var user = await work.Users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.Missing();
        }

        if (user.DeactivatedAt is not null)
        {
            return CommandResult.Ok();
        }

        if (user.Id == actor.Id)
        {
            return CommandResult.Invalid("", "Ihr eigenes Konto können Sie nicht deaktivieren; das tut eine andere Person der Administration.");
        }

        if (await IsLastActiveAdministratorAsync(work.Db, user.Id, cancellationToken))
        {
            return CommandResult.Invalid("", "Das ist das letzte aktive Konto der Administration. Legen Sie zuerst ein weiteres an.");
        }

        var openCases = await OpenCasesOf(work.Db, user.Id).CountAsync(cancellationToken);
        if (openCases > 0 && !despiteOpenCases)
        {
            return CommandResult.Invalid("", $"{user.DisplayName} ist noch für {Cases(openCases)} zuständig. Bitten Sie zuerst die Teamleitung um die Übergabe.");
        }

        user.DeactivatedAt = clock.GetUtcNow();
        await Ensure(work.Users.UpdateSecurityStampAsync(user));
        string[] fields = openCases > 0 ? [$"Konto: {user.DisplayName}", $"noch zuständig für {Cases(openCases)}"] : [$"Konto: {user.DisplayName}"];
        audit.Add(work.Db, actor, AuditAction.AccountDeactivated, clientId: null, caseNumber: null, fields: fields);
        await work.CommitAsync(cancellationToken);
        events.AccountChanged(user.Id, AccountChange.Deactivated, actor.Id);
        await sessions.EndAllOfAsync(user.Id, user.DisplayName, SessionEndReason.AccountDeactivated, actor, cancellationToken: cancellationToken);
        return CommandResult.Ok();
    }

    public async Task<CommandResult> ReactivateAsync(StaffMember actor, string userId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator))
        {
            return CommandResult.Missing();
        }

        await using var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken);
        var user = await work.Users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.Missing();
        }

        if (user.DeactivatedAt is null)
        {
            return CommandResult.Ok();
        }

        user.DeactivatedAt = null;
        await Ensure(work.Users.UpdateAsync(user));
        audit.Add(work.Db, actor, AuditAction.AccountReactivated, clientId: null, caseNumber: null, fields: [$"Konto: {user.DisplayName}"]);
        await work.CommitAsync(cancellationToken);
        events.AccountChanged(user.Id, AccountChange.Reactivated, actor.Id);
        return CommandResult.Ok();
    }

    /// <summary>
    /// A new one-time initial password (the person forgot theirs): shown once to Administration,
    /// to be changed at the next sign-in. Lifts a lock and ends the account's open sessions.
    /// </summary>
    public async Task<CommandResult<string>> ResetPasswordAsync(StaffMember actor, string userId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator))
        {
            return CommandResult.Missing().As<string>();
        }

        await using var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken);
        var user = await work.Users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.Missing().As<string>();
        }

        if (user.Id == actor.Id)
        {
            return CommandResult.Invalid("", "Ihr eigenes Passwort ändern Sie unter „Sicherheit und Sitzungen“.").As<string>();
        }

        var password = InitialPassword.Generate();
        await Ensure(work.Users.RemovePasswordAsync(user));
        await Ensure(work.Users.AddPasswordAsync(user, password));
        user.MustChangePassword = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await Ensure(work.Users.UpdateAsync(user));
        audit.Add(work.Db, actor, AuditAction.PasswordReset, clientId: null, caseNumber: null, fields: [$"Konto: {user.DisplayName}"]);
        await work.CommitAsync(cancellationToken);
        if (user.NormalizedEmail is { } email)
        {
            throttle.Release(email);
        }

        events.AccountChanged(user.Id, AccountChange.PasswordReset, actor.Id);
        await sessions.EndAllOfAsync(user.Id, user.DisplayName, SessionEndReason.PasswordChanged, actor, cancellationToken: cancellationToken);
        return CommandResult.Ok(password);
    }

    /// <summary>
    /// Removes a person's authenticator (a lost or new phone) and their recovery codes and ends
    /// their sessions. Where the role requires a second factor, the next sign-in sets up a new one.
    /// </summary>
    public async Task<CommandResult> ResetSecondFactorAsync(StaffMember actor, string userId, CancellationToken cancellationToken = default)
    {
        if (!actor.IsInRole(StaffRole.Administrator))
        {
            return CommandResult.Missing();
        }

        await using var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken);
        var user = await work.Users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.Missing();
        }

        await Ensure(work.Users.RemoveAuthenticationTokenAsync(user, AuthenticatorTokens.LoginProvider, AuthenticatorTokens.KeyName));
        await Ensure(work.Users.RemoveAuthenticationTokenAsync(user, AuthenticatorTokens.LoginProvider, AuthenticatorTokens.RecoveryCodesName));
        await Ensure(work.Users.SetTwoFactorEnabledAsync(user, false));
        await Ensure(work.Users.UpdateSecurityStampAsync(user));
        audit.Add(work.Db, actor, AuditAction.SecondFactorReset, clientId: null, caseNumber: null, fields: [$"Konto: {user.DisplayName}"]);
        await work.CommitAsync(cancellationToken);
        events.AccountChanged(user.Id, AccountChange.SecondFactorReset, actor.Id);
        await sessions.EndAllOfAsync(user.Id, user.DisplayName, SessionEndReason.AccountChanged, actor, cancellationToken: cancellationToken);
        return CommandResult.Ok();
    }

    /// <summary>Clients with an open episode the person is responsible for, on either side.</summary>
    internal static IQueryable<Domain.Clients.Client> OpenCasesOf(CaseManagementDbContext db, string userId) =>
        db.Clients.AsNoTracking().Where(c =>
            (c.ResponsibleCaseManagerId == userId || c.ResponsibleDrugHelpWorkerId == userId)
            && c.Episodes.Any(e => e.EndedOn == null));

    internal static string Cases(int count) => count == 1 ? "einen laufenden Fall" : $"{count} laufende Fälle";

    /// <summary>
    /// A new role or organisation must fit together, must not take away the last Administration
    /// (nor one's own), and waits until the person's open cases are handed over: they were theirs
    /// as a caseworker of their organisation.
    /// </summary>
    private static async Task<CommandResult?> RefusalOfRoleChangeAsync(
        CaseManagementDbContext db, StaffMember actor, StaffUser user, string? oldRole, string newRole, CancellationToken cancellationToken)
    {
        if (oldRole == StaffRole.Administrator && newRole != StaffRole.Administrator)
        {
            if (user.Id == actor.Id)
            {
                return CommandResult.Invalid(nameof(AccountInput.Role), "Ihre eigene Rolle Administration kann nur eine andere Person der Administration ändern.");
            }

            if (await IsLastActiveAdministratorAsync(db, user.Id, cancellationToken))
            {
                return CommandResult.Invalid(nameof(AccountInput.Role), "Das ist das letzte aktive Konto der Administration. Legen Sie zuerst ein weiteres an.");
            }
        }

        var openCases = await OpenCasesOf(db, user.Id).CountAsync(cancellationToken);
        return openCases > 0
            ? CommandResult.Invalid(nameof(AccountInput.Role),
                $"{user.DisplayName} ist noch für {Cases(openCases)} zuständig. Rolle und Organisation ändern sich erst, wenn die Teamleitung die Fälle übergeben hat.")
            : null;
    }

    private static async Task<bool> IsLastActiveAdministratorAsync(CaseManagementDbContext db, string userId, CancellationToken cancellationToken)
    {
        var administrators = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == StaffRole.Administrator && user.DeactivatedAt == null
            select user.Id).ToListAsync(cancellationToken);
        return administrators.Count == 1 && administrators[0] == userId;
    }

    private static Task<List<string>> RolesOfAsync(CaseManagementDbContext db, string userId, CancellationToken cancellationToken) =>
        (from userRole in db.UserRoles
         join role in db.Roles on userRole.RoleId equals role.Id
         where userRole.UserId == userId
         select role.Name!).ToListAsync(cancellationToken);

    /// <summary>Identity's refusal as a field error (its messages are German, <see cref="GermanIdentityErrorDescriber"/>).</summary>
    private static CommandResult Refused(IdentityResult result, string field) =>
        CommandResult.Invalid(field, string.Join(" ", result.Errors.Select(e => e.Description)));

    /// <summary>Steps that cannot fail for valid input; if one does, the transaction rolls back.</summary>
    private static async Task Ensure(Task<IdentityResult> operation)
    {
        var result = await operation;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Account change failed: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}

/// <summary>
/// One account change through Identity's UserManager and the audit entry in one transaction:
/// UserManager saves through the scope's context, which holds the transaction. It runs once and is
/// never retried (the strategy's rule for a transaction of one's own, see <c>RetryingStrategy</c>):
/// UserManager keeps state of its own (the tracked user, a new password hash, a security stamp), so
/// a repeat could not start from scratch. A fault rolls the transaction back and goes to the caller.
/// </summary>
internal sealed class AccountWork : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;
    private readonly Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction _transaction;

    private AccountWork(AsyncServiceScope scope, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        _scope = scope;
        _transaction = transaction;
        Users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Db = scope.ServiceProvider.GetRequiredService<CaseManagementDbContext>();
    }

    public UserManager<StaffUser> Users { get; }

    public CaseManagementDbContext Db { get; }

    public static async Task<AccountWork> BeginAsync(IServiceScopeFactory scopeFactory, CancellationToken cancellationToken)
    {
        var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CaseManagementDbContext>();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        return new AccountWork(scope, transaction);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await Db.SaveChangesAsync(cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
