using Microsoft.CodeAnalysis;
using StateAnalyzers.Catalogue;
using StateAnalyzers.Cli.Scanning;

namespace StateAnalyzers.Cli.Tests.Units;

public sealed class FingerprintTests
{
    private static Finding At(int line, string snippet, string file = "Shop/Program.cs", string rule = "STATE004") =>
        new(rule, DiagnosticSeverity.Warning, "message", "Shop", "/x/" + file, file, line, 5, line, 20, snippet);

    [Fact]
    public void A_finding_keeps_its_fingerprint_when_lines_move_or_indentation_changes()
    {
        var before = Fingerprints.Assign([At(8, "context.Response.Cookies.Append(\"theme\", name);")]).Single();
        var after = Fingerprints.Assign([At(30, "context.Response.Cookies.Append(\"theme\",   name);")]).Single();
        Assert.Equal(before.Fingerprint, after.Fingerprint);
    }

    [Fact]
    public void Rule_file_line_text_and_rank_each_change_it()
    {
        var line = "context.Response.Cookies.Append(\"theme\", name);";
        var all = Fingerprints.Assign([At(8, line), At(9, line), At(8, line, rule: "STATE005"), At(8, line, file: "Admin/Program.cs"), At(8, "x();")]);
        Assert.Equal(all.Count, all.Select(f => f.Fingerprint).Distinct().Count());
    }

    [Fact]
    public void Every_catalogue_rule_has_a_taxonomy_for_the_sarif_log()
    {
        Assert.All(RuleCatalog.All, rule => Assert.NotNull(RuleTaxonomy.For(rule.Id)));
        Assert.Equal(ToolRules.RuleIds.Order(), RuleCatalog.All.Select(r => r.Id).Order());
    }
}
