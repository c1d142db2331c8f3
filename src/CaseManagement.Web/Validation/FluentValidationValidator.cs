using FluentValidation;
using FluentValidation.Internal;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace CaseManagement.Web.Validation;

/// <summary>
/// Connects an <see cref="EditForm"/> to the FluentValidation validator of its model, so that
/// German messages appear next to each field: all rules on submit, one field's rules on change.
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
            _messages.Add(context.Field(failure.PropertyName), failure.ErrorMessage);
        }

        context.NotifyValidationStateChanged();
    }

    private void ValidateField(object? sender, FieldChangedEventArgs e)
    {
        var context = _subscribedContext!;
        var field = e.FieldIdentifier;
        if (!ReferenceEquals(field.Model, context.Model))
        {
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
