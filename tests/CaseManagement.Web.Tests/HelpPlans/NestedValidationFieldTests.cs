using CaseManagement.Application.HelpPlans;
using CaseManagement.Web.Validation;
using Microsoft.AspNetCore.Components.Forms;

namespace CaseManagement.Web.Tests.HelpPlans;

/// <summary>Errors of nested plan items must reach the ValidationMessage beside that item's field.</summary>
public sealed class NestedValidationFieldTests
{
    [Fact]
    public void A_nested_property_path_resolves_to_the_items_own_field()
    {
        var step = new StepInput();
        var plan = new HelpPlanInput { Goals = [new GoalInput(), new GoalInput { Steps = [new StepInput(), step] }] };

        var field = FluentValidationValidator.FieldOf(plan, "Goals[1].Steps[1].Description");

        Assert.Equal(new FieldIdentifier(step, nameof(StepInput.Description)), field);
    }

    [Fact]
    public void A_top_level_path_stays_on_the_model_and_an_unknown_path_falls_back_to_it()
    {
        var plan = new HelpPlanInput();

        Assert.Equal(new FieldIdentifier(plan, nameof(HelpPlanInput.IntegrationGoal)), FluentValidationValidator.FieldOf(plan, "IntegrationGoal"));
        Assert.Equal(new FieldIdentifier(plan, "Goals[5].Text"), FluentValidationValidator.FieldOf(plan, "Goals[5].Text"));
    }
}
