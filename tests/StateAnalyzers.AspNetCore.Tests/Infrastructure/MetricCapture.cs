using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

internal sealed record Measurement(long Value, string? Rule, string? Action);

/// <summary>Listens to the companion's counter of one host (the meter's scope is that host's meter factory).</summary>
internal sealed class MetricCapture : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricCapture(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StateGuardTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name != StateGuardTelemetry.ActionsCounterName)
            {
                return;
            }

            string? rule = null, action = null;
            foreach (var tag in tags)
            {
                if (tag.Key == StateGuardTelemetry.RuleTag)
                {
                    rule = tag.Value as string;
                }
                else if (tag.Key == StateGuardTelemetry.ActionTag)
                {
                    action = tag.Value as string;
                }
            }

            _measurements.Enqueue(new Measurement(value, rule, action));
        });
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    public long Count(string rule, string action) =>
        Measurements.Where(m => m.Rule == rule && m.Action == action).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();
}
