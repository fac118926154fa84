using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Catalogue;
using StateAnalyzers.Values;

namespace StateAnalyzers.Rules.Settings;

/// <summary>The rule options of one syntax tree, read from .editorconfig / .globalconfig once per tree.</summary>
internal sealed class RuleSettings
{
    private RuleSettings(AnalyzerConfigOptions options)
    {
        HttpOnlyAllowedCookieNames = ReadList(options, RuleCatalog.HttpOnlyAllowedCookieNames);
        FlagSameAsRequest = ReadBool(options, RuleCatalog.FlagSameAsRequest);
        AdditionalSensitiveNames = ReadList(options, RuleCatalog.AdditionalSensitiveNames);
        SensitiveAllowedCookieNames = ReadList(options, RuleCatalog.SensitiveAllowedCookieNames);
        MaxCookieBytes = ReadInt(options, RuleCatalog.MaxCookieBytesOption);
        SensitiveNames = new SensitiveNames(AdditionalSensitiveNames, SensitiveAllowedCookieNames);
    }

    public SensitiveNames SensitiveNames { get; }

    public IReadOnlyCollection<string> HttpOnlyAllowedCookieNames { get; }

    public bool FlagSameAsRequest { get; }

    public IReadOnlyCollection<string> AdditionalSensitiveNames { get; }

    public IReadOnlyCollection<string> SensitiveAllowedCookieNames { get; }

    public int MaxCookieBytes { get; }

    /// <summary>Trees without options of their own share one options object, and so one settings object.</summary>
    private static readonly ConditionalWeakTable<AnalyzerConfigOptions, RuleSettings> Cache = new();

    public static RuleSettings Read(AnalyzerConfigOptions options) => Cache.GetValue(options, o => new RuleSettings(o));

    public bool IsScriptReadableByDesign(string? cookieName) =>
        cookieName is not null && HttpOnlyAllowedCookieNames.Contains(cookieName, StringComparer.OrdinalIgnoreCase);

    private static string Raw(AnalyzerConfigOptions options, RuleOption option)
    {
        // .editorconfig keys are case-insensitive; Roslyn hands them to analyzers lower-cased.
        if (options.TryGetValue(option.Key, out var value) || options.TryGetValue(option.Key.ToLowerInvariant(), out value))
        {
            return value;
        }

        return option.DefaultValue;
    }

    private static IReadOnlyCollection<string> ReadList(AnalyzerConfigOptions options, RuleOption option) =>
        Raw(options, option).Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .ToArray();

    private static bool ReadBool(AnalyzerConfigOptions options, RuleOption option) =>
        bool.TryParse(Raw(options, option).Trim(), out var value) ? value : bool.Parse(option.DefaultValue);

    private static int ReadInt(AnalyzerConfigOptions options, RuleOption option) =>
        int.TryParse(Raw(options, option).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : int.Parse(option.DefaultValue, CultureInfo.InvariantCulture);
}
