using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StateAnalyzers.AspNetCore.Internal;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>The log throttle on its own: every action is either logged or summed, under concurrency too.</summary>
public sealed class LogThrottleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Concurrent_actions_and_period_ends_lose_no_count()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var summaries = new ConcurrentQueue<LogThrottle.Summary>();
        var throttle = new LogThrottle(time, Interval, slots: 2, summaries.Enqueue);
        string[] names = { "a", "b" }; // few names and slots: the workers contend on the same counters
        const int Threads = 4;
        const int PerThread = 1_000_000;
        long logged = 0;
        using var start = new Barrier(Threads);

        var workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < PerThread; i++)
            {
                var entry = throttle.For(names[(i + t) % names.Length]);
                if (throttle.ShouldLog(entry, (i / 7) % 2))
                {
                    Interlocked.Increment(ref logged);
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        // Periods end (and entries are retired and re-created) while the workers count.
        var ends = 0;
        while (!workers.All(w => w.IsCompleted))
        {
            time.Advance(Interval);
            ends++;
        }

        await Task.WhenAll(workers);
        throttle.Dispose();

        Assert.Equal(Threads * PerThread, logged + summaries.Sum(s => s.Repeats));
        Assert.True(logged >= names.Length * 2, $"{logged} first lines over {ends} period ends");
    }

    [Fact]
    public void Without_any_action_no_period_starts_and_nothing_is_written()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var summaries = new List<LogThrottle.Summary>();
        using var throttle = new LogThrottle(time, Interval, slots: 2, summaries.Add);

        time.Advance(Interval * 4);
        var entry = throttle.For("a");
        Assert.True(throttle.ShouldLog(entry, 0));
        Assert.False(throttle.ShouldLog(entry, 0));
        Assert.True(throttle.ShouldLog(entry, 1)); // another kind of action on the same cookie is its own first line
        time.Advance(Interval - TimeSpan.FromTicks(1));
        Assert.Empty(summaries);

        time.Advance(TimeSpan.FromTicks(1));
        var summary = Assert.Single(summaries);
        Assert.Equal(new LogThrottle.Summary("a", 0, 1, Interval), summary);
    }

    [Fact]
    public void A_zero_interval_logs_everything_and_tracks_nothing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var throttle = new LogThrottle(time, TimeSpan.Zero, slots: 1, _ => throw new InvalidOperationException("no summaries"));

        Assert.Null(throttle.For("a"));
        Assert.True(throttle.ShouldLog(throttle.For("a"), 0));
        Assert.True(throttle.ShouldLog(throttle.For("a"), 0));
    }

    [Fact]
    public void An_entry_kept_on_a_cookie_name_gives_way_to_a_new_one_once_a_quiet_period_retires_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var summaries = new List<LogThrottle.Summary>();
        using var throttle = new LogThrottle(time, Interval, slots: 1, summaries.Add);
        var cookie = new CookieName("a", new StateGuardSettings(Options.Create(new StateGuardOptions())), default);

        var first = throttle.For(cookie);
        Assert.Same(first, cookie.LogEntry);
        Assert.True(throttle.ShouldLog(first, 0));
        Assert.False(throttle.ShouldLog(throttle.For(cookie), 0));
        time.Advance(Interval); // a summary of 1; the slot stays seen
        time.Advance(Interval); // a quiet period: the entry is retired
        Assert.Equal(new LogThrottle.Summary("a", 0, 1, Interval), Assert.Single(summaries));

        // The retired entry, still in hand, counts into the name's new entry; the name then keeps that one.
        Assert.True(throttle.ShouldLog(first, 0));
        var renewed = throttle.For(cookie);
        Assert.NotSame(first, renewed);
        Assert.Same(renewed, cookie.LogEntry);
        Assert.False(throttle.ShouldLog(renewed, 0));
        time.Advance(Interval);
        Assert.Equal(new LogThrottle.Summary("a", 0, 1, Interval), summaries[1]);
    }
}
