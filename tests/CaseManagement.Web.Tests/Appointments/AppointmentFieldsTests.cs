using CaseManagement.Application.Appointments;
using CaseManagement.Application.Clients;
using CaseManagement.Domain.Appointments;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Pages.Appointments;
using CaseManagement.Web.Tests.TestSupport;
using CaseManagement.Web.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Web.Tests.Appointments;

/// <summary>The appointment form asks for what the type needs and shows each error beside its field.</summary>
public sealed class AppointmentFieldsTests : StaffComponentTest
{
    private static readonly StaffRef Me = new("dh-1", "Deniz Yılmaz", Organisation.DrugHelpService);
    private static readonly StaffRef Colleague = new("jc-1", "Jana Schneider", Organisation.Jobcenter);
    private static readonly ClientChoice Heck = new(Guid.NewGuid(), "LU-2026-00001", "Heck, Julia", CounterpartId: Colleague.Id);

    public AppointmentFieldsTests()
    {
        Services.AddSingleton<IValidator<AppointmentInput>>(new AppointmentInputValidator());
        SignInAs(StaffPrincipal.InRole(StaffRole.DrugHelpWorker));
    }

    private IRenderedComponent<EditForm> Form(AppointmentInput input) => Render<EditForm>(form => form
        .Add(f => f.Model, input)
        .Add(f => f.ChildContent, (EditContext _) => builder =>
        {
            builder.OpenComponent<FluentValidationValidator>(0);
            builder.CloseComponent();
            builder.OpenComponent<AppointmentFields>(1);
            builder.AddAttribute(2, nameof(AppointmentFields.Input), input);
            builder.AddAttribute(3, nameof(AppointmentFields.Clients), (IReadOnlyList<ClientChoice>)[Heck]);
            builder.AddAttribute(4, nameof(AppointmentFields.People), (IReadOnlyList<StaffRef>)[Me, Colleague]);
            builder.AddAttribute(5, nameof(AppointmentFields.OwnOrganisation), Organisation.DrugHelpService);
            builder.CloseComponent();
        }));

    [Fact]
    public void An_accompaniment_asks_where_to_and_an_outreach_contact_may_be_anonymous()
    {
        var input = new AppointmentInput { Type = AppointmentType.Accompaniment };
        var form = Form(input);

        Assert.NotNull(form.Find("#appointment-target"));
        Assert.Equal("– bitte wählen –", form.Find("#appointment-client option").TextContent);

        form.Find("#appointment-type").Change(AppointmentType.Outreach.ToString());

        Assert.Empty(form.FindAll("#appointment-target"));
        Assert.Equal("ohne Akte (anonym)", form.Find("#appointment-client option").TextContent);
        Assert.Equal("Ort", form.Find("label[for=appointment-place]").TextContent);
    }

    [Fact]
    public void A_joint_counselling_invites_the_person_responsible_on_the_other_side_who_can_be_unticked()
    {
        var input = new AppointmentInput { Type = AppointmentType.DrugHelpOnly, ParticipantIds = [Me.Id] };
        var form = Form(input);

        form.Find("#appointment-client").Change(Heck.Id.ToString());
        Assert.Equal([Me.Id], input.ParticipantIds);

        form.Find("#appointment-type").Change(AppointmentType.JointCounselling.ToString());
        Assert.Equal([Me.Id, Colleague.Id], input.ParticipantIds);
        Assert.True(form.Find($"#participant-{Colleague.Id}").HasAttribute("checked"));

        form.Find($"#participant-{Colleague.Id}").Change(false);
        Assert.Equal([Me.Id], input.ParticipantIds);
    }

    [Fact]
    public void Participants_are_ticked_per_person_own_organisation_first()
    {
        var input = new AppointmentInput { Type = AppointmentType.JointCounselling };
        var form = Form(input);

        Assert.Equal(["Drogenhilfe", "Jobcenter"], form.FindAll(".participant-org").Select(p => p.TextContent));
        form.Find($"#participant-{Colleague.Id}").Change(true);
        form.Find($"#participant-{Me.Id}").Change(true);
        form.Find($"#participant-{Colleague.Id}").Change(false);

        Assert.Equal([Me.Id], input.ParticipantIds);
    }

    [Fact]
    public void Submitting_an_empty_outreach_contact_shows_each_error_beside_its_field()
    {
        var input = new AppointmentInput { Type = AppointmentType.Outreach, Date = null, StartTime = null };
        var form = Form(input);

        form.Find("form").Submit();

        string ErrorNextTo(string id) => form.Find($"#{id}").ParentElement!.QuerySelector(".validation-message")?.TextContent ?? "";
        Assert.Equal("Bei einem aufsuchenden Kontakt bitte den Ort angeben.", ErrorNextTo("appointment-place"));
        Assert.Equal("Bitte das Datum angeben.", ErrorNextTo("appointment-date"));
        Assert.Equal("Bitte die Uhrzeit angeben.", ErrorNextTo("appointment-time"));
        Assert.Equal("", ErrorNextTo("appointment-client"));
        Assert.Contains("Bitte mindestens eine Mitarbeiterin oder einen Mitarbeiter eintragen.", form.Find(".participants").TextContent, StringComparison.Ordinal);
    }
}
