using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Makes a signed-out session id dead in the distributed cache behind the framework's session: a revocation marker
/// under a key of its own (written first), then the removal of the session's record. Every guarded session checks the
/// marker when it loads and after it commits a write, so a request already running at the sign-out cannot write the
/// session back, and a replayed session cookie gets an empty session even while the record lingers. When the store
/// fails at sign-out, the revocation is retried in the background, a bounded number of times.
/// </summary>
internal sealed class SessionRevocations
{
    /// <summary>The marker's key is this prefix and the session key (the cache adds its own instance prefix in front).</summary>
    public const string MarkerPrefix = "StateGuard.RevokedSession:";

    /// <summary>Retries after a failed revocation: at most this many, the delay doubling from <see cref="FirstRetryDelay"/>.</summary>
    public const int MaxRetries = 6;

    /// <summary>At most this many sessions wait for a retry at a time; a longer outage leaves the rest to the idle timeout.</summary>
    public const int MaxPendingRetries = 10_000;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>The marker outlives the idle timeout by this much, so it outlives any record a request refreshed before it.</summary>
    private static readonly TimeSpan MarkerMargin = TimeSpan.FromMinutes(1);

    private readonly IServiceProvider _services;
    private readonly StateGuardEvents _events;
    private readonly TimeProvider _time;
    private readonly IOptions<SessionOptions> _sessionOptions;
    private readonly Lazy<IDistributedCache?> _cache;
    private int _pendingRetries;

    public SessionRevocations(
        IServiceProvider services,
        StateGuardEvents events,
        IOptions<StateGuardOptions> options,
        IOptions<SessionOptions> sessionOptions,
        TimeProvider? time = null)
    {
        _services = services;
        _events = events;
        _sessionOptions = sessionOptions;
        _time = time ?? TimeProvider.System;
        StoreTimeout = options.Value.Session.StoreTimeout;
        _cache = new Lazy<IDistributedCache?>(FindCache);
    }

    public TimeSpan StoreTimeout { get; }

    /// <summary>The cache holding the session records, or null when the session is not the framework's distributed one.</summary>
    public IDistributedCache? Cache => _cache.Value;

    public static string MarkerKey(string sessionKey) => MarkerPrefix + sessionKey;

    public bool IsRevoked(string sessionKey) => Cache?.Get(MarkerKey(sessionKey)) is not null;

    public async Task<bool> IsRevokedAsync(string sessionKey) =>
        Cache is { } cache && await cache.GetAsync(MarkerKey(sessionKey)).ConfigureAwait(false) is not null;

