using System.Reflection;
using CaseManagement.Application;
using CaseManagement.Application.Clients;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManagement.Domain.Tests.Validation;

/// <summary>
/// Every text field of every input model refuses control characters (a NUL byte, an escape) and
/// text longer than its limit, with a German message on that field. Found by reflection over all
/// validators, so a new field or a new form cannot forget it.
/// </summary>
public sealed class FreeTextRuleTests
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .BuildServiceProvider();

    public static TheoryData<string, string> TextFields()
    {
        var data = new TheoryData<string, string>();
        foreach (var (validator, model) in Validators())
        {
            foreach (var property in TextProperties(model))
            {
                data.Add(validator.Name, property.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void A_control_character_is_refused_on_the_field(string validatorName, string propertyName)
    {
        var errors = ErrorsFor(validatorName, propertyName, "Treffen am Brunnen\0; danach \u001b[2J weiter");

        Assert.True(errors.Count > 0, $"{validatorName}.{propertyName} accepts a NUL byte and an escape sequence");
        Assert.All(errors, e => Assert.DoesNotMatch("must|should|is not", e)); // German, not FluentValidation's default
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void A_hundred_thousand_characters_are_refused_on_the_field(string validatorName, string propertyName)
    {
        var errors = ErrorsFor(validatorName, propertyName, new string('x', 100_000));

        Assert.True(errors.Count > 0, $"{validatorName}.{propertyName} accepts 100,000 characters");
    }

    [Fact]
    public void The_reflection_finds_the_fields_it_must_check()
    {
        var fields = TextFields().Select(row => $"{row[0]}.{row[1]}").ToList();

        Assert.Contains("QuickContactInputValidator.Place", fields);
        Assert.Contains("AppointmentInputValidator.AccompanimentTarget", fields);
        Assert.Contains("StepInputValidator.Note", fields);
        Assert.Contains("RevocationInputValidator.Note", fields);
    }

    private static IReadOnlyList<string> ErrorsFor(string validatorName, string propertyName, string value)
    {
        var (validatorType, modelType) = Validators().Single(v => v.Validator.Name == validatorName);
        var validator = (IValidator)ActivatorUtilities.CreateInstance(Services, validatorType);
        var model = Activator.CreateInstance(modelType)!;
        modelType.GetProperty(propertyName)!.SetValue(model, value);
        var result = validator.Validate(new ValidationContext<object>(model));
        return [.. result.Errors.Where(e => e.PropertyName == propertyName).Select(e => e.ErrorMessage)];
    }

    private static IEnumerable<(Type Validator, Type Model)> Validators() =>
        typeof(ClientInputValidator).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            .Select(t => (t, t.BaseType!.GetGenericArguments()[0]))
            .OrderBy(v => v.t.Name, StringComparer.Ordinal);

    private static IEnumerable<PropertyInfo> TextProperties(Type model) =>
        model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite && p.GetSetMethod() is not null)
            .OrderBy(p => p.Name, StringComparer.Ordinal);
}
