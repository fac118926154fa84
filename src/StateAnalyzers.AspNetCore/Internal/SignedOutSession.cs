using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Distributed;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Stands in for a session cleared at sign-out until the request ends. When SessionMiddleware commits it, the session's
/// record is removed from the distributed cache instead of being written back empty, so nothing of the signed-out user
/// remains in the store. If the app writes to the session after the sign-out, those writes are committed as usual.
/// </summary>
internal sealed class SignedOutSession : ISession
{
    private readonly ISession _inner;
    private readonly IDistributedCache _cache;
    private readonly string _storeKey;
    private readonly StateGuardEvents _events;
    private readonly string _signOut;
    private bool _writtenAfterSignOut;

    public SignedOutSession(ISession inner, IDistributedCache cache, string storeKey, StateGuardEvents events, string signOut)
    {
        _inner = inner;
        _cache = cache;
        _storeKey = storeKey;
        _events = events;
        _signOut = signOut;
    }

    public bool IsAvailable => _inner.IsAvailable;

    public string Id => _inner.Id;

    public IEnumerable<string> Keys => _inner.Keys;

    public Task LoadAsync(CancellationToken cancellationToken = default) => _inner.LoadAsync(cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_writtenAfterSignOut)
        {
            await _inner.CommitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await _cache.RemoveAsync(_storeKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _events.SignOut(GuardAction.Failed, _signOut,
                "the session was cleared but its record could not be removed from the store; it expires after the idle timeout", ex);
        }
    }

    public bool TryGetValue(string key, out byte[] value)
    {
        // ISession declares the out value non-null; a miss returns null, as every session implementation does.
        var found = _inner.TryGetValue(key, out var stored);
        value = stored!;
        return found;
    }

    public void Set(string key, byte[] value)
    {
        _writtenAfterSignOut = true;
        _inner.Set(key, value);
    }

    public void Remove(string key) => _inner.Remove(key);

    public void Clear() => _inner.Clear();
}