    /// <summary>Marks the id dead, then removes the record; in that order, so a write that lands after the removal finds the marker.</summary>
    public async Task RevokeAsync(string sessionKey)
    {
        if (Cache is not { } cache)
        {
            return;
        }

        var lifetime = new DistributedCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = _sessionOptions.Value.IdleTimeout + MarkerMargin,
        };
        await cache.SetAsync(MarkerKey(sessionKey), [1], lifetime).ConfigureAwait(false);
        await cache.RemoveAsync(sessionKey).ConfigureAwait(false);
    }

    /// <summary>Removes a record written back by a request that loaded the session before its sign-out.</summary>
    public Task RemoveRecordAsync(string sessionKey) => Cache?.RemoveAsync(sessionKey) ?? Task.CompletedTask;

    /// <summary>
    /// Revokes within <paramref name="budget"/>; when the store fails or is too slow, hands the revocation to the
    /// background retry and returns the failure. Never throws.
    /// </summary>
    public async Task<Exception?> RevokeNowOrLaterAsync(string sessionKey, TimeSpan budget, string signOut, string ruleId = RuleIds.STATE003)
    {
        var revocation = RevokeAsync(sessionKey);
        try
        {
            await revocation.WaitAsync(budget > TimeSpan.Zero ? budget : TimeSpan.Zero, _time).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex)
        {
            StoreCalls.Observe(revocation);
            RetryInBackground(sessionKey, signOut, ruleId);
            return ex;
        }
    }

    /// <summary>Schedules the revocation again, with growing delays, until it succeeds, the app stops or the retries run out.</summary>
    /// <param name="sessionKey">The session id to revoke.</param>
    /// <param name="signOut">What revoked it, as the log says it (a sign-out, or a sign-in that renewed the session).</param>
    /// <param name="ruleId">The rule the retry's outcome is logged under: STATE003 (sign-out) or STATE008 (renewal).</param>
    public void RetryInBackground(string sessionKey, string signOut, string ruleId = RuleIds.STATE003)
    {
        if (Cache is null)
        {
            return;
        }

        if (Interlocked.Increment(ref _pendingRetries) > MaxPendingRetries)
        {
            Interlocked.Decrement(ref _pendingRetries);
            Report(ruleId, GuardAction.Failed, signOut,
                $"the store is failing and {MaxPendingRetries} revocations already wait for a retry; this session's record " +
                "expires after the idle timeout");
            return;
        }

        _ = Task.Run(() => RetryAsync(sessionKey, signOut, ruleId));
    }

    /// <summary>
    /// After a session write whose revocation check failed: checks again in the background, with the same bounds as
    /// <see cref="RetryInBackground"/>, and removes the record when the id turns out to be revoked.
    /// </summary>
    public void RecheckInBackground(string sessionKey)
    {
        if (Cache is null || Interlocked.Increment(ref _pendingRetries) > MaxPendingRetries)
        {
            if (Cache is not null)
            {
                Interlocked.Decrement(ref _pendingRetries);
            }

            return;
        }

        _ = Task.Run(() => RecheckAsync(sessionKey));
    }

    private async Task RecheckAsync(string sessionKey)
    {
        var stopping = _services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        var delay = FirstRetryDelay;
        try
        {
            for (var attempt = 1; attempt <= MaxRetries; attempt++)
            {
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
                var check = RemoveWhenRevokedAsync(sessionKey);
                try
                {
                    await check.WaitAsync(StoreTimeout, _time, stopping).ConfigureAwait(false);
                    return;
                }
                catch (Exception) when (!stopping.IsCancellationRequested)
                {
                    StoreCalls.Observe(check);
                }

                delay += delay;
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app is stopping.
        }
        finally
        {
            Interlocked.Decrement(ref _pendingRetries);
        }
    }

    private async Task RemoveWhenRevokedAsync(string sessionKey)
    {
        if (await IsRevokedAsync(sessionKey).ConfigureAwait(false))
        {
            await RemoveRecordAsync(sessionKey).ConfigureAwait(false);
        }
    }

    private async Task RetryAsync(string sessionKey, string signOut, string ruleId)
    {
        var stopping = _services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        var delay = FirstRetryDelay;
        Exception? last = null;
        try
        {
            for (var attempt = 1; attempt <= MaxRetries; attempt++)
            {
                await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
                var revocation = RevokeAsync(sessionKey);
                try
                {
                    await revocation.WaitAsync(StoreTimeout, _time, stopping).ConfigureAwait(false);
                    Report(ruleId, ruleId == RuleIds.STATE008 ? GuardAction.Renewed : GuardAction.Cleared, signOut,
                        $"the store failed at {Moment(ruleId)}; retry {attempt} revoked the {OldId(ruleId)}session id and removed its record from the store");
                    return;
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    StoreCalls.Observe(revocation);
                    last = ex;
                }

                delay += delay;
            }

            Report(ruleId, GuardAction.Failed, signOut,
                $"the store failed at {Moment(ruleId)} and in {MaxRetries} retries; the {OldId(ruleId)}session id is not revoked and its record " +
                "expires after the idle timeout", last);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The app is stopping: the record expires after the idle timeout.
        }
        finally
        {
            Interlocked.Decrement(ref _pendingRetries);
        }
    }

    private static string Moment(string ruleId) => ruleId == RuleIds.STATE008 ? "the session's renewal" : "sign-out";

    private static string OldId(string ruleId) => ruleId == RuleIds.STATE008 ? "old " : string.Empty;

    private void Report(string ruleId, GuardAction action, string signOut, string outcome, Exception? exception = null)
    {
        if (ruleId == RuleIds.STATE008)
        {
            _events.Renewal(action, signOut, outcome, exception);
        }
        else
        {
            _events.SignOut(action, signOut, outcome, exception);
        }
    }

    private IDistributedCache? FindCache()
    {
        try
        {
            return _services.GetService<ISessionStore>() is GuardedSessionStore { StoresInDistributedCache: true }
                ? _services.GetService<IDistributedCache>()
                : null;
        }
        catch (InvalidOperationException)
        {
            return null; // no distributed cache registered: the app has no distributed session
        }
    }
}
