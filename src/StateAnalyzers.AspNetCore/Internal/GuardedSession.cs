using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// The session of one request, as the guarded store hands it to SessionMiddleware. It keeps a revoked session id dead:
/// a session whose id was revoked (by a sign-out of this request or of another one) is empty and never written to the
/// store; a write committed by a request that loaded the session before another request signed out is removed again.
/// A load bounded by <c>StateGuard:Session:StoreTimeout</c> that fails leaves the session unavailable for the request
/// (empty, writes ignored), as the framework's own synchronous load does, instead of throwing into the app.
/// </summary>
internal sealed class GuardedSession : ISession
{
    private readonly SessionRevocations _revocations;

    /// <summary>Creates the store's session for a new key (STATE008's renewal swaps it in as <see cref="_inner"/>).</summary>
    private readonly Func<string, ISession> _createFresh;
    private ISession _inner;
    private bool _isNewKey;
    private readonly ILogger _logger;

    /// <summary>False for a custom session store: its records are not in the distributed cache, so there is no marker.</summary>
    private readonly bool _usesMarkers;

    private State _state;
    private bool _written;

    /// <summary>What a revoked session holds for the rest of the request: writes after a sign-out, never stored.</summary>
    private Dictionary<string, byte[]>? _local;
    private string? _revokedId;

    public GuardedSession(
        ISession inner,
        string storeKey,
        bool isNewKey,
        SessionRevocations revocations,
        bool usesMarkers,
        ILogger logger,
        Func<string, ISession> createFresh)
    {
        _inner = inner;
        _createFresh = createFresh;
        StoreKey = storeKey;
        _isNewKey = isNewKey;
        _revocations = revocations;
        _usesMarkers = usesMarkers;
        _logger = logger;
    }

    private enum State
    {
        NotLoaded,
        Loaded,
        Unavailable,
        Revoked,
    }

    /// <summary>The key of the session's record in the store (the value the session cookie protects); a renewal changes it.</summary>
    public string StoreKey { get; private set; }

    /// <summary>Why the session could not be loaded, when the store failed or was too slow.</summary>
    public Exception? LoadFailure { get; private set; }

    public bool IsAvailable
    {
        get
        {
            EnsureLoaded();
            return _state is State.Loaded or State.Revoked;
        }
    }

    public string Id
    {
        get
        {
            EnsureLoaded();
            return _state switch
            {
                State.Loaded => _inner.Id,
                State.Revoked => _revokedId ??= Guid.NewGuid().ToString(),
                _ => string.Empty,
            };
        }
    }

    public IEnumerable<string> Keys
    {
        get
        {
            EnsureLoaded();
            return _state switch
            {
                State.Loaded => _inner.Keys,
                State.Revoked => _local!.Keys.ToArray(),
                _ => Array.Empty<string>(),
            };
        }
    }

    public Task LoadAsync(CancellationToken cancellationToken = default) => LoadWithinAsync(_revocations.StoreTimeout, cancellationToken);

