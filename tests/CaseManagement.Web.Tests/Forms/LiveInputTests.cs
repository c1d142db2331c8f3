using CaseManagement.Domain.Access;
using CaseManagement.Domain.Staff;
using CaseManagement.Web.Components.Shared.Forms;
using Microsoft.AspNetCore.Components.Forms;

namespace CaseManagement.Web.Tests.Forms;

/// <summary>
/// Typed text reaches the model with every keystroke, not only when the field loses focus, so a
/// connection lost while typing loses nothing that was sent.
/// </summary>
public sealed class LiveInputTests : BunitContext
{
    private sealed class Note
    {
        public string? Text { get; set; }
    }

    private IRenderedComponent<EditForm> Form<TInput>(Note model)
        where TInput : InputBase<string?> => Render<EditForm>(form => form
        .Add(f => f.Model, model)
        .Add(f => f.ChildContent, (EditContext _) => builder =>
        {
            builder.OpenComponent<TInput>(0);
            builder.AddAttribute(1, "id", "note");
            builder.AddAttribute(2, nameof(InputBase<string?>.Value), model.Text);
            builder.AddAttribute(3, nameof(InputBase<string?>.ValueChanged), EventCallback.Factory.Create<string?>(this, value => model.Text = value));
            builder.AddAttribute(4, nameof(InputBase<string?>.ValueExpression), (System.Linq.Expressions.Expression<Func<string?>>)(() => model.Text));
            builder.AddAttribute(5, nameof(LiveInputText.MaxLength), 200);
            builder.CloseComponent();
        }));

    [Fact]
    public void A_text_field_hands_every_keystroke_to_the_model()
    {
        var model = new Note();
        var form = Form<LiveInputText>(model);

        form.Find("input#note").Input("Rückruf mor");

        Assert.Equal("Rückruf mor", model.Text);
    }

    [Fact]
    public void A_text_area_hands_every_keystroke_to_the_model_and_shows_the_model_value()
    {
        var model = new Note { Text = "Termin" };
        var form = Form<LiveInputTextArea>(model);
        Assert.Equal("Termin", form.Find("textarea#note").GetAttribute("value"));

        form.Find("textarea#note").Input("Termin beim Jobcenter");

        Assert.Equal("Termin beim Jobcenter", model.Text);
    }

    [Fact]
    public void The_field_takes_no_more_than_its_limit_and_says_so_when_it_is_near_or_reached()
    {
        var model = new Note();
        var form = Form<LiveInputTextArea>(model);
        Assert.Equal("200", form.Find("textarea#note").GetAttribute("maxlength"));
        Assert.Empty(form.FindAll(".length-notice"));

        form.Find("textarea#note").Input(new string('a', 185));
        Assert.Equal("Noch 15 Zeichen.", form.Find(".length-notice[role=status]").TextContent);

        form.Find("textarea#note").Input(new string('a', 200));
        Assert.Equal("Höchstlänge erreicht: 200 Zeichen. Längerer Text wird nicht übernommen.", form.Find(".length-notice[role=status]").TextContent);
    }

    [Theory]
    [InlineData("", 5)]
    [InlineData("6706", 5)]
    [InlineData("0621 504", 30)]
    public void A_short_field_whose_length_is_its_format_shows_no_countdown(string value, int maxLength)
    {
        Assert.Null(LengthNotice.Text(value, maxLength));
    }

    [Fact]
    public void Kept_input_belongs_only_to_the_person_who_typed_it_and_the_subject_it_was_typed_for()
    {
        var typist = new StaffMember("jc-1", "Jana Schneider", Organisation.Jobcenter, new HashSet<string>());
        var colleague = typist with { Id = "jc-2", DisplayName = "Jörg Schäfer" };
        var kept = new KeptInput<string>(typist.Id, "hilfeplan:1", "Entwurf");

        Assert.True(kept.BelongsTo(typist, "hilfeplan:1"));
        Assert.False(kept.BelongsTo(colleague, "hilfeplan:1"));
        Assert.False(kept.BelongsTo(typist, "hilfeplan:2"));
    }
}
