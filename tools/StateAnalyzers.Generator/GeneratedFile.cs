namespace StateAnalyzers.Generator;

/// <summary>One file as the catalogue says it must read: a path relative to the repository root and its whole text.</summary>
public sealed record GeneratedFile(string Path, string Content);
