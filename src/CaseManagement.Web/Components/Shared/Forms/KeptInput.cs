using CaseManagement.Domain.Access;

namespace CaseManagement.Web.Components.Shared.Forms;

/// <summary>
/// What a person typed on a page and has not saved yet, kept across a lost connection. A page
/// exposes it as a <c>[PersistentState(RestoreBehavior = RestoreBehavior.SkipInitialValue)]</c>
/// property: when the server drops a disconnected circuit (or the browser pauses it), .NET 10
/// persists the value, and when the circuit resumes the page gets it back before it initialises
/// (docs/architecture.md, "Connection loss"). The page takes it only if <see cref="BelongsTo"/>:
/// the framework does not check who resumes a circuit, and the subject (for example the client and
/// plan version) must still be the one on screen. Access is always decided afresh; only one's own
/// typing comes back.
/// </summary>
/// <param name="StaffId">Who typed it.</param>
/// <param name="Subject">What it was typed for, e.g. <c>hilfeplan:{planId}</c>.</param>
/// <param name="Input">The typed input.</param>
public sealed record KeptInput<T>(string StaffId, string Subject, T Input)
{
    public bool BelongsTo(StaffMember staff, string subject) =>
        string.Equals(StaffId, staff.Id, StringComparison.Ordinal) && string.Equals(Subject, subject, StringComparison.Ordinal);
}
