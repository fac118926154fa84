using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Catalogue;
using StateAnalyzers.Values;

namespace StateAnalyzers.Rules.Settings;

/// <summary>The rule options of one syntax tree, read from .editorconfig / .globalconfig once per tree.</summary>
internal sealed class RuleSettings
{
    /// <summary>Trees without options of their own share one options object, and so one settings object.</summary>
    private static readonly ConditionalWeakTable<AnalyzerConfigOptions, RuleSettings> Cache = new();

    private RuleSettings(AnalyzerConfigOptions options)
    {
        HttpOnlyAllowedCookieNames = Read(options, RuleCatalog.HttpOnlyAllowedCookieNames);
        FlagSameAsRequest = Read(options, RuleCatalog.FlagSameAsRequest);
        MaxCookieBytes = Read(options, RuleCatalog.MaxCookieBytesOption);
        MaxAuthLifetime = Read(options, RuleCatalog.MaxAuthLifetime);
        MaxSessionIdle = Read(options, RuleCatalog.MaxSessionIdle);
        SensitiveNames = new SensitiveNames(Read(options, RuleCatalog.AdditionalSensitiveNames), Read(options, RuleCatalog.SensitiveAllowedCookieNames));
    }

    public SensitiveNames SensitiveNames { get; }

    public IReadOnlyList<string> HttpOnlyAllowedCookieNames { get; }

    public bool FlagSameAsRequest { get; }

    public int MaxCookieBytes { get; }

    /// <summary>STATE009: the longest lifetime of the authentication and session cookies.</summary>
    public TimeSpan MaxAuthLifetime { get; }

    /// <summary>STATE009: the longest session idle timeout.</summary>
    public TimeSpan MaxSessionIdle { get; }

    public static RuleSettings Read(AnalyzerConfigOptions options) => Cache.GetValue(options, o => new RuleSettings(o));

    public bool IsScriptReadableByDesign(string? cookieName) =>
        cookieName is not null && HttpOnlyAllowedCookieNames.Contains(cookieName, StringComparer.OrdinalIgnoreCase);

    private static T Read<T>(AnalyzerConfigOptions options, RuleOption<T> option)
    {
        // .editorconfig keys are case-insensitive; Roslyn hands them to analyzers lower-cased.
        var found = options.TryGetValue(option.Key, out var value) || options.TryGetValue(option.Key.ToLowerInvariant(), out value);
        return option.Parse(found ? value : null);
    }
}