    private async Task LoadWithinAsync(TimeSpan budget, CancellationToken cancellationToken)
    {
        if (_state != State.NotLoaded)
        {
            return;
        }

        var load = LoadFromStoreAsync(cancellationToken);
        try
        {
            var revoked = await load.WaitAsync(budget > TimeSpan.Zero ? budget : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            if (revoked)
            {
                Revoke(lingering: true);
            }
            else
            {
                _state = State.Loaded;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            StoreCalls.Observe(load);
            MakeUnavailable(null);
            throw; // the caller's own cancellation (the request was aborted)
        }
        catch (Exception ex)
        {
            StoreCalls.Observe(load);
            MakeUnavailable(ex);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        switch (_state)
        {
            case State.Unavailable:
            case State.Revoked:
                return; // nothing was loaded, or the id is dead: nothing of this session may reach the store
            case State.NotLoaded when _usesMarkers && !_isNewKey:
                // The framework refreshes an untouched session's expiry; a revoked one is removed instead.
                var revoked = _revocations.IsRevokedAsync(StoreKey);
                try
                {
                    await _inner.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    StoreCalls.Observe(revoked);
                    throw;
                }

                if (await revoked.ConfigureAwait(false))
                {
                    await _revocations.RemoveRecordAsync(StoreKey).ConfigureAwait(false);
                }

                return;
            default:
                if (!_written || !_usesMarkers)
                {
                    await _inner.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                // A new session's id is revocable too: its cookie left with the response headers, before this commit.
                try
                {
                    await _inner.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    _revocations.RecheckInBackground(StoreKey); // the write may still land in the store
                    throw;
                }

                await RemoveWhenRevokedAsync().ConfigureAwait(false);
                return;
        }
    }

    public bool TryGetValue(string key, out byte[] value)
    {
        EnsureLoaded();
        byte[]? found = null;
        var exists = _state switch
        {
            State.Loaded => _inner.TryGetValue(key, out found),
            State.Revoked => _local!.TryGetValue(key, out found),
            _ => false,
        };

        // ISession declares the out value non-null; a miss returns null, as every session implementation does.
        value = found!;
        return exists;
    }

    public void Set(string key, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        EnsureLoaded();
        switch (_state)
        {
            case State.Loaded:
                _inner.Set(key, value);
                _written = true;
                break;
            case State.Revoked:
                _local![key] = value.ToArray();
                break;
        }
    }

    public void Remove(string key)
    {
        EnsureLoaded();
        switch (_state)
        {
            case State.Loaded:
                _inner.Remove(key);
                _written = true;
                break;
            case State.Revoked:
                _local!.Remove(key);
                break;
        }
    }

    public void Clear()
    {
        EnsureLoaded();
        switch (_state)
        {
            case State.Loaded:
                _inner.Clear();
                _written = true;
                break;
            case State.Revoked:
                _local!.Clear();
                break;
        }
    }

    /// <summary>
    /// STATE003 at a sign-out: the session is emptied for the rest of the request and never written back, and its id is
    /// revoked in the store within the store timeout (counted from the start of the sign-out, the load included), or in
    /// the background when the store fails. Never throws for a store failure; returns it.
    /// </summary>
    public async Task<SignOutResult> SignOutAsync(string signOut, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        var failure = LoadFailure;
        if (_state == State.Loaded)
        {
            _inner.Clear();
        }

        Revoke(lingering: false);
        if (!_usesMarkers)
        {
            return new SignOutResult(Revoked: false, failure);
        }

        if (failure is not null)
        {
            _revocations.RetryInBackground(StoreKey, signOut);
            return new SignOutResult(Revoked: false, failure);
        }

        var budget = _revocations.StoreTimeout - Stopwatch.GetElapsedTime(started);
        failure = await _revocations.RevokeNowOrLaterAsync(StoreKey, budget, signOut).ConfigureAwait(false);
        return new SignOutResult(Revoked: failure is null, failure);
    }

    /// <summary>
    /// STATE008: gives the session a new id. The session is loaded (within the store timeout), the values of
    /// <paramref name="keep"/> are read, and the session continues under a fresh key of the store with only those values,
    /// so everything the request writes from now on lands in the new session, through any reference to this object. The old
    /// id is revoked and its record removed (within the rest of the store timeout, else in the background), so a request
    /// with the old cookie, even one already running, cannot write it back. A session whose id no browser holds yet (the
    /// request brought no valid cookie) keeps it and only drops the other values. Never throws for a store failure.
    /// </summary>
    public async Task<RenewalResult> RenewAsync(IReadOnlyCollection<string> keep, string signIn, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await LoadAsync(cancellationToken).ConfigureAwait(false);
        var failure = LoadFailure;
        var kept = new List<KeyValuePair<string, byte[]>>();
        foreach (var key in keep)
        {
            if (TryGetValue(key, out var value))
            {
                kept.Add(new KeyValuePair<string, byte[]>(key, value));
            }
        }

        var dropped = Keys.Count(k => !keep.Contains(k));
        if (_isNewKey)
        {
            if (dropped > 0)
            {
                Clear();
                Restore(kept);
            }

            return new RenewalResult(null, StoreKey, kept.Count, dropped, Revoked: false, failure);
        }

        var oldKey = StoreKey;
        var oldInner = _inner;
        var wasRevoked = _state == State.Revoked;
        StoreKey = Guid.NewGuid().ToString();
        _inner = _createFresh(StoreKey);
        _isNewKey = true;
        _written = false;
        _local = null;
        _revokedId = null;
        if (failure is not null)
        {
            // The store failed for the old session: the new one is unavailable for the rest of the request too.
            _state = State.Unavailable;
            _revocations.RetryInBackground(oldKey, signIn, Catalogue.RuleIds.STATE008);
            return new RenewalResult(oldKey, StoreKey, 0, dropped, Revoked: false, failure);
        }

        _state = State.NotLoaded;
        LoadFailure = null;
        await LoadWithinAsync(_revocations.StoreTimeout - Stopwatch.GetElapsedTime(started), cancellationToken).ConfigureAwait(false);
        Restore(kept);
        failure = LoadFailure;
        if (wasRevoked)
        {
            return new RenewalResult(oldKey, StoreKey, kept.Count, dropped, Revoked: true, failure); // already dead
        }

        var budget = _revocations.StoreTimeout - Stopwatch.GetElapsedTime(started);
        if (!_usesMarkers)
        {
            // A custom store: its record cannot be removed through ISession, so it is emptied.
            failure ??= await EmptyAsync(oldInner, budget, cancellationToken).ConfigureAwait(false);
            return new RenewalResult(oldKey, StoreKey, kept.Count, dropped, Revoked: false, failure);
        }

        var revocationFailure = await _revocations.RevokeNowOrLaterAsync(oldKey, budget, signIn, Catalogue.RuleIds.STATE008)
            .ConfigureAwait(false);
        return new RenewalResult(oldKey, StoreKey, kept.Count, dropped, Revoked: revocationFailure is null, failure ?? revocationFailure);
    }

    private static async Task<Exception?> EmptyAsync(ISession old, TimeSpan budget, CancellationToken cancellationToken)
    {
        var commit = Task.CompletedTask;
        try
        {
            old.Clear();
            commit = old.CommitAsync(cancellationToken);
            await commit.WaitAsync(budget > TimeSpan.Zero ? budget : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            StoreCalls.Observe(commit);
            return ex;
        }
    }

    private void Restore(List<KeyValuePair<string, byte[]>> kept)
    {
        foreach (var (key, value) in kept)
        {
            Set(key, value);
        }
    }

    /// <summary>Loaded before a sign-out of another request, committed after its removal: the write is removed again.</summary>
    private async Task RemoveWhenRevokedAsync()
    {
        try
        {
            if (!await _revocations.IsRevokedAsync(StoreKey).ConfigureAwait(false))
            {
                return;
            }

            await _revocations.RemoveRecordAsync(StoreKey).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "The revocation check after a session write failed; it is retried in the background.");
            _revocations.RecheckInBackground(StoreKey);
            return;
        }

        _logger.LogDebug(
            "A request that loaded the session before its id was revoked (by a sign-out, STATE003, or a renewal, STATE008) " +
            "wrote it back; the record was removed again.");
    }

    /// <summary>Loads the record and, for a session id a browser sent, reads the revocation marker alongside.</summary>
    private async Task<bool> LoadFromStoreAsync(CancellationToken cancellationToken)
    {
        var marker = _usesMarkers && !_isNewKey ? _revocations.IsRevokedAsync(StoreKey) : null;
        try
        {
            await _inner.LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (marker is not null)
            {
                StoreCalls.Observe(marker);
            }

            throw;
        }

        return marker is not null && await marker.ConfigureAwait(false);
    }

    private void EnsureLoaded()
    {
        if (_state != State.NotLoaded)
        {
            return;
        }

        try
        {
            // The framework's synchronous load swallows store failures and reports them as an unavailable session.
            if (!_inner.IsAvailable)
            {
                MakeUnavailable(null);
            }
            else if (_usesMarkers && !_isNewKey && _revocations.IsRevoked(StoreKey))
            {
                Revoke(lingering: true);
            }
            else
            {
                _state = State.Loaded;
            }
        }
        catch (Exception ex)
        {
            MakeUnavailable(ex);
        }
    }

    private void Revoke(bool lingering)
    {
        if (lingering && _inner.Keys.Any())
        {
            // The record outlived its sign-out (the removal failed): whoever presents the id now removes it.
            StoreCalls.Observe(_revocations.RemoveRecordAsync(StoreKey));
        }

        _state = State.Revoked;
        _local = new Dictionary<string, byte[]>(StringComparer.Ordinal);
    }

    private void MakeUnavailable(Exception? failure)
    {
        _state = State.Unavailable;
        LoadFailure = failure ?? new TimeoutException("The session store did not load the session.");
        _logger.LogWarning(
            failure,
            "The session store failed or did not load the session within {StoreTimeout}; the session is unavailable for " +
            "this request (empty, writes ignored).",
            _revocations.StoreTimeout);
    }

    /// <summary>The store part of a sign-out: whether the id was revoked in the store, and the store's failure if any.</summary>
    internal readonly record struct SignOutResult(bool Revoked, Exception? Failure);

    /// <summary>
    /// What a renewal did: the old key (null when the session kept its never-sent id), the new key, how many values were
    /// carried over and left behind, whether the old id was revoked in the store, and the store's failure if any.
    /// </summary>
    internal readonly record struct RenewalResult(string? OldKey, string NewKey, int Kept, int Dropped, bool Revoked, Exception? Failure);
}
