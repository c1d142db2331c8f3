using FluentValidation;

namespace CaseManagement.Web.Validation;

public static class ValidatorRegistration
{
    /// <summary>
    /// Registers every FluentValidation validator of the assembly. (FluentValidation's own
    /// DependencyInjectionExtensions package is not available from this project's registry.)
    /// </summary>
    public static IServiceCollection AddValidatorsFromAssemblyOf<TMarker>(this IServiceCollection services)
    {
        var validators = typeof(TMarker).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(type => type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(contract => (contract, type)));

        foreach (var (contract, implementation) in validators)
        {
            services.AddSingleton(contract, implementation);
        }

        return services;
    }
}
