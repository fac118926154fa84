using System.Collections.Concurrent;

namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

internal sealed record LogRecord(
    string Category,
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> Properties,
    Exception? Exception)
{
    public object? Property(string name) => Properties.FirstOrDefault(p => p.Key == name).Value;
}

/// <summary>Keeps every log record written by a test host, with its structured properties.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogRecord> _records = new();

    public IReadOnlyList<LogRecord> Records => _records.ToArray();

    public IReadOnlyList<LogRecord> Guard => Records.Where(r => r.Category == StateGuardTelemetry.LogCategory).ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        private readonly string _category;
        private readonly LogCapture _owner;

        public Logger(string category, LogCapture owner)
        {
            _category = category;
            _owner = owner;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var properties = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
            _owner._records.Enqueue(new LogRecord(_category, logLevel, eventId, formatter(state, exception), properties.ToArray(), exception));
        }
    }
}
