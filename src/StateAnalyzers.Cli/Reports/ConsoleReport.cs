using Spectre.Console;
using StateAnalyzers.Cli.Scanning;

namespace StateAnalyzers.Cli.Reports;

/// <summary>
/// The result on the console: the findings grouped by rule (file:line, message, help link), then a table of counts
/// per rule and project, then the coverage.
/// </summary>
internal static class ConsoleReport
{
    public static void Write(IAnsiConsole console, ScanResult result, int hiddenByBaseline)
    {
        foreach (var group in result.Findings.GroupBy(f => f.RuleId))
        {
            var rule = RuleInfo.For(group.Key);
            console.WriteLine();
            console.MarkupLine($"[bold]{rule.Id}[/]  {Markup.Escape(rule.Title)}  [dim]{Markup.Escape(rule.HelpLink)}[/]");
            foreach (var finding in group)
            {
                console.MarkupLine($"  {Level(finding)}  {Markup.Escape(finding.Location)}");
                console.MarkupLine($"           {Markup.Escape(finding.Message)}");
            }
        }

        console.WriteLine();
        console.Write(CountTable(result));
        if (hiddenByBaseline > 0)
        {
            console.MarkupLine($"{hiddenByBaseline} known finding(s) hidden by the baseline.");
        }

        foreach (var project in result.IncompleteProjects)
        {
            console.MarkupLine($"[yellow]incomplete[/]: {Markup.Escape(project.Name)}: {Markup.Escape(project.Detail ?? project.Status.ToString())}");
        }

        foreach (var skipped in result.Projects.Where(p => p.Status == ProjectStatus.NotAspNetCore))
        {
            console.MarkupLine($"[dim]skipped: {Markup.Escape(skipped.Name)} (does not reference ASP.NET Core)[/]");
        }

        console.MarkupLine($"coverage: {(result.CoverageComplete ? "complete" : "[yellow]partial[/]")}; {result.Findings.Count} finding(s)");
    }

    private static Table CountTable(ScanResult result)
    {
        var projects = result.Projects.Where(p => p.Status is ProjectStatus.Analysed or ProjectStatus.CompileErrors).Select(p => p.Name).ToList();
        var table = new Table().Title("Findings per rule and project").AddColumn("rule").AddColumn("title");
        foreach (var project in projects)
        {
            table.AddColumn(new TableColumn(Markup.Escape(project)).RightAligned());
        }

        table.AddColumn(new TableColumn("total").RightAligned());
        foreach (var id in ToolRules.RuleIds)
        {
            var row = new List<string> { id, Markup.Escape(RuleInfo.For(id).Title) };
            row.AddRange(projects.Select(p => result.Findings.Count(f => f.RuleId == id && f.ProjectName == p).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            row.Add(result.Findings.Count(f => f.RuleId == id).ToString(System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow(row.ToArray());
        }

        return table;
    }

    private static string Level(Finding finding) => finding.SeverityName switch
    {
        "error" => "[red]error  [/]",
        "warning" => "[yellow]warning[/]",
        _ => "[blue]info   [/]",
    };
}
