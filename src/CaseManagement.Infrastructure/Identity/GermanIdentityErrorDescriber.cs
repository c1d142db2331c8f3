using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Infrastructure.Identity;

/// <summary>Identity's messages in German, for the errors a person can meet in the account forms.</summary>
public sealed class GermanIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Das Passwort muss mindestens {length} Zeichen lang sein." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Das Passwort muss mindestens {uniqueChars} verschiedene Zeichen enthalten." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Das Passwort stimmt nicht." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "Für diese E-Mail-Adresse gibt es bereits ein Konto." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "Für diese E-Mail-Adresse gibt es bereits ein Konto." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Bitte geben Sie eine gültige E-Mail-Adresse ein." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Die E-Mail-Adresse enthält Zeichen, die für eine Anmeldung nicht erlaubt sind." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "Der Vorgang ist abgelaufen. Bitte beginnen Sie neu." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Das Konto wurde inzwischen geändert. Bitte laden Sie die Seite neu." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "Die Änderung am Konto ist fehlgeschlagen." };
}
