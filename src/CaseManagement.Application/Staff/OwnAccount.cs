using CaseManagement.Application.Audit;
using CaseManagement.Application.Security;
using CaseManagement.Application.Sessions;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Audit;
using CaseManagement.Domain.Sessions;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Application.Staff;

/// <summary>The second factor of one's own account, as the security page shows it.</summary>
public sealed record SecondFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

/// <summary>What an authenticator app needs to be set up: the key as text and as the address in the QR code.</summary>
public sealed record AuthenticatorSetup(string Key, string EnrolmentUri);

/// <summary>
/// A staff member's own account: their password and their second factor (ASP.NET Core Identity's
/// authenticator key and recovery codes). A change here moves the account's security stamp; the
/// session it is made in takes the new stamp in the same transaction, so it stays open. A new
/// password ends every other session; setting up or renewing the second factor keeps them.
/// </summary>
public sealed class OwnAccount(
    IServiceScopeFactory scopeFactory,
    IValidator<PasswordChangeInput> changeValidator,
    IValidator<NewPasswordInput> newPasswordValidator,
    IValidator<AuthenticatorCodeInput> codeValidator,
    StaffSessions sessions,
    SecondFactorPolicy secondFactor,
    AuditTrail audit,
    TimeProvider clock,
    SecurityEvents events)
{
    public const string Issuer = "Fallverbund Ludwigshafen";

    /// <summary>Changes the password and ends the person's other sessions; returns how many ended.</summary>
    public async Task<CommandResult<int>> ChangePasswordAsync(
        StaffMember member, Guid currentSession, PasswordChangeInput input, CancellationToken cancellationToken = default)
    {
        var validation = await changeValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<int>();
        }

        await using (var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken))
        {
            var user = await work.Users.FindByIdAsync(member.Id);
            if (user is null)
            {
                return CommandResult.Missing().As<int>();
            }

            var changed = await work.Users.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
            if (!changed.Succeeded)
            {
                if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                {
                    events.PasswordChangeRefused(user.Id);
                    return CommandResult.Invalid(nameof(PasswordChangeInput.CurrentPassword), "Das bisherige Passwort stimmt nicht.").As<int>();
                }

                return PasswordRefused(changed, nameof(PasswordChangeInput.NewPassword)).As<int>();
            }

            await StaffSessions.AdoptStampAsync(work.Db, user.Id, user.SecurityStamp, currentSession, cancellationToken);
            audit.Add(work.Db, member, AuditAction.PasswordChanged, clientId: null, caseNumber: null);
            await work.CommitAsync(cancellationToken);
            events.AccountChanged(user.Id, AccountChange.PasswordChanged, member.Id);
        }

        var ended = await sessions.EndOthersAsync(member, currentSession, SessionEndReason.PasswordChanged, cancellationToken);
        return CommandResult.Ok(ended);
    }

    /// <summary>
    /// At sign-in, before any session exists: the person replaces the initial password from
    /// Administration with one of their own. Returns the account with its new security stamp.
    /// </summary>
    public async Task<CommandResult<StaffUser>> ReplaceInitialPasswordAsync(string userId, NewPasswordInput input, CancellationToken cancellationToken = default)
    {
        var validation = await newPasswordValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<StaffUser>();
        }

        await using var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken);
        var user = await work.Users.FindByIdAsync(userId);
        if (user is null || !user.MustChangePassword)
        {
            return CommandResult.Missing().As<StaffUser>();
        }

        if (await work.Users.CheckPasswordAsync(user, input.NewPassword))
        {
            return CommandResult.Invalid(nameof(NewPasswordInput.NewPassword), "Bitte wählen Sie ein eigenes Passwort, nicht das vorläufige.").As<StaffUser>();
        }

        var removed = await work.Users.RemovePasswordAsync(user);
        var added = removed.Succeeded ? await work.Users.AddPasswordAsync(user, input.NewPassword) : removed;
        if (!added.Succeeded)
        {
            return PasswordRefused(added, nameof(NewPasswordInput.NewPassword)).As<StaffUser>();
        }

        user.MustChangePassword = false;
        await work.Users.UpdateAsync(user);
        audit.Add(work.Db, MemberOf(user), AuditAction.PasswordChanged, clientId: null, caseNumber: null, fields: ["vorläufiges Passwort ersetzt"]);
        await work.CommitAsync(cancellationToken);
        events.AccountChanged(user.Id, AccountChange.PasswordChanged, user.Id);
        return CommandResult.Ok(user);
    }

    public async Task<SecondFactorStatus> SecondFactorAsync(StaffMember member, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(member.Id) ?? throw new InvalidOperationException("The signed-in account does not exist.");
        return new SecondFactorStatus(
            user.TwoFactorEnabled,
            secondFactor.IsRequiredFor(member.Roles),
            user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    /// <summary>
    /// The key to set up an authenticator app with. While the second factor is not switched on, the
    /// same key is offered again (the app may already hold it); it counts only once a code from it
    /// has been confirmed.
    /// </summary>
    public async Task<AuthenticatorSetup> AuthenticatorSetupAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("The account does not exist.");
        if (user.TwoFactorEnabled)
        {
            throw new InvalidOperationException("The second factor is switched on; it is turned off before a new one is set up.");
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: that would move the security stamp for a key nobody uses yet.
            var store = (IUserAuthenticatorKeyStore<StaffUser>)scope.ServiceProvider.GetRequiredService<IUserStore<StaffUser>>();
            key = users.GenerateNewAuthenticatorKey();
            await store.SetAuthenticatorKeyAsync(user, key, cancellationToken);
            await users.UpdateAsync(user);
        }

        return new AuthenticatorSetup(key, AuthenticatorCode.EnrolmentUri(Issuer, user.Email ?? user.UserName ?? "", key));
    }

    /// <summary>
    /// Switches the second factor on once a code from the app proves it holds the key, and returns
    /// the recovery codes (shown once). <paramref name="keepSessions"/>: the person's active sessions
    /// stay open (at sign-in there are none yet).
    /// </summary>
    public async Task<CommandResult<IReadOnlyList<string>>> EnableAuthenticatorAsync(
        string userId, AuthenticatorCodeInput input, bool keepSessions, CancellationToken cancellationToken = default)
    {
        var validation = await codeValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<IReadOnlyList<string>>();
        }

        await using var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken);
        var user = await work.Users.FindByIdAsync(userId);
        if (user is null)
        {
            return CommandResult.Missing().As<IReadOnlyList<string>>();
        }

        var key = await work.Users.GetAuthenticatorKeyAsync(user);
        if (user.TwoFactorEnabled || !AuthenticatorCode.Matches(key, input.Code, clock.GetUtcNow()))
        {
            events.SecondFactorChangeRefused(user.Id);
            return WrongCode().As<IReadOnlyList<string>>();
        }

        await work.Users.SetTwoFactorEnabledAsync(user, true);
        var codes = await work.Users.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorTokens.RecoveryCodeCount) ?? [];
        if (keepSessions)
        {
            await StaffSessions.AdoptStampAsync(work.Db, user.Id, user.SecurityStamp, onlySession: null, cancellationToken);
        }

        audit.Add(work.Db, MemberOf(user), AuditAction.SecondFactorEnabled, clientId: null, caseNumber: null);
        await work.CommitAsync(cancellationToken);
        events.AccountChanged(user.Id, AccountChange.SecondFactorEnabled, user.Id);
        return CommandResult.Ok<IReadOnlyList<string>>([.. codes]);
    }

    /// <summary>New recovery codes (the old ones no longer work), confirmed by a current code of the app.</summary>
    public async Task<CommandResult<IReadOnlyList<string>>> RenewRecoveryCodesAsync(
        StaffMember member, AuthenticatorCodeInput input, CancellationToken cancellationToken = default)
    {
        var validation = await codeValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation).As<IReadOnlyList<string>>();
        }

        await using var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken);
        var user = await work.Users.FindByIdAsync(member.Id);
        if (user is not { TwoFactorEnabled: true } || !AuthenticatorCode.Matches(await work.Users.GetAuthenticatorKeyAsync(user), input.Code, clock.GetUtcNow()))
        {
            events.SecondFactorChangeRefused(member.Id);
            return WrongCode().As<IReadOnlyList<string>>();
        }

        var codes = await work.Users.GenerateNewTwoFactorRecoveryCodesAsync(user, AuthenticatorTokens.RecoveryCodeCount) ?? [];
        audit.Add(work.Db, member, AuditAction.RecoveryCodesRenewed, clientId: null, caseNumber: null);
        await work.CommitAsync(cancellationToken);
        events.AccountChanged(user.Id, AccountChange.RecoveryCodesRenewed, member.Id);
        return CommandResult.Ok<IReadOnlyList<string>>([.. codes]);
    }

    /// <summary>Switches the second factor off (not for roles that require it), confirmed by a current code of the app.</summary>
    public async Task<CommandResult> DisableAuthenticatorAsync(StaffMember member, AuthenticatorCodeInput input, CancellationToken cancellationToken = default)
    {
        if (secondFactor.IsRequiredFor(member.Roles))
        {
            return CommandResult.Invalid("", "Für Ihre Rolle ist die Anmeldung mit zweitem Faktor vorgeschrieben.");
        }

        var validation = await codeValidator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.Invalid(validation);
        }

        await using var work = await AccountWork.BeginAsync(scopeFactory, cancellationToken);
        var user = await work.Users.FindByIdAsync(member.Id);
        if (user is not { TwoFactorEnabled: true } || !AuthenticatorCode.Matches(await work.Users.GetAuthenticatorKeyAsync(user), input.Code, clock.GetUtcNow()))
        {
            events.SecondFactorChangeRefused(member.Id);
            return WrongCode();
        }

        await work.Users.RemoveAuthenticationTokenAsync(user, AuthenticatorTokens.LoginProvider, AuthenticatorTokens.RecoveryCodesName);
        await work.Users.RemoveAuthenticationTokenAsync(user, AuthenticatorTokens.LoginProvider, AuthenticatorTokens.KeyName);
        await work.Users.SetTwoFactorEnabledAsync(user, false);
        await StaffSessions.AdoptStampAsync(work.Db, user.Id, user.SecurityStamp, onlySession: null, cancellationToken);
        audit.Add(work.Db, member, AuditAction.SecondFactorDisabled, clientId: null, caseNumber: null);
        await work.CommitAsync(cancellationToken);
        events.AccountChanged(user.Id, AccountChange.SecondFactorDisabled, member.Id);
        return CommandResult.Ok();
    }

    private static CommandResult WrongCode() =>
        CommandResult.Invalid(nameof(AuthenticatorCodeInput.Code),
            "Der Code stimmt nicht. Nehmen Sie den Code, den die App gerade anzeigt, und prüfen Sie, ob die Uhrzeit des Telefons stimmt.");

    private static CommandResult PasswordRefused(IdentityResult result, string field) =>
        CommandResult.Invalid(field, string.Join(" ", result.Errors.Select(e => e.Description)));

    private static StaffMember MemberOf(StaffUser user) =>
        new(user.Id, user.DisplayName, user.Organisation, new HashSet<string>(StringComparer.Ordinal));
}
