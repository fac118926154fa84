using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Logging;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>Decorates the app's session store so that every session it creates is a <see cref="GuardedSession"/>.</summary>
internal sealed class GuardedSessionStore : ISessionStore
{
    private readonly ISessionStore _inner;
    private readonly SessionRevocations _revocations;
    private readonly ILogger _logger;

    public GuardedSessionStore(ISessionStore inner, SessionRevocations revocations, ILoggerFactory loggerFactory)
    {
        _inner = inner;
        _revocations = revocations;
        _logger = loggerFactory.CreateLogger(StateGuardTelemetry.LogCategory);
    }

    public ISessionStore Inner => _inner;

    /// <summary>True for the framework's distributed session, whose records (and so the revocation markers) are in the
    /// <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/>.</summary>
    public bool StoresInDistributedCache => _inner is DistributedSessionStore;

    public ISession Create(string sessionKey, TimeSpan idleTimeout, TimeSpan ioTimeout, Func<bool> tryEstablishSession, bool isNewSessionKey) =>
        new GuardedSession(
            _inner.Create(sessionKey, idleTimeout, ioTimeout, tryEstablishSession, isNewSessionKey),
            sessionKey,
            isNewSessionKey,
            _revocations,
            StoresInDistributedCache,
            _logger,
            key => _inner.Create(key, idleTimeout, ioTimeout, EstablishedAlready, isNewSessionKey: true));

    /// <summary>A renewed session's cookie is sent at the renewal, so a write to it never has to establish it.</summary>
    private static bool EstablishedAlready() => true;
}
