using CaseManagement.Application.HelpPlans;
using CaseManagement.Domain.HelpPlans;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Pages.HelpPlans;
using CaseManagement.Web.Tests.TestSupport;
using FluentValidation;

namespace CaseManagement.Web.Tests.Referrals;

/// <summary>"Vermitteln" beside a help-plan step of a partner service: in the plan in force, not while the draft is edited.</summary>
public sealed class StepReferralLinkTests : StaffComponentTest
{
    private static readonly Guid ClientId = Guid.Parse("7d1b3c2a-0000-4000-8000-000000000001");

    public StepReferralLinkTests()
    {
        // The plan page tells its steps whose notes are whose: here the Jobcenter reads.
        Services.AddCascadingValue(CaseManagement.Web.Components.Pages.HelpPlans.StepFields.ReaderName, _ => CaseManagement.Domain.Staff.Organisation.Jobcenter);
        Services.AddSingleton<IValidator<HelpPlanInput>>(new HelpPlanInputValidator(TimeProvider.System));
        SignInAs(StaffPrincipal.InRole(StaffRole.CaseManager));
    }

    private static HelpPlanInput Plan(out Guid partnerStep) => PlanWith(partnerStep = Guid.NewGuid());

    private static HelpPlanInput PlanWith(Guid partnerStep) => new()
    {
        IntegrationGoal = "Arbeit",
        Goals =
        [
            new GoalInput
            {
                Area = PlanArea.PsychosocialCounselling, Text = "Die Wohnung bleibt erhalten",
                Steps =
                [
                    new StepInput { Description = "Antrag Mietrückstände", Responsible = StepParty.DrugHelpService },
                    new StepInput { Key = partnerStep, Description = "Termin bei der Schuldnerberatung", Responsible = StepParty.Partner, PartnerName = "Schuldnerberatung der Stadt Ludwigshafen" },
                ],
            },
        ],
    };

    private IRenderedComponent<CascadingValue<Guid>> Editor(HelpPlanInput plan, PlanEditMode mode) =>
        Render<CascadingValue<Guid>>(p => p
            .Add(c => c.Name, StepFields.ReferralClientIdName)
            .Add(c => c.Value, ClientId)
            .Add(c => c.IsFixed, true)
            .AddChildContent<PlanEditor>(e => e.Add(x => x.Input, plan).Add(x => x.Mode, mode).Add(x => x.Today, new DateOnly(2026, 11, 21))));

    [Theory]
    [InlineData(PlanEditMode.ProgressOnly)]
    [InlineData(PlanEditMode.ReadOnly)]
    public void A_partner_step_of_the_plan_in_force_offers_a_referral_to_it(PlanEditMode mode)
    {
        var editor = Editor(Plan(out var key), mode);

        var link = Assert.Single(editor.FindAll("a.step-refer"));
        Assert.Equal($"/klienten/{ClientId}/vermittlungen/neu?schritt={key}", link.GetAttribute("href"));
        Assert.StartsWith("Vermitteln", link.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void While_the_draft_is_edited_no_step_offers_a_referral()
    {
        var editor = Editor(Plan(out _), PlanEditMode.Full);

        Assert.Empty(editor.FindAll("a.step-refer"));
    }

    [Fact]
    public void Without_a_client_the_editor_shows_no_link()
    {
        var editor = Render<PlanEditor>(p => p.Add(e => e.Input, Plan(out _)).Add(e => e.Mode, PlanEditMode.ProgressOnly).Add(e => e.Today, new DateOnly(2026, 11, 21)));

        Assert.Empty(editor.FindAll("a.step-refer"));
    }
}
