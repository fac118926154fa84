using System.Text.RegularExpressions;

namespace StateAnalyzers.Tests.Meta;

/// <summary>Just enough Markdown for the meta-tests: sections by heading, pipe tables, fenced code blocks.</summary>
internal static partial class Markdown
{
    public static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    /// <summary>The lines under a <c>## Heading</c> up to the next heading of the same or a higher level; null when absent.</summary>
    public static string[]? Section(string text, string heading)
    {
        var lines = Lines(text);
        var level = heading.TakeWhile(c => c == '#').Count();
        var start = Array.FindIndex(lines, l => l.TrimEnd() == heading);
        if (start < 0)
        {
            return null;
        }

        var end = start + 1;
        while (end < lines.Length && !IsHeadingUpTo(lines[end], level))
        {
            end++;
        }

        return lines[(start + 1)..end];
    }

    /// <summary>The lines between two marker comments (exclusive); null when either marker is missing.</summary>
    public static string[]? Between(string text, string startMarker, string endMarker)
    {
        var lines = Lines(text);
        var start = Array.FindIndex(lines, l => l.Trim() == startMarker);
        var end = Array.FindIndex(lines, l => l.Trim() == endMarker);
        return start < 0 || end <= start ? null : lines[(start + 1)..end];
    }

    /// <summary>
    /// The first pipe table in <paramref name="lines"/>: its header cells and its body rows (the separator row
    /// dropped). Cells are trimmed; nothing else is changed, so a cell keeps its backticks and links.
    /// </summary>
    public static (string[] Header, List<string[]> Rows) FirstTable(IEnumerable<string> lines)
    {
        var table = lines
            .SkipWhile(l => !l.TrimStart().StartsWith('|'))
            .TakeWhile(l => l.TrimStart().StartsWith('|'))
            .Select(Cells)
            .ToList();
        if (table.Count < 2 || !table[1].All(c => SeparatorCell().IsMatch(c)))
        {
            return ([], []);
        }

        return (table[0], table.Skip(2).ToList());
    }

    /// <summary>The fenced code blocks of the given language in <paramref name="lines"/>, each as one string.</summary>
    public static List<string> CodeBlocks(IEnumerable<string> lines, string language)
    {
        var blocks = new List<string>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (current is null && trimmed == "```" + language)
            {
                current = new List<string>();
            }
            else if (current is not null && trimmed == "```")
            {
                blocks.Add(string.Join("\n", current));
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        return blocks;
    }

    /// <summary>Text with its Markdown code spans unwrapped: <c>`STATE004.x`</c> becomes <c>STATE004.x</c>.</summary>
    public static string Unquote(string cell) => cell.Replace("`", string.Empty).Trim();

    private static string[] Cells(string row)
    {
        var trimmed = row.Trim();
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|'))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.Split('|').Select(c => c.Trim()).ToArray();
    }

    private static bool IsHeadingUpTo(string line, int level)
    {
        var hashes = line.TakeWhile(c => c == '#').Count();
        return hashes > 0 && hashes <= level && line.Length > hashes && line[hashes] == ' ';
    }

    [GeneratedRegex("^:?-{3,}:?$")]
    private static partial Regex SeparatorCell();
}
