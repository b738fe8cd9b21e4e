using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NegociacionOptimizer.Server.Tests.Support;

/// <summary>Keeps every log line (level, category, message, its structured values and its scopes' values) written by a server.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { logLevel.ToString(), category, formatter(state, exception), exception?.ToString() ?? string.Empty };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            owner._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? string.Empty), parts);
            owner.Lines.Enqueue(string.Join(" | ", parts));
        }
    }
}
