using CaseManagement.Domain.Access;
using CaseManagement.Domain.Sessions;
using Microsoft.Extensions.Logging;

namespace CaseManagement.Application.Security;

/// <summary>What changed on an account, as a security event names it.</summary>
public enum AccountChange
{
    Created = 1,
    Deactivated = 2,
    Reactivated = 3,
    RoleOrOrganisationChanged = 4,
    DetailsChanged = 5,
    PasswordReset = 6,
    SecondFactorReset = 7,
    Unlocked = 8,
    PasswordChanged = 9,
    SecondFactorEnabled = 10,
    SecondFactorDisabled = 11,
    RecoveryCodesRenewed = 12,
}

/// <summary>How a sign-in proved who it was.</summary>
public enum SignInMethod
{
    Password = 1,
    PasswordAndAuthenticator = 2,
    PasswordAndRecoveryCode = 3,
}

/// <summary>
/// The security events of the product as structured log events in one category
/// (<see cref="Category"/>), for the city's monitoring: sign-ins and their failures, locks,
/// second-factor failures, account changes, ended sessions and refused access. They carry event
/// ids, opaque account and session ids and reasons, never personal data: no e-mail address (not
/// even one typed at a failed sign-in), no name, no client, no case number, no address.
/// </summary>
public sealed partial class SecurityEvents(ILoggerFactory loggerFactory)
{
    public const string Category = "CaseManagement.Security";

    private readonly ILogger _logger = loggerFactory.CreateLogger(Category);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Security: sign-in succeeded for user {UserId} with {Method}")]
    public partial void SignInSucceeded(string userId, SignInMethod method);

    /// <param name="userId">Null when no account has the address typed (which is never logged).</param>
    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Security: sign-in refused ({Reason}) for user {UserId}")]
    public partial void SignInRefused(string reason, string? userId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Security: account {UserId} locked after {Failures} failed sign-ins")]
    public partial void AccountLockedOut(string userId, int failures);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Security: second factor refused for user {UserId} (password was right)")]
    public partial void SecondFactorFailed(string userId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Security: recovery code used by user {UserId}, {Remaining} left")]
    public partial void RecoveryCodeUsed(string userId, int remaining);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Information, Message = "Security: user {UserId} must {Step} before the sign-in completes")]
    public partial void SignInStepRequired(string userId, string step);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Security: account {UserId} changed ({Change}) by user {ActorId}")]
    public partial void AccountChanged(string userId, AccountChange change, string actorId);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Security: password change refused for user {UserId}: wrong current password")]
    public partial void PasswordChangeRefused(string userId);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Security: second-factor change refused for user {UserId}: wrong code")]
    public partial void SecondFactorChangeRefused(string userId);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning, Message = "Security: access to client data ({Category}) refused for user {UserId}")]
    public partial void ClientAccessRefused(string userId, DataCategory category);

    /// <param name="target">A route pattern or page name, never a path with ids.</param>
    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "Security: access to {Target} refused for user {UserId}")]
    public partial void PageAccessRefused(string target, string? userId);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Security: session {SessionId} started for user {UserId}")]
    public partial void SessionStarted(Guid sessionId, string userId);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information, Message = "Security: session {SessionId} of user {UserId} ended ({Reason}) by user {ActorId}")]
    public partial void SessionEnded(Guid sessionId, string userId, SessionEndReason reason, string actorId);
}
