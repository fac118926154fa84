using System.Globalization;
using Microsoft.Extensions.Options;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>Checks <c>StateGuard:MaxAuthLifetime</c> (STATE009) when the host starts, as the code left it (a text that is not
/// a lifetime never reaches the options: <see cref="LifetimeConfiguration"/> reports it); its failures join the other
/// validators' in one report.</summary>
internal sealed class LifetimeOptionsValidator : IValidateOptions<StateGuardOptions>
{
    /// <summary>Max-Age counts whole seconds: a shorter cap would be no lifetime at all.</summary>
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    public ValidateOptionsResult Validate(string? name, StateGuardOptions options) =>
        options.MaxAuthLifetime >= Shortest
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{StateGuardOptions.SectionName}:{LifetimeConfiguration.Key} is " +
                $"{options.MaxAuthLifetime.ToString("c", CultureInfo.InvariantCulture)}; {LifetimeConfiguration.Expected}");
}
