using System.Collections.Concurrent;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Says which actions on a cookie are logged now and which are only counted, so that logs stay readable for people: the
/// first action of a kind (a slot: one rule and one action) on a cookie name in a summary period is logged; its repeats
/// in that period are counted here and written as one summary line when the period ends (<see cref="Summary"/>), and at
/// disposal, so no count is lost at shutdown. A period starts with the first action after a quiet spell and lasts
/// <c>StateGuard:LogRepeatInterval</c>; the timer runs only while some action is being counted, and stops once a whole
/// period passes without one. The meter counts every action regardless (see <see cref="StateGuardEvents"/>).
/// </summary>
/// <remarks>
/// The hot path (a repeat) is one dictionary read and one compare-and-swap; only a first action, the end of a period and
/// disposal take the lock. A slot is <see cref="Unseen"/> (the next action is logged) or the number of repeats counted in
/// the current period. At most <see cref="NameLimit"/> names are tracked at once (cookie names can come from requests);
/// actions on further names share one entry, summarized without a name.
/// </remarks>
internal sealed class LogThrottle : IDisposable
{
    public const int NameLimit = 1024;

    private const long Unseen = -1;

    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly int _slots;
    private readonly Action<Summary> _write;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Entry _others;
    private readonly object _gate = new();
    private readonly ITimer? _timer;
    private long _periodStart;
    private bool _periodOpen;
    private volatile bool _disposed;

    /// <param name="time">The clock and timers (a fake one in tests).</param>
    /// <param name="interval">The summary period; zero logs every action.</param>
    /// <param name="slots">How many kinds of action there are (rules × actions).</param>
    /// <param name="write">Writes one summary line; called outside the lock.</param>
    public LogThrottle(TimeProvider time, TimeSpan interval, int slots, Action<Summary> write)
    {
        _time = time;
        _interval = interval;
        _slots = slots;
        _write = write;
        _others = new Entry(null, slots);
        if (interval > TimeSpan.Zero)
        {
            _timer = time.CreateTimer(static state => ((LogThrottle)state!).EndPeriod(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>One summary line: <see cref="Repeats"/> more actions of <see cref="Slot"/> on a cookie over <see cref="Period"/>.
    /// <see cref="CookieName"/> is null for the names beyond <see cref="NameLimit"/>.</summary>
    public readonly record struct Summary(string? CookieName, int Slot, long Repeats, TimeSpan Period);

    /// <summary>The tracking entry of a cookie name; look it up once per cookie, then ask <see cref="ShouldLog"/> per action.</summary>
    public Entry? For(string cookieName)
    {
        if (_timer is null)
        {
            return null;
        }

        return _entries.TryGetValue(cookieName, out var entry) ? entry : Add(cookieName);
    }

    /// <summary>
    /// The tracking entry of a cookie name, kept on <paramref name="cookie"/> while it is current, so a repeat costs no
    /// look-up. An entry retired on another thread, and not yet seen as retired here, still works: its slots stay
    /// unseen, and <see cref="First"/> moves the action to the current entry. The shared entry of the names beyond
    /// <see cref="NameLimit"/> is not kept, so the name gets its own once there is room.
    /// </summary>
    public Entry? For(CookieName cookie)
    {
        if (_timer is null)
        {
            return null;
        }

        if (cookie.LogEntry is { Retired: false } kept)
        {
            return kept;
        }

        var entry = For(cookie.Name)!;
        cookie.LogEntry = entry.Name is null ? null : entry;
        return entry;
    }

    /// <summary>Counts one action of <paramref name="slot"/> on the cookie of <paramref name="entry"/>; true when it is the
    /// first in the period, to be logged now.</summary>
    public bool ShouldLog(Entry? entry, int slot)
    {
        if (entry is null || _disposed)
        {
            return true;
        }

        var counts = entry.Counts;
        while (true)
        {
            var count = Volatile.Read(ref counts[slot]);
            if (count == Unseen)
            {
                return First(entry, slot);
            }

            if (Interlocked.CompareExchange(ref counts[slot], count + 1, count) == count)
            {
                return false;
            }
        }
    }

    /// <summary>Writes what is still counted (at host shutdown) and stops the timer.</summary>
    public void Dispose()
    {
        List<Summary>? lines;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            lines = _periodOpen ? Collect(final: true) : null;
            _periodOpen = false;
        }

        Write(lines);
    }

    private Entry Add(string cookieName)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(cookieName, out var entry))
            {
                return entry;
            }

            if (_entries.Count >= NameLimit)
            {
                return _others;
            }

            entry = new Entry(cookieName, _slots);
            _entries[cookieName] = entry;
            return entry;
        }
    }

