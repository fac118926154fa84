using StateAnalyzers.Generator;

// Usage: StateAnalyzers.Generator [repository root] [--check]
//   writes the generated files; with --check, writes nothing and exits 1 when a file is out of date.
var check = args.Contains("--check");
var root = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? Repository.FindRoot(Environment.CurrentDirectory);
var stale = 0;
foreach (var file in Artefacts.Render(root))
{
    var path = Path.Combine(root, file.Path);
    var current = File.Exists(path) ? File.ReadAllText(path) : null;
    if (current == file.Content)
    {
        continue;
    }

    stale++;
    if (check)
    {
        Console.Error.WriteLine($"out of date: {file.Path}");
    }
    else
    {
        File.WriteAllText(path, file.Content);
        Console.WriteLine($"wrote {file.Path}");
    }
}

Console.WriteLine(stale == 0 ? "generated files are up to date" : $"{stale} file(s) {(check ? "out of date: run scripts/generate.sh" : "written")}");
return check && stale > 0 ? 1 : 0;
