using System.Linq.Expressions;
using CaseManagement.Domain;
using CaseManagement.Domain.Access;
using CaseManagement.Domain.Clients;
using CaseManagement.Domain.Consent;
using CaseManagement.Domain.Staff;

namespace CaseManagement.Application.Access;

/// <summary>
/// The access decision as SQL-translatable filters, for lists that must filter and search in the
/// database. They must agree with <see cref="AccessDecision"/>; an integration test checks
/// them against it for every combination of the matrix. When the decision changes, change both.
/// </summary>
public static class AccessFilters
{
    /// <summary>Clients the user may know of (list rows): a caseworker's own cases.</summary>
    public static Expression<Func<Client, bool>> OwnCases(StaffMember user) => user.Organisation == Organisation.Jobcenter
        ? c => c.ResponsibleCaseManagerId == user.Id
        : c => c.ResponsibleDrugHelpWorkerId == user.Id;

    /// <summary>A consent in force that lets the other organisation's master data reach <paramref name="reader"/>.</summary>
    public static Expression<Func<ClientConsent, bool>> ConsentShowsMasterDataTo(Organisation reader, DateTimeOffset now) =>
        ConsentShares(DataCategory.MasterData, reader.Other(), now);

    /// <summary>
    /// A consent in force that lets data of <paramref name="category"/> held by <paramref name="holder"/>
    /// reach the other organisation (<see cref="ConsentFacts.Permits"/> in SQL). Internal notes: never.
    /// </summary>
    public static Expression<Func<ClientConsent, bool>> ConsentShares(DataCategory category, Organisation holder, DateTimeOffset now)
    {
        var today = GermanCalendar.DateOf(now);
        var scope = ConsentScopes.For(category);
        var direction = ConsentScopes.From(holder);
        if (scope == ConsentScope.None || direction == ConsentDirections.None)
        {
            return k => false;
        }

        return k => k.RevokedAt == null && k.SignedOn <= today && (k.ValidUntil == null || k.ValidUntil >= today)
            && (k.Scope & scope) == scope
            && (k.Directions & direction) == direction;
    }

    public static Expression<Func<ClientConsent, bool>> ConsentInForce(DateTimeOffset now)
    {
        var today = GermanCalendar.DateOf(now);
        return k => k.RevokedAt == null && k.SignedOn <= today && (k.ValidUntil == null || k.ValidUntil >= today);
    }
}
