using System.Text.RegularExpressions;
using StateAnalyzers.Cli.Tests.Infrastructure;

namespace StateAnalyzers.Cli.Tests.Scans;

[Collection(ScanCollection.Name)]
public sealed class HtmlTests(ShopAppScan scan)
{
    [Fact]
    public async Task Chromium_loads_the_report_with_one_row_per_finding_and_takes_a_screenshot()
    {
        var chromium = ExternalTools.Chromium();
        using var profile = new TempFolder("stateanalyzers-chromium");
        string[] common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile.Path}"];
        var url = new Uri(scan.HtmlPath).AbsoluteUri;

        var dom = await Processes.RunAsync(chromium, [.. common, "--dump-dom", url], scan.OutputFolder, TimeSpan.FromMinutes(2));
        Assert.True(dom.ExitCode == 0, "chromium --dump-dom failed:\n" + dom.Stderr);
        var rows = Regex.Matches(dom.Stdout, "<tr class=\"finding\" data-rule=\"(STATE\\d{3})\"").Select(m => m.Groups[1].Value).ToList();
        var sarif = Sarif.Results(scan.SarifPath).Select(r => r.Rule).ToList();
        Assert.Equal(sarif, rows);
        Assert.Contains("<svg id=\"chart-rules\"", dom.Stdout, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"chart-projects\"", dom.Stdout, StringComparison.Ordinal);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        var png = Path.Combine(screenshots, "shopapp-report.png");
        File.Delete(png);
        var shot = await Processes.RunAsync(chromium, [.. common, "--window-size=1280,1600", $"--screenshot={png}", url], scan.OutputFolder, TimeSpan.FromMinutes(2));
        Assert.True(shot.ExitCode == 0, "chromium --screenshot failed:\n" + shot.Stderr);
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is empty");
    }

    [Fact]
    public void The_report_is_self_contained_and_shows_snippet_message_and_rule_link_for_each_finding()
    {
        var html = File.ReadAllText(scan.HtmlPath);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("src=\"https?:", html);
        Assert.Contains("<a href=\"https://github.com/stateanalyzers/StateAnalyzers/blob/main/docs/rules/STATE001.md\">STATE001</a>", html, StringComparison.Ordinal);
        Assert.Contains("Cookie &#39;api_token&#39; stores sensitive data", html, StringComparison.Ordinal);
        Assert.Matches("<pre>14: [^<]*Append", html);
    }
}
