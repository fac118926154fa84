using System.Globalization;
using System.Net;
using System.Text;
using StateAnalyzers.Cli.Scanning;

namespace StateAnalyzers.Cli.Reports;

/// <summary>
/// One self-contained HTML file (no script, no network): bar charts of the findings per rule and per project as inline
/// SVG, then a table with one row per finding (rule link, location, message, code snippet).
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
        .charts{display:flex;gap:3rem;flex-wrap:wrap}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.4rem;text-align:left;vertical-align:top}
        code,pre{font-family:ui-monospace,monospace;font-size:.85rem}pre{margin:0;white-space:pre-wrap;background:#f6f8fa;padding:.3rem}
        .error{color:#cf222e}.warning{color:#9a6700}.info{color:#0969da}.partial{color:#9a6700;font-weight:bold}
        """;

    public static void Write(string path, ScanResult result) => File.WriteAllText(path, Render(result), Encoding.UTF8);

    public static string Render(ScanResult result)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>StateAnalyzers report</title><style>")
            .Append(Style).Append("</style></head><body>\n<h1>StateAnalyzers report</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"summary\">{result.Findings.Count} finding(s) in {result.Projects.Count(p => p.Status is ProjectStatus.Analysed or ProjectStatus.CompileErrors)} analysed project(s); coverage ")
            .Append(result.CoverageComplete ? "complete" : "<span class=\"partial\">partial</span>").Append(".</p>\n");
        foreach (var project in result.IncompleteProjects)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"partial\">{E(project.Name)}: {E(project.Detail ?? project.Status.ToString())}</p>\n");
        }

        html.Append("<div class=\"charts\">\n")
            .Append(Chart("chart-rules", "Findings per rule", ToolRules.RuleIds.Select(id => (id, result.Findings.Count(f => f.RuleId == id)))))
            .Append(Chart("chart-projects", "Findings per project", result.Projects
                .Where(p => p.Status is ProjectStatus.Analysed or ProjectStatus.CompileErrors)
                .Select(p => (p.Name, result.Findings.Count(f => f.ProjectName == p.Name)))))
            .Append("</div>\n<h2>Findings</h2>\n<table id=\"findings\"><thead><tr><th>Rule</th><th>Severity</th><th>Location</th><th>Message and code</th></tr></thead><tbody>\n");
        foreach (var finding in result.Findings)
        {
            var rule = RuleInfo.For(finding.RuleId);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"finding\" data-rule=\"{E(finding.RuleId)}\" data-fingerprint=\"{finding.Fingerprint}\">")
                .Append(CultureInfo.InvariantCulture, $"<td><a href=\"{E(rule.HelpLink)}\">{E(rule.Id)}</a><br>{E(rule.Title)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"{finding.SeverityName}\">{finding.SeverityName}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td><code>{E(finding.Location)}</code><br>{E(finding.ProjectName)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(finding.Message)}<pre>{finding.Line}: {E(finding.Snippet)}</pre></td></tr>\n");
        }

        return html.Append("</tbody></table>\n</body></html>\n").ToString();
    }

    /// <summary>A horizontal bar chart as inline SVG.</summary>
    private static string Chart(string id, string title, IEnumerable<(string Label, int Count)> bars)
    {
        var rows = bars.ToList();
        const int labelWidth = 160, barWidth = 260, rowHeight = 24;
        var max = Math.Max(1, rows.Select(r => r.Count).DefaultIfEmpty(0).Max());
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><figcaption>{E(title)}</figcaption><svg id=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 50}\" height=\"{(rows.Count * rowHeight) + 4}\" role=\"img\" aria-label=\"{E(title)}\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var y = i * rowHeight;
            var width = rows[i].Count * barWidth / max;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\" font-size=\"13\">{E(rows[i].Label)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width}\" height=\"{rowHeight - 6}\" fill=\"#0969da\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6}\" y=\"{y + 16}\" font-size=\"13\">{rows[i].Count}</text>");
        }

        return svg.Append("</svg></figure>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
