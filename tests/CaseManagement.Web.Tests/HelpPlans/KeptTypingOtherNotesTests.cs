using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.HelpPlans;

namespace CaseManagement.Web.Tests.HelpPlans;

/// <summary>
/// Typing kept across a revocation or a resumed page keeps every word of the reader's own, but the
/// other organisation's shared notes are those the reader may read now (HelpPlanPage.RestoreKeptDraft, RecheckAsync).
/// </summary>
public sealed class KeptTypingOtherNotesTests
{
    private static HelpPlanInput Plan(Guid stepKey, string? otherNote, string ownNote, string description) => new()
    {
        IntegrationGoal = "Arbeit in der Lagerlogistik",
        Goals =
        [
            new GoalInput
            {
                Area = PlanArea.JobPlacement, Text = "Probearbeit",
                Steps = [new StepInput { Key = stepKey, Description = description, Note = ownNote, OtherNote = otherNote }],
            },
        ],
    };

    [Fact]
    public void A_note_no_longer_readable_goes_and_the_own_typing_stays()
    {
        var step = Guid.NewGuid();
        var kept = Plan(step, otherNote: "Rückfall im Oktober", ownNote: "eigene Notiz, getippt", description: "Betriebe ansprechen, getippt");
        kept.Goals[0].Steps.Add(new StepInput { Description = "neuer Schritt, noch nicht gespeichert", OtherNote = "alte Notiz" });

        kept.TakeOtherNotesFrom(Plan(step, otherNote: null, ownNote: "gespeichert", description: "gespeichert"));

        Assert.All(kept.Goals[0].Steps, s => Assert.Null(s.OtherNote));
        Assert.Equal("eigene Notiz, getippt", kept.Goals[0].Steps[0].Note);
        Assert.Equal("Betriebe ansprechen, getippt", kept.Goals[0].Steps[0].Description);
        Assert.Equal("neuer Schritt, noch nicht gespeichert", kept.Goals[0].Steps[1].Description);
    }

    [Fact]
    public void A_note_shared_meanwhile_appears_on_its_step()
    {
        var step = Guid.NewGuid();
        var kept = Plan(step, otherNote: null, ownNote: "eigene Notiz", description: "Betriebe ansprechen");

        kept.TakeOtherNotesFrom(Plan(step, otherNote: "jetzt freigegeben", ownNote: "", description: ""));

        Assert.Equal("jetzt freigegeben", kept.Goals[0].Steps[0].OtherNote);
        Assert.Equal("eigene Notiz", kept.Goals[0].Steps[0].Note);
    }
}
