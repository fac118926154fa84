using System.Text;
using DiffPlex;

namespace StateAnalyzers.Cli.Fixing;

/// <summary>A unified diff (<c>diff -u</c> format, three lines of context) of one file's text before and after.</summary>
internal static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string path, string before, string after)
    {
        var diff = Differ.Instance.CreateLineDiffs(before, after, ignoreWhitespace: false, ignoreCase: false);
        var oldLines = diff.PiecesOld;
        var newLines = diff.PiecesNew;
        var text = new StringBuilder().Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var blocks = diff.DiffBlocks;
        var i = 0;
        while (i < blocks.Count)
        {
            // Blocks whose context overlaps share a hunk.
            var last = i;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * Context)
            {
                last++;
            }

            var startA = Math.Max(0, blocks[i].DeleteStartA - Context);
            var startB = Math.Max(0, blocks[i].InsertStartB - Context);
            var endA = Math.Min(oldLines.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
            var endB = Math.Min(newLines.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + Context);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"@@ -{startA + 1},{endA - startA} +{startB + 1},{endB - startB} @@\n");
            var a = startA;
            for (var b = i; b <= last; b++)
            {
                for (; a < blocks[b].DeleteStartA; a++)
                {
                    text.Append(' ').Append(oldLines[a]).Append('\n');
                }

                for (var d = 0; d < blocks[b].DeleteCountA; d++, a++)
                {
                    text.Append('-').Append(oldLines[a]).Append('\n');
                }

                for (var n = 0; n < blocks[b].InsertCountB; n++)
                {
                    text.Append('+').Append(newLines[blocks[b].InsertStartB + n]).Append('\n');
                }
            }

            for (; a < endA; a++)
            {
                text.Append(' ').Append(oldLines[a]).Append('\n');
            }

            i = last + 1;
        }

        return text.ToString();
    }
}
