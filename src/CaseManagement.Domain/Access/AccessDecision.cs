using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Domain.Access;

/// <summary>Who is asking: enough of a staff member for the access decision.</summary>
public sealed record StaffMember(string Id, string DisplayName, Organisation Organisation, IReadOnlySet<string> Roles)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>The caseworker role of the member's own organisation (Fallmanager:in or Fachkraft Drogenhilfe).</summary>
    public bool IsCaseworker => Organisation switch
    {
        Organisation.Jobcenter => IsInRole(StaffRole.CaseManager),
        Organisation.DrugHelpService => IsInRole(StaffRole.DrugHelpWorker),
        _ => false,
    };

    public bool IsTeamLead => Organisation switch
    {
        Organisation.Jobcenter => IsInRole(StaffRole.TeamLeadJobcenter),
        Organisation.DrugHelpService => IsInRole(StaffRole.TeamLeadDrugHelp),
        _ => false,
    };
}

public sealed record ConsentFacts(ConsentScope Scope, ConsentDirections Directions, DateOnly SignedOn, DateOnly? ValidUntil, DateTimeOffset? RevokedAt)
{
    public bool Permits(DataCategory category, Organisation holder, DateTimeOffset now) =>
        ClientConsent.StateOf(SignedOn, ValidUntil, RevokedAt, now) == ConsentState.Valid
        && Scope.HasFlag(ConsentScopes.For(category)) && ConsentScopes.For(category) != ConsentScope.None
        && Directions.HasFlag(ConsentScopes.From(holder));
}

/// <summary>What the access decision needs to know about one client.</summary>
public sealed record ClientAccessFacts(
    Organisation OwningOrganisation,
    string? ResponsibleCaseManagerId,
    string? ResponsibleDrugHelpWorkerId,
    IReadOnlyList<ConsentFacts> Consents)
{
    public string? ResponsibleIn(Organisation organisation) => organisation switch
    {
        Organisation.Jobcenter => ResponsibleCaseManagerId,
        Organisation.DrugHelpService => ResponsibleDrugHelpWorkerId,
        _ => null,
    };

    /// <summary>Which organisation holds a category of this client's data when no single record says otherwise.</summary>
    public Organisation HolderOf(DataCategory category) => category switch
    {
        DataCategory.HealthData => Organisation.DrugHelpService,
        _ => OwningOrganisation,
    };
}

/// <summary>
/// The single access decision of the product: may this staff member read or change this
/// category of this client's data now? Every query and page asks here; anything not allowed
/// below is denied.
/// <list type="bullet">
/// <item>Caseworkers (Fallmanager:in, Fachkraft Drogenhilfe) reach only clients they are
/// responsible for. Data their own organisation holds they may read and change. Data the other
/// organisation holds they may read only while a valid consent covers that category in that
/// direction; of it they may change only the joint help plan. Internal notes stay inside the
/// organisation that wrote them, consent or not.</item>
/// <item>Team leads may read the master data of clients their organisation is responsible for,
/// under the same consent rule, to review caseloads; they change none of the case's data. They
/// see the workload facts of those cases (<see cref="MayOverseeWorkload"/>): that a plan, a step,
/// an appointment or a referral exists and its date, never its content. The one thing they change
/// is who is responsible on their own organisation's side
/// (<see cref="MayReassign(StaffMember, ClientAccessFacts, Organisation, StaffMember)"/>).</item>
/// <item>Steering and administration see no client data. Data protection sees none either,
/// except for the tasks of <see cref="DataProtectionTask"/> (<see cref="MayCarryOut"/>), each audited.</item>
/// </list>
/// </summary>
public static class AccessDecision
{
    public static bool Allows(
        StaffMember user, ClientAccessFacts client, DataCategory category, AccessOperation operation, DateTimeOffset now) =>
        Allows(user, client, category, client.HolderOf(category), operation, now);

