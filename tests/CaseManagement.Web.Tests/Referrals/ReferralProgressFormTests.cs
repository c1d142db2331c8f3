using CaseManagement.Application;
using CaseManagement.Application.Referrals;
using CaseManagement.Domain;
using CaseManagement.Domain.Referrals;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Pages.Referrals;
using CaseManagement.Web.Tests.TestSupport;
using FluentValidation;

namespace CaseManagement.Web.Tests.Referrals;

/// <summary>The form for the next step of a referral: dates of skipped steps when jumping ahead, German errors beside their fields.</summary>
public sealed class ReferralProgressFormTests : StaffComponentTest
{
    private static readonly DateOnly Today = GermanCalendar.DateOf(TimeProvider.System.GetUtcNow());

    private int _saved;

    public ReferralProgressFormTests()
    {
        Services.AddSingleton<IValidator<ReferralProgressInput>>(new ReferralProgressInputValidator(TimeProvider.System));
        SignInAs(StaffPrincipal.InRole(StaffRole.DrugHelpWorker, "Deniz Yılmaz"));
    }

    private IRenderedComponent<ReferralProgressForm> Form(ReferralStatus current, ReferralProgressInput input, CommandResult? result = null) =>
        Render<ReferralProgressForm>(p => p
            .Add(f => f.Current, current)
            .Add(f => f.Input, input)
            .Add(f => f.Today, Today)
            .Add(f => f.Result, result)
            .Add(f => f.OnSave, () => _saved++));

    [Fact]
    public void Jumping_ahead_asks_for_the_date_of_every_skipped_step_and_a_direct_step_for_none()
    {
        var input = new ReferralProgressInput { On = Today };
        var form = Form(ReferralStatus.Proposed, input);

        Assert.Equal(
            ["", "Requested", "AppointmentAgreed", "Admitted", "Completed", "Declined", "DroppedOut"],
            form.FindAll("#progress-status option").Select(o => o.GetAttribute("value")));
        Assert.Empty(form.FindAll(".skipped-steps"));

        form.Find("#progress-status").Change("Admitted");

        Assert.Equal(["Angefragt am *", "Termin vereinbart am *"], form.FindAll(".skipped-steps label").Select(l => l.TextContent));
        Assert.Equal("Aufgenommen am *", form.Find("label[for=progress-on]").TextContent);
        Assert.NotNull(form.Find("#progress-skipped-Requested"));
        Assert.NotNull(form.Find("#progress-skipped-AppointmentAgreed"));
        Assert.Empty(form.FindAll("#progress-note"));

        form.Find("#progress-status").Change("Requested");

        Assert.Empty(form.FindAll(".skipped-steps"));
        Assert.Empty(input.Skipped);
    }

    [Fact]
    public void Missing_dates_of_skipped_steps_are_named_beside_each_field_and_nothing_is_saved()
    {
        var form = Form(ReferralStatus.Proposed, new ReferralProgressInput { On = Today });
        form.Find("#progress-status").Change("Completed");

        form.Find("form").Submit();

        Assert.Equal(0, _saved);
        Assert.Equal("Bitte geben Sie das Datum für „angefragt“ an.", form.Find("#progress-skipped-Requested-error").TextContent);
        Assert.Equal("Bitte geben Sie das Datum für „Termin vereinbart“ an.", form.Find("#progress-skipped-AppointmentAgreed-error").TextContent);
        Assert.Equal("Bitte geben Sie das Datum für „aufgenommen“ an.", form.Find("#progress-skipped-Admitted-error").TextContent);
        Assert.Contains("invalid", form.Find("#progress-skipped-Requested").ClassList);
    }

    [Fact]
    public void With_all_dates_given_the_step_is_saved()
    {
        var input = new ReferralProgressInput { On = Today };
        var form = Form(ReferralStatus.Requested, input);
        form.Find("#progress-status").Change("Admitted");
        form.Find("#progress-skipped-AppointmentAgreed").Change(Today.AddDays(-3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        form.Find("form").Submit();

        Assert.Equal(1, _saved);
        Assert.Equal(Today.AddDays(-3), Assert.Single(input.Skipped).On);
        Assert.Empty(form.FindAll(".validation-message"));
    }

    [Fact]
    public void Dates_already_typed_stay_when_another_target_is_chosen()
    {
        var input = new ReferralProgressInput { On = Today };
        var form = Form(ReferralStatus.Proposed, input);
        form.Find("#progress-status").Change("Admitted");
        form.Find("#progress-skipped-Requested").Change(Today.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        form.Find("#progress-status").Change("Completed");

        Assert.Equal([ReferralStatus.Requested, ReferralStatus.AppointmentAgreed, ReferralStatus.Admitted], input.Skipped.Select(s => s.Status));
        Assert.Equal(Today.AddDays(-20), input.Skipped[0].On);
        Assert.Equal(Today.AddDays(-20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), form.Find("#progress-skipped-Requested").GetAttribute("value"));
    }

    [Fact]
    public void Declining_needs_a_reason_and_completing_takes_an_optional_outcome()
    {
        var input = new ReferralProgressInput { On = Today };
        var form = Form(ReferralStatus.AppointmentAgreed, input);

        form.Find("#progress-status").Change("Declined");
        Assert.Equal("Grund *", form.Find("label[for=progress-note]").TextContent);
        form.Find("form").Submit();
        Assert.Equal("Bitte geben Sie den Grund an, warum die Vermittlung abgelehnt wurde.", form.Find("#progress-note-error").TextContent);

        form.Find("#progress-status").Change("Completed");
        Assert.Equal("Ergebnis (optional)", form.Find("label[for=progress-note]").TextContent);
        Assert.Equal(["Aufgenommen am *"], form.FindAll(".skipped-steps label").Select(l => l.TextContent));
    }

    [Fact]
    public void Refusals_of_the_command_appear_beside_the_field_they_concern()
    {
        var input = new ReferralProgressInput
        {
            Status = ReferralStatus.Admitted,
            On = Today,
            Skipped =
            [
                new SkippedStepInput { Status = ReferralStatus.Requested, On = Today.AddDays(-2) },
                new SkippedStepInput { Status = ReferralStatus.AppointmentAgreed, On = Today.AddDays(-9) },
            ],
        };
        const string message = "Das Datum für „Termin vereinbart“ liegt vor dem Datum für „angefragt“.";

        var form = Form(ReferralStatus.Proposed, input, CommandResult.Invalid("Skipped[1].On", message));

        Assert.Equal(message, form.Find("#progress-skipped-AppointmentAgreed-error").TextContent);
        Assert.Empty(form.FindAll("#progress-skipped-Requested-error"));
        Assert.Equal(message, form.Find(".progress-form .alert-error").TextContent);
    }
}
