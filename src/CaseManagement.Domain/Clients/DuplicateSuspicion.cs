using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Clients;

/// <summary>What a team lead says about two records that look alike.</summary>
public enum DuplicateVerdict
{
    /// <summary>One person registered twice: the records are to be merged.</summary>
    SamePerson = 1,

    /// <summary>Two people who only look alike: the suspicion is closed.</summary>
    DifferentPeople = 2,
}

/// <summary>
/// A possible duplicate across the two organisations (Dublettenverdacht): a new registration looks like
/// a record of the other organisation that its registering caseworker may not know of. The caseworker
/// is never told (that would reveal that the other organisation knows the person); the team leads of
/// both organisations decide together, each for their organisation, and the suspicion is resolved when
/// both verdicts agree.
/// </summary>
public class DuplicateSuspicion
{
    public Guid Id { get; set; }

    /// <summary>The record registered later (the one whose registration raised the suspicion).</summary>
    public Guid NewClientId { get; set; }

    /// <summary>The record registered earlier, which the new one looks like.</summary>
    public Guid EarlierClientId { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public DuplicateVerdict? JobcenterVerdict { get; set; }

    public string? JobcenterDecidedByName { get; set; }

    public DuplicateVerdict? DrugHelpVerdict { get; set; }

    public string? DrugHelpDecidedByName { get; set; }

    /// <summary>Set once both verdicts agree (and, for the same person, the records were merged).</summary>
    public DuplicateVerdict? Resolution { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; }

    public bool IsOpen => Resolution is null;

    public DuplicateVerdict? VerdictOf(Organisation organisation) =>
        organisation == Organisation.Jobcenter ? JobcenterVerdict : DrugHelpVerdict;

    /// <summary>Both organisations have spoken and disagree: the team leads must talk.</summary>
    public bool IsDisputed => JobcenterVerdict is { } jobcenter && DrugHelpVerdict is { } drugHelp && jobcenter != drugHelp;

    /// <summary>The verdict both organisations agree on, if they do.</summary>
    public DuplicateVerdict? Agreed => JobcenterVerdict is { } jobcenter && jobcenter == DrugHelpVerdict ? jobcenter : null;

    /// <summary>Records one organisation's verdict (a later one replaces its earlier one while the suspicion is open).</summary>
    public void Decide(Organisation organisation, DuplicateVerdict verdict, string decidedByName)
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("Der Dublettenverdacht ist bereits entschieden.");
        }

        if (organisation == Organisation.Jobcenter)
        {
            JobcenterVerdict = verdict;
            JobcenterDecidedByName = decidedByName;
        }
        else
        {
            DrugHelpVerdict = verdict;
            DrugHelpDecidedByName = decidedByName;
        }
    }

    public void Resolve(DuplicateVerdict resolution, DateTimeOffset at)
    {
        Resolution = resolution;
        ResolvedAt = at;
    }
}
