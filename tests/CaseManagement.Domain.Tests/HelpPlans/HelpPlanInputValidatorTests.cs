using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.HelpPlans;
using static CaseManagement.Domain.Tests.HelpPlans.PlanSamples;

namespace CaseManagement.Domain.Tests.HelpPlans;

/// <summary>What the plan editor refuses, and the German messages the caseworkers read.</summary>
public class HelpPlanInputValidatorTests
{
    private readonly HelpPlanInputValidator _validator = new(new FixedClock(Now));

    private static HelpPlanInput Valid() => HelpPlanInput.From(AgreeableDraft(), new NoteReader(Domain.Staff.Organisation.Jobcenter, false));

    private IReadOnlyList<string> Messages(HelpPlanInput input) => [.. _validator.Validate(input).Errors.Select(e => e.ErrorMessage)];

    [Fact]
    public void A_complete_plan_is_valid()
    {
        Assert.Empty(Messages(Valid()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_goal_needs_a_text(string text)
    {
        var input = Valid();
        input.Goals[1].Text = text;

        Assert.Equal(["Bitte beschreiben Sie das Ziel."], Messages(input));
    }

    [Fact]
    public void A_step_needs_a_description()
    {
        var input = Valid();
        input.Goals[0].Steps[1].Description = "";

        Assert.Equal(["Bitte beschreiben Sie den Schritt."], Messages(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_step_of_a_partner_service_must_name_the_partner(string? partnerName)
    {
        var input = Valid();
        input.Goals[1].Steps[0].PartnerName = partnerName;

        Assert.Equal(["Bitte nennen Sie den Partnerdienst."], Messages(input));
    }

    [Fact]
    public void Other_steps_need_no_partner_name()
    {
        var input = Valid();
        input.Goals[0].Steps[0].Responsible = StepParty.DrugHelpService;
        input.Goals[0].Steps[0].PartnerName = null;

        Assert.Empty(Messages(input));
    }

    [Fact]
    public void A_plan_has_at_most_60_goals()
    {
        var input = Valid();
        input.Goals = [.. Enumerable.Range(1, 60).Select(i => new GoalInput { Text = $"Ziel {i}" })];
        Assert.Empty(Messages(input));

        input.Goals.Add(new GoalInput { Text = "Ziel 61" });

        Assert.Equal(["Ein Plan kann höchstens 60 Ziele haben."], Messages(input));
    }

    private static readonly string[] TextLabels = ["Integrationsziel", "Ziel", "Schritt", "Notiz", "Name des Partnerdienstes"];

    [Fact]
    public void A_step_has_at_most_4000_characters()
    {
        var input = Valid();
        input.Goals[0].Steps[0].Description = new string('ä', 4000);
        Assert.Empty(Messages(input));

        input.Goals[0].Steps[0].Description = new string('ä', 4001);

        Assert.Equal(["„Schritt“ darf höchstens 4.000 Zeichen lang sein; eingegeben sind 4.001."], Messages(input));
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0007")]
    [InlineData("\u001b[31m")]
    [InlineData("\u0085")]
    public void Control_characters_are_refused_in_every_text(string control)
    {
        var input = Valid();
        input.IntegrationGoal += control;
        input.Goals[0].Text += control;
        input.Goals[0].Steps[0].Description += control;
        input.Goals[1].Steps[0].PartnerName += control;
        input.Goals[0].Steps[1].Note = "Notiz" + control;

        string[] expected = [.. TextLabels.Select(label => $"„{label}“ enthält unzulässige Steuerzeichen (etwa ein Null-Byte aus einer kopierten Vorlage); bitte entfernen Sie sie.")];

        Assert.Equal(expected.Order(StringComparer.Ordinal), Messages(input).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Line_breaks_and_tabs_are_allowed_in_texts()
    {
        var input = Valid();
        input.OwnEfforts = "Zwei Bewerbungen\r\npro Monat\tschriftlich";
        input.Goals[0].Steps[0].Description = "Lebenslauf\nschreiben";

        Assert.Empty(Messages(input));
    }

    [Fact]
    public void The_next_review_lies_within_three_years()
    {
        var input = Valid();
        input.NextReviewOn = Today.AddYears(3);
        Assert.Empty(Messages(input));

        input.NextReviewOn = Today.AddYears(3).AddDays(1);

        Assert.Equal(["Die nächste Überprüfung muss innerhalb der nächsten drei Jahre liegen."], Messages(input));
    }

    [Fact]
    public void A_goal_or_step_listed_twice_is_refused()
    {
        var input = Valid();
        input.Goals.Add(input.Goals[0].Clone());

        Assert.Equal(["Der Plan enthält doppelte Einträge. Bitte laden Sie die Seite neu."], Messages(input));
    }

    [Fact]
    public void Agreement_and_closing_need_a_date()
    {
        Assert.Equal(
            "Bitte geben Sie das Datum der Vereinbarung ein.",
            Assert.Single(new AgreementInputValidator().Validate(new AgreementInput { ByClient = true }).Errors).ErrorMessage);
        Assert.Equal(
            "Bitte geben Sie das Abschlussdatum ein.",
            Assert.Single(new ClosePlanInputValidator().Validate(new ClosePlanInput()).Errors).ErrorMessage);
    }
}
