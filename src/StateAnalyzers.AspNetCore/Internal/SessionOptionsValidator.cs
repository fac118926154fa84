using System.Globalization;
using Microsoft.Extensions.Options;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>Checks <c>StateGuard:Session</c> when the host starts; its failures join the other validators' in one report.</summary>
internal sealed class SessionOptionsValidator : IValidateOptions<StateGuardOptions>
{
    public ValidateOptionsResult Validate(string? name, StateGuardOptions options)
    {
        var failures = new List<string>();
        var timeout = options.Session.StoreTimeout;
        if (timeout <= TimeSpan.Zero || timeout > StateGuardSessionOptions.MaximumStoreTimeout)
        {
            failures.Add(
                $"{StateGuardOptions.SectionName}:Session:StoreTimeout is {timeout.ToString("c", CultureInfo.InvariantCulture)}; " +
                "it must be more than zero and at most 00:01:00 (a sign-out waits this long for the session store at most; " +
                $"the default is {StateGuardSessionOptions.DefaultStoreTimeout.ToString("c", CultureInfo.InvariantCulture)}).");
        }

        foreach (var key in options.Session.KeepAtSignIn)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                failures.Add($"{StateGuardOptions.SectionName}:Session:KeepAtSignIn has an empty entry; give the session keys " +
                             "to carry over into the new session at sign-in, exactly as the app writes them ('cart', say).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