    /// <summary>The first action of its kind in the period (or a race with the end of one): under the lock, so that only
    /// one caller moves a slot from <see cref="Unseen"/> and a retired entry is never counted into.</summary>
    private bool First(Entry entry, int slot)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return true;
            }

            if (entry.Retired)
            {
                entry = entry.Name is { } name && _entries.TryGetValue(name, out var current) ? current : Add(entry.Name!);
            }

            ref var count = ref entry.Counts[slot];
            if (Volatile.Read(ref count) == Unseen)
            {
                Volatile.Write(ref count, 0);
                if (!_periodOpen)
                {
                    _periodOpen = true;
                    _periodStart = _time.GetTimestamp();
                    _timer!.Change(_interval, Timeout.InfiniteTimeSpan);
                }

                return true;
            }

            Interlocked.Increment(ref count);
            return false;
        }
    }

    private void EndPeriod()
    {
        List<Summary>? lines;
        lock (_gate)
        {
            if (_disposed || !_periodOpen)
            {
                return;
            }

            lines = Collect(final: false);
            if (_entries.IsEmpty && _others.IsQuiet)
            {
                _periodOpen = false; // nothing is being counted: no timer until the next action
            }
            else
            {
                _periodStart = _time.GetTimestamp();
                _timer!.Change(_interval, Timeout.InfiniteTimeSpan);
            }
        }

        try
        {
            Write(lines);
        }
        catch (Exception)
        {
            // A logging provider that throws on the timer's thread would end the process; the counts are in the meter.
        }
    }

    /// <summary>Under the lock: takes every slot's repeats for a summary. At the end of a period, a slot without repeats
    /// goes back to <see cref="Unseen"/> (its next action is logged), and an entry with no slot left is retired.</summary>
    private List<Summary>? Collect(bool final)
    {
        var period = _time.GetElapsedTime(_periodStart);
        List<Summary>? lines = null;
        foreach (var entry in _entries.Values)
        {
            Collect(entry, final, period, ref lines);
            if (!final && entry.IsQuiet)
            {
                entry.Retired = true;
                _entries.TryRemove(entry.Name!, out _);
            }
        }

        Collect(_others, final, period, ref lines);
        return lines;
    }

    private static void Collect(Entry entry, bool final, TimeSpan period, ref List<Summary>? lines)
    {
        var counts = entry.Counts;
        for (var slot = 0; slot < counts.Length; slot++)
        {
            while (true)
            {
                var count = Volatile.Read(ref counts[slot]);
                if (count == Unseen || (count == 0 && final))
                {
                    break;
                }

                // Repeats: written, and the slot stays seen for the next period. None: the slot is unseen again.
                var next = count > 0 ? 0 : Unseen;
                if (Interlocked.CompareExchange(ref counts[slot], next, count) == count)
                {
                    if (count > 0)
                    {
                        (lines ??= new List<Summary>()).Add(new Summary(entry.Name, slot, count, period));
                    }

                    break;
                }
            }
        }
    }

    private void Write(List<Summary>? lines)
    {
        if (lines is null)
        {
            return;
        }

        foreach (var line in lines)
        {
            _write(line);
        }
    }

    /// <summary>The counts of one cookie name, by slot.</summary>
    internal sealed class Entry
    {
        public Entry(string? name, int slots)
        {
            Name = name;
            Counts = new long[slots];
            Array.Fill(Counts, Unseen);
        }

        public string? Name { get; }

        public long[] Counts { get; }

        /// <summary>Removed from the table at the end of a period; set and read under the lock.</summary>
        public bool Retired { get; set; }

        public bool IsQuiet => Array.TrueForAll(Counts, static c => c == Unseen);
    }
}
