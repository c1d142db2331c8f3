using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace CaseManagement.Web.Components.Shared.Forms;

/// <summary>
/// A text field whose value reaches the server with every keystroke (InputText waits for the
/// change event, i.e. until the field loses focus), so what is typed is part of the page's state
/// when the connection drops (see <see cref="KeptInput{T}"/>). It takes no more than
/// <see cref="MaxLength"/> characters (the limit its validator enforces) and says so when the
/// limit is near or reached, instead of silently cutting off pasted text.
/// </summary>
public sealed class LiveInputText : InputText
{
    [Parameter, EditorRequired]
    public int MaxLength { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        if (!string.IsNullOrEmpty(NameAttributeValue))
        {
            builder.AddAttribute(2, "name", NameAttributeValue);
        }

        if (!string.IsNullOrEmpty(CssClass))
        {
            builder.AddAttribute(3, "class", CssClass);
        }

        builder.AddAttribute(4, "maxlength", MaxLength);
        builder.AddAttribute(5, "value", CurrentValueAsString);
        builder.AddAttribute(6, "oninput", EventCallback.Factory.CreateBinder<string?>(this, value => CurrentValueAsString = value, CurrentValueAsString));
        builder.SetUpdatesAttributeName("value");
        builder.AddElementReferenceCapture(7, element => Element = element);
        builder.CloseElement();
        if (LengthNotice.Text(CurrentValueAsString, MaxLength) is { } notice)
        {
            builder.OpenElement(8, "span");
            builder.AddAttribute(9, "class", "length-notice");
            builder.AddAttribute(10, "role", "status");
            builder.AddContent(11, notice);
            builder.CloseElement();
        }
    }
}

/// <summary>A multi-line text field that, like <see cref="LiveInputText"/>, sends every keystroke and keeps to its limit.</summary>
public sealed class LiveInputTextArea : InputTextArea
{
    [Parameter, EditorRequired]
    public int MaxLength { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "textarea");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        if (!string.IsNullOrEmpty(NameAttributeValue))
        {
            builder.AddAttribute(2, "name", NameAttributeValue);
        }

        if (!string.IsNullOrEmpty(CssClass))
        {
            builder.AddAttribute(3, "class", CssClass);
        }

        builder.AddAttribute(4, "maxlength", MaxLength);
        builder.AddAttribute(5, "value", CurrentValueAsString);
        builder.AddAttribute(6, "oninput", EventCallback.Factory.CreateBinder<string?>(this, value => CurrentValueAsString = value, CurrentValueAsString));
        builder.SetUpdatesAttributeName("value");
        builder.AddElementReferenceCapture(7, element => Element = element);
        builder.CloseElement();
        if (LengthNotice.Text(CurrentValueAsString, MaxLength) is { } notice)
        {
            builder.OpenElement(8, "span");
            builder.AddAttribute(9, "class", "length-notice");
            builder.AddAttribute(10, "role", "status");
            builder.AddContent(11, notice);
            builder.CloseElement();
        }
    }
}

/// <summary>The line under a text field near its limit (role status): how much is left, or that the limit is reached.</summary>
internal static class LengthNotice
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private const int ShortFieldLimit = 60;

    /// <summary>
    /// Null while more than a tenth of the limit (and at least 20 characters) is left, and always for
    /// short fields (a postcode, a phone number) where the length is the format, not a limit one meets.
    /// </summary>
    public static string? Text(string? value, int maxLength)
    {
        if (maxLength < ShortFieldLimit)
        {
            return null;
        }

        var left = maxLength - (value?.Length ?? 0);
        if (left <= 0)
        {
            return $"Höchstlänge erreicht: {maxLength.ToString("N0", German)} Zeichen. Längerer Text wird nicht übernommen.";
        }

        return left <= Math.Max(20, maxLength / 10) ? $"Noch {left.ToString("N0", German)} Zeichen." : null;
    }
}