    /// <param name="holder">The organisation that holds the data in question (for records such as appointments: the one that recorded it).</param>
    public static bool Allows(
        StaffMember user, ClientAccessFacts client, DataCategory category, Organisation holder, AccessOperation operation, DateTimeOffset now)
    {
        if (!Enum.IsDefined(category) || !Enum.IsDefined(operation) || !Enum.IsDefined(holder))
        {
            return false;
        }

        if (user.IsCaseworker && client.ResponsibleIn(user.Organisation) == user.Id)
        {
            return CaseworkerMay(user.Organisation, client, category, holder, operation, now);
        }

        if (user.IsTeamLead && client.ResponsibleIn(user.Organisation) is not null)
        {
            return category == DataCategory.MasterData && operation == AccessOperation.Read
                && (holder == user.Organisation || ConsentPermits(client, category, holder, now));
        }

        return false;
    }

    /// <summary>Whether the user may see that the client exists at all (list row, case number); no content.</summary>
    public static bool MayKnowOf(StaffMember user, ClientAccessFacts client) =>
        (user.IsCaseworker || user.IsTeamLead) && client.ResponsibleIn(user.Organisation) is { } responsible
        && (user.IsTeamLead || responsible == user.Id);

    /// <summary>
    /// Whether the user may see the workload facts of this case (Fallbelastung) under its case
    /// number: that a draft plan, an overdue step or review, an appointment, a no-show or a waiting
    /// referral of their organisation's staff exists, and its date. Only a team lead, only for a
    /// case their own organisation works on; contents stay under
    /// <see cref="Allows(StaffMember, ClientAccessFacts, DataCategory, AccessOperation, DateTimeOffset)"/>.
    /// </summary>
    public static bool MayOverseeWorkload(StaffMember user, ClientAccessFacts client) =>
        user.IsTeamLead && client.ResponsibleIn(user.Organisation) is not null;

    /// <summary>
    /// Whether the user may hand the case on <paramref name="side"/> to someone else at all
    /// (Umverteilung): only a team lead, only on their own organisation's side, and only for a
    /// client their organisation is responsible for. The other organisation's responsibility is
    /// never theirs to change. Who receives it is checked by the overload with the new person.
    /// </summary>
    public static bool MayReassign(StaffMember user, ClientAccessFacts client, Organisation side) =>
        user.IsTeamLead && Enum.IsDefined(side) && side == user.Organisation && client.ResponsibleIn(side) is not null;

    /// <summary>
    /// Whether the user may make <paramref name="newResponsible"/> the responsible caseworker on
    /// <paramref name="side"/>: <see cref="MayReassign(StaffMember, ClientAccessFacts, Organisation)"/>,
    /// and the new person is a caseworker of that same organisation who is not responsible already.
    /// </summary>
    public static bool MayReassign(StaffMember user, ClientAccessFacts client, Organisation side, StaffMember newResponsible) =>
        MayReassign(user, client, side)
        && newResponsible.IsCaseworker && newResponsible.Organisation == side
        && !string.Equals(client.ResponsibleIn(side), newResponsible.Id, StringComparison.Ordinal);

    /// <summary>
    /// Whether the user may carry out a task of the data-protection officer (Datenschutz): reading the
    /// audit log and a case's history, finding a person's case numbers, compiling an Art. 15 copy,
    /// the consent register and the retention runs. Only the data-protection officer, whose role is
    /// to supervise both organisations' processing; never a caseworker, team lead or administrator.
    /// </summary>
    public static bool MayCarryOut(StaffMember user, DataProtectionTask task) =>
        Enum.IsDefined(task) && user.IsInRole(StaffRole.DataProtectionOfficer);

    private static bool CaseworkerMay(
        Organisation own, ClientAccessFacts client, DataCategory category, Organisation holder, AccessOperation operation, DateTimeOffset now)
    {
        if (holder == own)
        {
            return true;
        }

        if (category == DataCategory.InternalNotes)
        {
            return false;
        }

        return ConsentPermits(client, category, holder, now)
            && (operation == AccessOperation.Read || category == DataCategory.HelpPlan);
    }

    private static bool ConsentPermits(ClientAccessFacts client, DataCategory category, Organisation holder, DateTimeOffset now) =>
        client.Consents.Any(consent => consent.Permits(category, holder, now));
}
