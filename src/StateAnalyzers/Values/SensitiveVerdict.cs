namespace StateAnalyzers.Values;

/// <summary>
/// Why a cookie's content is sensitive, and whether the value is one that the session must not keep either (a
/// password or a private key), so that STATE001 says to remove it and offers no move into the session.
/// </summary>
internal sealed class SensitiveVerdict
{
    public SensitiveVerdict(string reason, bool isSecretToRemove)
    {
        Reason = reason;
        IsSecretToRemove = isSecretToRemove;
    }

    public string Reason { get; }

    public bool IsSecretToRemove { get; }
}
