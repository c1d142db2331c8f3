using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CaseManagement.Infrastructure.Persistence.Faults;

/// <summary>Tells a database that could not be reached apart from every other failure.</summary>
public static class DatabaseFaults
{
    /// <summary>
    /// The German sentence a form shows when its save could not reach the database; the input stays
    /// in the form.
    /// </summary>
    public const string UnavailableMessage =
        "Die Datenbank ist gerade nicht erreichbar, es wurde nichts gespeichert. Ihre Eingaben sind nicht verloren – sie stehen noch im Formular. Bitte speichern Sie in einer Minute noch einmal.";

    /// <summary>
    /// The sentence for a save whose connection broke while the database may already have taken
    /// it (a failed COMMIT): saying "nothing was saved" could make the user enter it twice.
    /// </summary>
    public const string OutcomeUnknownMessage =
        "Die Verbindung zur Datenbank ist beim Speichern abgebrochen; es ist nicht sicher, ob gespeichert wurde. Ihre Eingaben stehen noch im Formular. Bitte prüfen Sie in einem neuen Tab, ob die Änderung angekommen ist, bevor Sie noch einmal speichern.";

    /// <summary>The German sentence of a page that could not read what it shows.</summary>
    public const string PageUnavailableMessage =
        "Die Datenbank ist gerade nicht erreichbar, deshalb konnte diese Seite nicht geladen werden. Bitte versuchen Sie es in einer Minute noch einmal.";

    /// <summary>
    /// True for a fault of the connection (after the retries, or one not retried because a write's
    /// outcome was unknown); false for an answer of a running server such as a unique violation.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                    return true;
                case PostgresException postgres:
                    return postgres.IsTransient || postgres.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException npgsql:
                    return npgsql.IsTransient;
            }
        }

        return false;
    }
}
