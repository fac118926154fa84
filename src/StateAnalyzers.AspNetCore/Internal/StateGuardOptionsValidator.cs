using Microsoft.Extensions.Options;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>Checks the options when the host starts, so a misconfiguration fails at start-up with a message that names
/// the configuration key at fault.</summary>
internal sealed class StateGuardOptionsValidator : IValidateOptions<StateGuardOptions>
{
    /// <summary>RFC 6265 section 4.1.1: a cookie name is a token, so none of these may appear in it.</summary>
    private const string Separators = "()<>@,;:\\\"/[]?={} \t";

    private const int MinimumSecretPrefixLength = 3;

    public ValidateOptionsResult Validate(string? name, StateGuardOptions options)
    {
        var failures = new List<string>(options.ConfigurationProblems);
        var section = StateGuardOptions.SectionName;
        var runtimeIds = string.Join(", ", RuntimeRules.All.Select(r => r.Id));

        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"{section}:Mode is '{options.Mode}'; use Off, Report or Enforce.");
        }

        if (!Enum.IsDefined(options.SecurePolicy))
        {
            failures.Add($"{section}:SecurePolicy is '{options.SecurePolicy}'; use Always or SameAsRequest.");
        }

        if (options.MaxCookieBytes <= 0)
        {
            failures.Add($"{section}:MaxCookieBytes is {options.MaxCookieBytes}; it must be a positive number of bytes " +
                         $"(the browser limit, and the default, is {RuleCatalog.MaxCookieBytes}).");
        }

        foreach (var (id, rule) in options.Rules)
        {
            if (!RuntimeRules.IsRuntimeRule(id))
            {
                var known = RuleCatalog.All.Any(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));
                failures.Add(known
                    ? $"{section}:Rules:{id} has no runtime check (it is found by the analyzers only); the runtime rules are {runtimeIds}."
                    : $"{section}:Rules:{id} is not a rule; the runtime rules are {runtimeIds}.");
                continue;
            }

            if (rule is null)
            {
                continue;
            }

            if (rule.Mode is { } mode && !Enum.IsDefined(mode))
            {
                failures.Add($"{section}:Rules:{id}:Mode is '{mode}'; use Off, Report or Enforce.");
            }

            CheckCookieNames(failures, $"{section}:Rules:{id}:ExemptCookies", rule.ExemptCookies);
        }

        CheckCookieNames(failures, $"{section}:ExemptCookies", options.ExemptCookies);

        foreach (var word in options.AdditionalSensitiveNames)
        {
            if (string.IsNullOrWhiteSpace(word) || !word.Any(char.IsLetterOrDigit))
            {
                failures.Add($"{section}:AdditionalSensitiveNames has an empty entry; give word parts such as 'session key'.");
            }
        }

        foreach (var prefix in options.AdditionalSecretPrefixes)
        {
            if (string.IsNullOrWhiteSpace(prefix) || prefix.Trim().Length < MinimumSecretPrefixLength)
            {
                failures.Add($"{section}:AdditionalSecretPrefixes has '{prefix}'; a prefix needs at least " +
                             $"{MinimumSecretPrefixLength} characters, or ordinary values would be dropped as secrets.");
            }
        }

        foreach (var scheme in options.SignOutSchemesKeepingSession)
        {
            if (string.IsNullOrWhiteSpace(scheme))
            {
                failures.Add($"{section}:SignOutSchemesKeepingSession has an empty scheme name.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckCookieNames(List<string> failures, string key, IEnumerable<string> names)
    {
        foreach (var cookie in names)
        {
            if (string.IsNullOrEmpty(cookie) || cookie.Any(c => c < 0x21 || c > 0x7E || Separators.Contains(c)))
            {
                failures.Add($"{key} has '{cookie}', which is not a valid cookie name (RFC 6265: a token, without spaces, " +
                             "separators or control characters).");
            }
        }
    }
}
