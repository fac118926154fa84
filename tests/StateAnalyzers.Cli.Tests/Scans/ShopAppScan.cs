using System.Text.RegularExpressions;
using StateAnalyzers.Cli.Tests.Infrastructure;

namespace StateAnalyzers.Cli.Tests.Scans;

/// <summary>
/// One scan of samples/ShopApp with every report, and what ./run-sample.sh (the compiler with the analyzers) lists
/// for the same sample, shared by the tests that read them.
/// </summary>
public sealed partial class ShopAppScan : IAsyncLifetime
{
    private readonly TempFolder _output = new("stateanalyzers-shopapp");

    internal ToolRun Run { get; private set; } = null!;

    internal ToolRun Sample { get; private set; } = null!;

    public string SarifPath => _output.Of("shopapp.sarif");

    public string HtmlPath => _output.Of("shopapp.html");

    public string OutputFolder => _output.Path;

    /// <summary>(rule, samples/ShopApp/file:line:column) as ./run-sample.sh prints them.</summary>
    internal IReadOnlyList<(string Rule, string Location)> SampleFindings { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Run = await Tool.RunAsync("scan", Repository.PathOf("samples/ShopApp"), "--sarif", SarifPath, "--html", HtmlPath);
        Sample = await Processes.RunAsync(Repository.PathOf("run-sample.sh"), [], Repository.Root, TimeSpan.FromMinutes(5));
        var findings = new List<(string, string)>();
        string? rule = null;
        foreach (var line in Sample.Stdout.Split('\n'))
        {
            var header = RuleHeader().Match(line);
            if (header.Success)
            {
                rule = header.Groups[1].Value;
                continue;
            }

            var at = FindingLine().Match(line);
            if (at.Success && rule is not null)
            {
                findings.Add((rule, at.Groups[1].Value));
            }
        }

        SampleFindings = findings;
    }

    public Task DisposeAsync()
    {
        _output.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"^(STATE\d{3})  ")]
    private static partial Regex RuleHeader();

    [GeneratedRegex(@"^  (?:error|warning|info) +(samples/\S+:\d+:\d+)$")]
    private static partial Regex FindingLine();
}
