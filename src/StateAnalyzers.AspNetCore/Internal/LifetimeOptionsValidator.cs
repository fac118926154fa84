using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>Checks <c>StateGuard:MaxAuthLifetime</c> (STATE009) when the host starts; its failures join the other
/// validators' in one report. The configuration's text is judged as written, since a text that does not parse never
/// reaches the options (see <see cref="LifetimeConfiguration"/>).</summary>
internal sealed class LifetimeOptionsValidator : IValidateOptions<StateGuardOptions>
{
    /// <summary>Max-Age counts whole seconds: a shorter cap would be no lifetime at all.</summary>
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);

    private static readonly string Key = StateGuardOptions.SectionName + ":" + LifetimeConfiguration.Key;

    private static readonly string Expected =
        "give a lifetime of at least one second, a whole number with a unit (30d, 12h, 90m, 45s) or a TimeSpan " +
        $"(30.00:00:00); the default is {Durations.Describe(RuleCatalog.MaxAuthLifetime.Default)}, as {RuleCatalog.MaxAuthLifetime.Key}'s.";

    private readonly IConfiguration? _configuration;

    public LifetimeOptionsValidator(IConfiguration? configuration = null) => _configuration = configuration;

    public ValidateOptionsResult Validate(string? name, StateGuardOptions options)
    {
        if (_configuration?[Key] is { } text && !Durations.TryParse(text, out _))
        {
            return ValidateOptionsResult.Fail($"{Key} is '{text}'; {Expected}");
        }

        return options.MaxAuthLifetime >= Shortest
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{Key} is {options.MaxAuthLifetime.ToString("c", CultureInfo.InvariantCulture)}; {Expected}");
    }
}
