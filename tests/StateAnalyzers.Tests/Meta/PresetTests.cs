using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// The package's severity presets are hand-written .globalconfig files; the catalogue is the source of truth.
/// These tests fail when a preset and the catalogue drift: every rule present, at the right severity, nothing extra.
/// </summary>
public class PresetTests
{
    private const string ConfigFolder = "src/StateAnalyzers.Package/buildTransitive/config";
    private const string PropsFile = "src/StateAnalyzers.Package/buildTransitive/StateAnalyzers.props";

    private static readonly string[] PresetNames = ["recommended", "strict"];

    public static TheoryData<string> Presets => new(PresetNames);

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_configures_every_catalogue_rule_and_nothing_else(string preset)
    {
        var severities = Read(preset).Severities;
        var expected = RuleCatalog.All.Where(r => preset == "strict" || !r.HasMessageOfOtherSeverity).Select(r => r.Id);

        Assert.Equal(expected.Order(StringComparer.Ordinal), severities.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Recommended_preset_leaves_a_rule_with_messages_of_several_severities_unset_so_each_keeps_its_own()
    {
        var severities = Read("recommended").Severities;
        var text = File.ReadAllText(PathOf($"{ConfigFolder}/recommended.globalconfig"));
        var mixed = RuleCatalog.All.Where(r => r.HasMessageOfOtherSeverity).ToArray();

        Assert.Contains(mixed, r => r.Id == RuleIds.STATE010);
        Assert.All(mixed, rule =>
        {
            Assert.False(severities.ContainsKey(rule.Id), $"{rule.Id} has messages of several severities: a preset line would give them all one");
            Assert.Contains($"# {rule.Id}: {rule.Title}\n# not set:", text.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Recommended_preset_sets_each_rule_to_its_catalogue_default()
    {
        var severities = Read("recommended").Severities;

        foreach (var rule in RuleCatalog.All.Where(r => !r.HasMessageOfOtherSeverity))
        {
            Assert.True(severities.TryGetValue(rule.Id, out var severity), $"{rule.Id} is missing from recommended.globalconfig");
            Assert.True(
                severity == ConfigSeverity(rule.DefaultSeverity),
                $"{rule.Id}: recommended.globalconfig says '{severity}', the catalogue default {rule.DefaultSeverity} is '{ConfigSeverity(rule.DefaultSeverity)}'");
        }
    }

    [Fact]
    public void Strict_preset_makes_every_rule_an_error_except_defence_in_depth_which_is_a_warning()
    {
        var severities = Read("strict").Severities;

        Assert.All(RuleCatalog.All, rule =>
        {
            Assert.Equal(ConfigSeverity(rule.StrictSeverity), severities.GetValueOrDefault(rule.Id));
            Assert.True(
                rule.StrictSeverity == RuleSeverity.Error || (rule.StrictSeverity == RuleSeverity.Warning && rule.DefaultSeverity == RuleSeverity.Info),
                $"{rule.Id}: in strict, only a rule of defence in depth (Info by default) may stay below an error");
        });
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_is_a_global_config_that_the_projects_own_settings_override(string preset)
    {
        var file = Read(preset);

        Assert.Equal("true", file.Header.GetValueOrDefault("is_global"));

        // Below the default level of a project's own global configs (0, or 100 for a file named .globalconfig).
        Assert.True(
            int.TryParse(file.Header.GetValueOrDefault("global_level"), out var level) && level < 0,
            $"{preset}.globalconfig must set a negative global_level so that the project's own configuration wins");
    }

    [Fact]
    public void Package_ships_exactly_the_presets_the_props_file_documents()
    {
        var shipped = Directory.GetFiles(PathOf(ConfigFolder), "*.globalconfig")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var props = File.ReadAllText(PathOf(PropsFile));

        Assert.Equal(PresetNames.Order(StringComparer.Ordinal), shipped);
        Assert.All(shipped, preset => Assert.Contains($"<StateAnalyzersPreset>{preset}</StateAnalyzersPreset>", props, StringComparison.Ordinal));
    }

    /// <summary>The .editorconfig word for a catalogue severity.</summary>
    private static string ConfigSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Hidden => "silent",
        RuleSeverity.Info => "suggestion",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    private static PresetFile Read(string preset)
    {
        var path = PathOf($"{ConfigFolder}/{preset}.globalconfig");
        Assert.True(File.Exists(path), $"missing preset {path}");

        var header = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var severities = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            Assert.False(line.StartsWith('['), $"{preset}.globalconfig:{lineNumber}: a global config applies to the whole project and has no sections");
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"{preset}.globalconfig:{lineNumber}: not a 'key = value' line: {line}");
            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();

            if (key is "is_global" or "global_level")
            {
                Assert.True(header.TryAdd(key, value), $"{preset}.globalconfig:{lineNumber}: {key} is set twice");
                continue;
            }

            var parts = key.Split('.');
            Assert.True(
                parts is ["dotnet_diagnostic", _, "severity"] && parts[1].StartsWith("STATE", StringComparison.Ordinal),
                $"{preset}.globalconfig:{lineNumber}: only dotnet_diagnostic.STATE00N.severity entries belong in a preset, found '{key}'");
            Assert.True(severities.TryAdd(parts[1], value), $"{preset}.globalconfig:{lineNumber}: {parts[1]} is set twice");
        }

        return new PresetFile(header, severities);
    }

    private static string PathOf(string relativePath) =>
        Path.Combine(RepositoryRoot.Value, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StateAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No StateAnalyzers.sln above {AppContext.BaseDirectory}");
    });

    private sealed record PresetFile(IReadOnlyDictionary<string, string> Header, IReadOnlyDictionary<string, string> Severities);
}
