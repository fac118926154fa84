using System.Globalization;
using Microsoft.Extensions.Configuration;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// <c>StateGuard:MaxAuthLifetime</c> (STATE009) is written as the analyzers' <c>STATE009.max_auth_lifetime</c> is, and read
/// by the same parser (<c>30d</c>, <c>12h</c>, <c>90m</c>, <c>45s</c>, or a TimeSpan such as <c>30.00:00:00</c>), where the
/// configuration binder knows the TimeSpan form only. <see cref="StateGuardConfigurationBinder"/> hands this key here: a
/// lifetime is passed on in the invariant TimeSpan form, anything else is recorded as a problem with the key and the text.
/// </summary>
internal static class LifetimeConfiguration
{
    public const string Key = nameof(StateGuardOptions.MaxAuthLifetime);

    /// <summary>What a value must be, for every message about it.</summary>
    public static readonly string Expected =
        "give a lifetime of at least one second, a whole number with a unit (30d, 12h, 90m, 45s) or a TimeSpan " +
        $"(30.00:00:00); the default is {Durations.Describe(RuleCatalog.MaxAuthLifetime.Default)}, as {RuleCatalog.MaxAuthLifetime.Key}'s.";

    public static bool Handles(Type owner, string key) =>
        owner == typeof(StateGuardOptions) && string.Equals(key, Key, StringComparison.OrdinalIgnoreCase);

    public static void Check(IConfigurationSection node, List<string> problems, Dictionary<string, string?> accepted)
    {
        if (node.Value is not { } text)
        {
            if (node.GetChildren().Any())
            {
                problems.Add($"{node.Path} is a single value, but the configuration gives it sub-keys; {Expected}");
            }

            return;
        }

        if (Durations.TryParse(text, out var lifetime))
        {
            accepted[node.Path] = lifetime.ToString("c", CultureInfo.InvariantCulture);
        }
        else
        {
            problems.Add($"{node.Path} is '{text}'; {Expected}");
        }
    }
}
