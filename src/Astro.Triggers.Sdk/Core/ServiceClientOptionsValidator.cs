using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Astro.Triggers.Sdk.Core;

/// <summary>Runs <see cref="ServiceClientOptions.Validate"/> for one registered client at start-up (ValidateOnStart),
/// prefixing each problem with the client's configuration section or name ("Astro:Agentset: ApiKey or TokenProvider
/// is required."), and reports configuration keys no option reads (a typo such as "ApiKy" would otherwise be ignored).</summary>
internal sealed class ServiceClientOptionsValidator<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] TOptions>(
    string optionsName, string label, IConfiguration? section) : IValidateOptions<TOptions>
    where TOptions : ServiceClientOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        if (!string.Equals(name ?? Options.DefaultName, optionsName, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var errors = options.Validate().Select(error => $"{label}: {error}").ToList();
        if (section is not null)
        {
            errors.AddRange(UnknownKeys(section, typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance), string.Empty));
            if (section.GetSection(nameof(ServiceClientOptions.Retry)) is { } retry && retry.Exists())
            {
                errors.AddRange(UnknownKeys(retry, typeof(RetryOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance), "Retry:"));
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool CodeOnly(Type type) =>
        typeof(Delegate).IsAssignableFrom(type) || type == typeof(TimeProvider)
        || type == typeof(Microsoft.Extensions.Logging.ILoggerFactory) || type == typeof(HttpMessageHandler);

    private IEnumerable<string> UnknownKeys(IConfiguration configuration, PropertyInfo[] properties, string prefix)
    {
        // Code-only settings (a TimeProvider, a logger factory, a delegate, a handler) cannot come from configuration.
        var known = properties
            .Where(p => p.CanWrite && !CodeOnly(p.PropertyType))
            .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var child in configuration.GetChildren())
        {
            if (!known.Contains(child.Key))
            {
                yield return $"{label}: unknown setting '{prefix}{child.Key}' (known: {string.Join(", ", known.Order(StringComparer.Ordinal))}).";
            }
        }
    }
}
