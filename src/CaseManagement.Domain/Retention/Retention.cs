namespace CaseManagement.Domain.Retention;

/// <summary>
/// The retention rule of the Löschkonzept (deletion concept): the personal data of a closed case is
/// removed a number of years after its last episode ended. A case with an open episode is never due;
/// a case that was reopened counts from the end of its newest episode.
/// </summary>
public static class RetentionRules
{
    /// <summary>Default years after the end of the last episode (docs/data-protection.md gives the reasoning).</summary>
    public const int DefaultClosedCaseYears = 5;

    /// <summary>Audit entries about an anonymised case (and those about no case) are removed this many years after.</summary>
    public const int DefaultAuditYears = 2;

    public const int MinYears = 1;

    public const int MaxYears = 30;

    /// <summary>The first day on which a case whose last episode ended on <paramref name="lastEndedOn"/> is due.</summary>
    public static DateOnly DueOn(DateOnly lastEndedOn, int years)
    {
        var due = lastEndedOn.AddYears(years);
        // 29 February plus whole years lands on 28 February: the full years have passed only a day later.
        return due.AddYears(-years) < lastEndedOn ? due.AddDays(1) : due;
    }

    /// <summary>The latest end of a last episode that is due on <paramref name="today"/> (the same rule, for a query).</summary>
    public static DateOnly LatestDueEnd(DateOnly today, int years) => today.AddYears(-years);

    public static bool IsDue(DateOnly lastEndedOn, int years, DateOnly today) => lastEndedOn <= LatestDueEnd(today, years);

    /// <summary>
    /// The case number an anonymised record carries instead of its own: unique, never a valid case
    /// number, so that nothing printed or remembered leads back to the record.
    /// </summary>
    public static string AnonymousCaseNumber(Guid seed) => "ANON-" + seed.ToString("N")[..15].ToUpperInvariant();
}

/// <summary>The retention periods in force, set by Administration (one row).</summary>
public class RetentionSetting
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;

    /// <summary>Years after the end of a case's last episode until its personal data is removed.</summary>
    public int ClosedCaseYears { get; set; } = RetentionRules.DefaultClosedCaseYears;

    public int AuditYears { get; set; } = RetentionRules.DefaultAuditYears;

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedByName { get; set; } = "";
}

/// <summary>
/// A legal hold (Löschsperre): the data-protection officer keeps a due case from being removed, with
/// a reason (a pending court case, an inspection, a complaint). In force until lifted.
/// </summary>
public class RetentionHold
{
    public const int ReasonMaxLength = 500;

    public Guid Id { get; set; }

    public Guid ClientId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset PlacedAt { get; set; }

    public string PlacedById { get; set; } = "";

    public string PlacedByName { get; set; } = "";

    public DateTimeOffset? LiftedAt { get; set; }

    public string? LiftedByName { get; set; }

    public bool InForce => LiftedAt is null;
}

/// <summary>One retention run (Löschlauf): when, who or what started it, and which cases it anonymised.</summary>
public class RetentionRun
{
    public const int CaseNumbersMaxLength = 4000;

    public Guid Id { get; set; }

    /// <summary>The local day the run belongs to; a scheduled run happens once per day.</summary>
    public DateOnly RunDate { get; set; }

    /// <summary>Started by the daily schedule rather than by the data-protection officer.</summary>
    public bool Scheduled { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    public string StartedByName { get; set; } = "";

    /// <summary>The period in force for this run.</summary>
    public int ClosedCaseYears { get; set; }

    public int Anonymised { get; set; }

    /// <summary>Due cases kept by a legal hold.</summary>
    public int Held { get; set; }

    /// <summary>The audit-log period in force for this run.</summary>
    public int AuditYears { get; set; }

    /// <summary>Audit entries removed because their period had passed.</summary>
    public int AuditEntriesRemoved { get; set; }

    /// <summary>The case numbers the anonymised records carried, comma-separated (cut at <see cref="CaseNumbersMaxLength"/>).</summary>
    public string CaseNumbers { get; set; } = "";
}
