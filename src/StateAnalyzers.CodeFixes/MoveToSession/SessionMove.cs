using Microsoft.CodeAnalysis;
using StateAnalyzers.FixContract;

namespace StateAnalyzers.CodeFixes.MoveToSession;

/// <summary>One cookie write to move into the session, read from a STATE001/STATE002 diagnostic's properties.</summary>
internal sealed class SessionMove
{
    private SessionMove(Location write, string session, string? key, string? intValue)
    {
        Write = write;
        Session = session;
        Key = key;
        IntValue = intValue;
    }

    public Location Write { get; }

    /// <summary>C# text reaching the session at the write, e.g. <c>HttpContext.Session</c>.</summary>
    public string Session { get; }

    /// <summary>The constant cookie name; null when it is computed, and then reads are left alone.</summary>
    public string? Key { get; }

    /// <summary>The int expression when the cookie stored <c>x.ToString()</c> of an int: the session keeps the int.</summary>
    public string? IntValue { get; }

    public string Title => Key is null
        ? "Move the value into the session (write only: the cookie name is not a constant, so reads are not rewritten)"
        : "Move cookie '" + Key + "' into the session";

    public static SessionMove? From(Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (!properties.TryGetValue(MoveToSessionProperties.SessionKey, out var session) || session is null || !diagnostic.Location.IsInSource)
        {
            return null;
        }

        properties.TryGetValue(MoveToSessionProperties.KeyKey, out var key);
        properties.TryGetValue(MoveToSessionProperties.IntValueKey, out var intValue);
        return new SessionMove(diagnostic.Location, session, key, intValue);
    }
}
