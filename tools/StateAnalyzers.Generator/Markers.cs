namespace StateAnalyzers.Generator;

/// <summary>Replaces what stands between <c>&lt;!-- name:start --&gt;</c> and <c>&lt;!-- name:end --&gt;</c> in a hand-written file.</summary>
internal static class Markers
{
    public static string Replace(string text, string name, string generated, string file)
    {
        var start = "<!-- " + name + ":start -->";
        var end = "<!-- " + name + ":end -->";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        if (from < 0 || to < from)
        {
            throw new InvalidOperationException($"{file} has no {start} ... {end} block for the generated {name}");
        }

        return text[..(from + start.Length)] + "\n" + generated + "\n" + text[to..];
    }
}
