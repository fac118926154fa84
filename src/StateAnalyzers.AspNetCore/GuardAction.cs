namespace StateAnalyzers.AspNetCore;

/// <summary>What the companion did about a rule. The value is the last digit of the log event id; the name, in lower case,
/// is the <c>action</c> tag of the <c>stateguard.actions</c> counter.</summary>
public enum GuardAction
{
    /// <summary>A violation was logged and counted; the response was left as it was.</summary>
    Reported = 0,

    /// <summary>A missing cookie attribute was added, or an authentication or session cookie's lifetime capped (STATE009).</summary>
    Fixed = 1,

    /// <summary>A cookie was removed from the response.</summary>
    Dropped = 2,

    /// <summary>The session was cleared and its cookie deleted at sign-out.</summary>
    Cleared = 3,

    /// <summary>Clearing (at sign-out) or renewing (at sign-in) the session failed, the session store was unreachable say;
    /// the sign-out or sign-in went on.</summary>
    Failed = 4,

    /// <summary>The session was given a new id (STATE008): a fresh session, the old id revoked and its record removed.</summary>
    Renewed = 5,
}
