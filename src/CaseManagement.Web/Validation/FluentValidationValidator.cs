using FluentValidation;
using FluentValidation.Internal;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CaseManagement.Web.Validation;

/// <summary>
/// Connects an <see cref="EditForm"/> to the FluentValidation validator of its model, so that
/// German messages appear next to each field: all rules on submit, one field's rules on change.
/// Rules of nested items (e.g. <c>Goals[2].Steps[0].Description</c>) are shown at the item's own
/// field, so a <c>ValidationMessage For="() => step.Description"</c> finds them.
/// </summary>
public sealed class FluentValidationValidator : ComponentBase, IDisposable
{
    private EditContext? _subscribedContext;
    private ValidationMessageStore? _messages;
    private IValidator? _validator;

    [CascadingParameter]
    private EditContext? EditContext { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (EditContext is null)
        {
            throw new InvalidOperationException($"{nameof(FluentValidationValidator)} must be placed inside an EditForm.");
        }

        if (ReferenceEquals(EditContext, _subscribedContext))
        {
            return;
        }

        Unsubscribe();
        var validatorType = typeof(IValidator<>).MakeGenericType(EditContext.Model.GetType());
        _validator = (IValidator)Services.GetRequiredService(validatorType);
        _messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += ValidateModel;
        EditContext.OnFieldChanged += ValidateField;
        _subscribedContext = EditContext;
    }

    private void ValidateModel(object? sender, ValidationRequestedEventArgs e)
    {
        var context = _subscribedContext!;
        _messages!.Clear();
        var result = _validator!.Validate(new ValidationContext<object>(context.Model));
        foreach (var failure in result.Errors)
        {
            _messages.Add(FieldOf(context.Model, failure.PropertyName), failure.ErrorMessage);
        }

        context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var context = _subscribedContext!;
        var field = e.FieldIdentifier;
        if (!ReferenceEquals(field.Model, context.Model))
        {
            // A field of a nested item: run all rules, keep those that belong to this field.
            var all = _validator!.Validate(new ValidationContext<object>(context.Model));
            _messages!.Clear(field);
            foreach (var failure in all.Errors.Where(f => FieldOf(context.Model, f.PropertyName).Equals(field)))
            {
                _messages.Add(field, failure.ErrorMessage);
            }

            context.NotifyValidationStateChanged();
            return;
        }

        var selector = new MemberNameValidatorSelector([field.FieldName]);
        var result = _validator!.Validate(new ValidationContext<object>(context.Model, new PropertyChain(), selector));
        _messages!.Clear(field);
        foreach (var failure in result.Errors.Where(f => f.PropertyName == field.FieldName))
        {
            _messages.Add(field, failure.ErrorMessage);
        }

        context.NotifyValidationStateChanged();
    }

    /// <summary>Resolves a FluentValidation property path such as <c>Goals[0].Text</c> to the object that owns the field.</summary>
    internal static FieldIdentifier FieldOf(object model, string propertyPath)
    {
        var owner = model;
        var segments = propertyPath.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (Step(owner, segments[i]) is not { } next)
            {
                return new FieldIdentifier(model, propertyPath);
            }

            owner = next;
        }

        return new FieldIdentifier(owner, segments[^1]);
    }

    private static object? Step(object owner, string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? segment : segment[..bracket];
        var value = owner.GetType().GetProperty(name)?.GetValue(owner);
        if (bracket < 0 || value is null)
        {
            return value;
        }

        var index = int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return value is System.Collections.IList list && index < list.Count ? list[index] : null;
    }

    private void Unsubscribe()
    {
        if (_subscribedContext is not null)
        {
            _subscribedContext.OnValidationRequested -= ValidateModel;
            _subscribedContext.OnFieldChanged -= ValidateField;
            _messages?.Clear();
        }
    }

    public void Dispose() => Unsubscribe();
}
