using CaseManagement.Application.Clients;
using CaseManagement.Domain.Clients;

namespace CaseManagement.Web.Tests.Clients;

/// <summary>The rule behind "Änderungen zusammenführen und speichern" on the master-data edit page.</summary>
public sealed class EditConflictMergeTests
{
    private static ClientInput Loaded() => new()
    {
        FirstName = "Ömer", LastName = "Kaya", BirthDate = new DateOnly(1990, 1, 2), PostalCode = "67059",
        City = "Ludwigshafen am Rhein", Phone = "0621 111111", Employment = EmploymentSituation.UnemployedSgbII,
    };

    [Fact]
    public void Fields_only_the_other_person_changed_are_listed_with_their_new_German_values()
    {
        var latest = Loaded();
        latest.Phone = "0621 222222";
        latest.Employment = EmploymentSituation.InMeasure;
        var mine = Loaded();
        mine.City = "Ludwigshafen";

        var changes = ClientFields.ChangedByOthers(Loaded(), latest, mine);

        Assert.Equal(
            [new FieldChange("Telefon", "0621 222222", false), new FieldChange("Erwerbssituation", "in Maßnahme", false)],
            changes);
    }

    [Fact]
    public void Merging_keeps_my_edits_and_takes_the_other_persons_changes_elsewhere()
    {
        var latest = Loaded();
        latest.Phone = "0621 222222";
        latest.LastName = "Kaya-Yıldız";
        var mine = Loaded();
        mine.LastName = "Kaya-Demir";
        mine.City = "Ludwigshafen";

        var conflicts = ClientFields.ChangedByOthers(Loaded(), latest, mine);
        ClientFields.TakeOthersChanges(Loaded(), latest, mine);

        Assert.Contains(new FieldChange("Nachname", "Kaya-Yıldız", true), conflicts);
        Assert.Equal("0621 222222", mine.Phone);
        Assert.Equal("Kaya-Demir", mine.LastName);
        Assert.Equal("Ludwigshafen", mine.City);
    }
}
