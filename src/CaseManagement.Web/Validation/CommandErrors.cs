using CaseManagement.Application;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CaseManagement.Web.Validation;

/// <summary>
/// Shows the field errors of a command's result next to the fields of the surrounding form, as
/// if the form had found them itself; an error clears when its field is edited.
/// </summary>
public sealed class CommandErrors : ComponentBase, IDisposable
{
    private EditContext? _subscribed;
    private ValidationMessageStore? _messages;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Parameter]
    public CommandResult? Result { get; set; }

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(CommandErrors)} must be placed inside an EditForm.");
        }

        if (!ReferenceEquals(EditContext, _subscribed))
        {
            Dispose();
            _messages = new ValidationMessageStore(EditContext);
            EditContext.OnFieldChanged += ClearField;
            _subscribed = EditContext;
        }

        _messages!.Clear();
        foreach (var (field, messages) in Result?.Errors ?? new Dictionary<string, string[]>())
        {
            if (field.Length > 0)
            {
                // A nested path such as "Skipped[1].On" belongs to the item's own field, as with the validator's messages.
                _messages.Add(FluentValidationValidator.FieldOf(EditContext.Model, field), messages);
            }
        }

        EditContext.NotifyValidationStateChanged();
    }

    private void ClearField(object? sender, FieldChangedEventArgs e) => _messages?.Clear(e.FieldIdentifier);

    public void Dispose()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnFieldChanged -= ClearField;
        }
    }
}
