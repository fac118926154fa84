using System.Text;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Generator;

/// <summary>
/// The package's severity presets (buildTransitive/config/NAME.globalconfig): <c>recommended</c>, every rule at its
/// default severity; <c>strict</c>, every rule at its strict severity (an error, unless the rule is defence in depth).
/// A rule with a message of another default severity (STATE010's 400-day cap, Info) is left unset in <c>recommended</c>,
/// since a severity set for the ID would apply to all its messages; <c>strict</c> sets it like any other.
/// </summary>
internal static class Presets
{
    public static readonly IReadOnlyList<string> Names = ["recommended", "strict"];

    public static string PathOf(string preset) => $"src/StateAnalyzers.Package/buildTransitive/config/{preset}.globalconfig";

    public static string Render(string preset)
    {
        var strict = preset == "strict";
        var text = new StringBuilder();
        text.Append(strict
            ? "# StateAnalyzers preset \"strict\": every rule an error, except rules of defence in depth (a warning).\n"
            : "# StateAnalyzers preset \"recommended\": every rule at the default severity of the rule catalogue.\n");
        text.Append($"""
            # Generated from src/StateAnalyzers.Catalogue by tools/StateAnalyzers.Generator (scripts/generate.sh). Do not edit.
            # Chosen with <StateAnalyzersPreset>{preset}</StateAnalyzersPreset>{(strict ? string.Empty : " (the default)")}. global_level -1 lets the
            # project's own .editorconfig / .globalconfig override any line.
            is_global = true
            global_level = -1

            """);
        foreach (var rule in RuleCatalog.All)
        {
            text.Append($"\n# {rule.Id}: {rule.Title}\n");
            if (!strict && rule.HasMessageOfOtherSeverity)
            {
                // A severity set for the ID would apply to every message of the rule: left unset, each keeps its own.
                text.Append($"# not set: each message keeps its own default ({MessageSeverities(rule)})\n");
                continue;
            }

            text.Append($"dotnet_diagnostic.{rule.Id}.severity = {ConfigSeverity(strict ? rule.StrictSeverity : rule.DefaultSeverity)}\n");
        }

        return text.ToString();
    }

    private static string MessageSeverities(Rule rule) =>
        string.Join(", ", rule.Messages.Select(m => $"{m.Variant} {ConfigSeverity(m.SeverityIn(rule))}"));

    /// <summary>The .editorconfig word for a catalogue severity.</summary>
    public static string ConfigSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Hidden => "silent",
        RuleSeverity.Info => "suggestion",
        RuleSeverity.Error => "error",
        _ => "warning",
    };
}
