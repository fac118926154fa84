using System.Text;

namespace StateAnalyzers.Benchmarks.Corpus;

/// <summary>Writes one generated source file line by line, knowing the 1-based number of the line it writes next.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>The 1-based number of the next line written.</summary>
    public int NextLine { get; private set; } = 1;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }

        _text.Append(line).Append('\n');
        NextLine++;
        return this;
    }

    public CodeWriter Lines(params string[] lines)
    {
        foreach (var line in lines)
        {
            Line(line);
        }

        return this;
    }

    public CodeWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string closing = "}")
    {
        _indent--;
        Line(closing);
        return this;
    }

    public override string ToString() => _text.ToString();
}
