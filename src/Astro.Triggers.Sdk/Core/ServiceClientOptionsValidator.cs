using Microsoft.Extensions.Options;

namespace Astro.Triggers.Sdk.Core;

/// <summary>Runs <see cref="ServiceClientOptions.Validate"/> at start-up (ValidateOnStart) or first use.</summary>
internal sealed class ServiceClientOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : ServiceClientOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
