namespace StateAnalyzers.Cli;

/// <summary>A problem with the user's input, shown as one line on stderr with exit code 2; never a stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);
