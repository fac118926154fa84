using System.Text;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Generator;

/// <summary>
/// src/StateAnalyzers/Rules/Descriptors.cs: one Roslyn descriptor per rule message. The ID, category and severity are
/// written as constants so that the release-tracking analyzers (RS2000-RS2008) can check them against
/// AnalyzerReleases.*.md; everything else is read from the catalogue at run time.
/// </summary>
internal static class DescriptorsFile
{
    public const string Path = "src/StateAnalyzers/Rules/Descriptors.cs";

    public static string Render()
    {
        var text = new StringBuilder();
        text.Append("""
            // Generated from the rule catalogue by tools/StateAnalyzers.Generator (scripts/generate.sh). Do not edit.
            // IDs, categories and severities are constants here so that release tracking (RS2000-RS2008) can check them.
            using Microsoft.CodeAnalysis;
            using StateAnalyzers.Catalogue;

            namespace StateAnalyzers.Rules;

            /// <summary>Roslyn descriptors built from the catalogue; one per rule message.</summary>
            internal static class Descriptors
            {

            """);
        var first = true;
        foreach (var rule in RuleCatalog.All)
        {
            foreach (var message in rule.Messages)
            {
                if (!first)
                {
                    text.Append('\n');
                }

                first = false;
                var name = message.Variant == RuleCatalog.DefaultVariant ? rule.Name : message.Variant;
                var catalogueRule = "RuleCatalog." + rule.Name;
                var category = CatalogueNames.Category(rule.Category);
                text.Append($$"""
                        /// <summary>{{rule.Id}}: {{Xml(rule.Title)}}{{(name == rule.Name ? string.Empty : " (" + message.Variant + ")")}}.</summary>
                        public static readonly DiagnosticDescriptor {{name}} = new(
                            RuleIds.{{rule.Id}},
                            {{catalogueRule}}.Title,
                            {{catalogueRule}}.Message({{CatalogueNames.Variant(message.Variant)}}).Format,
                            {{category}},
                            DiagnosticSeverity.{{Severity(rule.DefaultSeverity)}},
                            isEnabledByDefault: true,
                            description: null,
                            helpLinkUri: {{catalogueRule}}.HelpLink,
                            customTags: {{category}});

                    """);
            }
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string Severity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Hidden => "Hidden",
        RuleSeverity.Info => "Info",
        RuleSeverity.Error => "Error",
        _ => "Warning",
    };

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
