using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StateAnalyzers.Catalogue;
using StateAnalyzers.FixContract;

namespace StateAnalyzers.CodeFixes.ClearSession;

/// <summary>
/// One STATE003 (or STATE008) finding's fix, read from the diagnostic: where the sign-out (or sign-in) is and how to
/// reach the session there.
/// </summary>
internal sealed class SessionClear
{
    private SessionClear(SyntaxTree tree, TextSpan span, string session, string? addParameter, bool beforeSignIn = false)
    {
        Title = beforeSignIn ? "Clear the session before signing in" : "Clear the session before signing out";
        Tree = tree;
        Span = span;
        Session = session;
        AddParameter = addParameter;
    }

    public SyntaxTree Tree { get; }

    /// <summary>The sign-out call (or the wrapper call) the diagnostic is reported on.</summary>
    public TextSpan Span { get; }

    /// <summary>The C# that reaches the session at the sign-out: <c>HttpContext.Session</c>, <c>context.Session</c>, ...</summary>
    public string Session { get; }

    /// <summary>An <c>HttpContext</c> parameter to add to the minimal-API handler lambda first, when it has none.</summary>
    public string? AddParameter { get; }

    public string Title { get; }

    /// <summary>Null when nothing in scope reaches the session, so no fix can be offered.</summary>
    public static SessionClear? From(Diagnostic diagnostic)
    {
        if (diagnostic.Location.SourceTree is not { } tree)
        {
            return null;
        }

        if (diagnostic.Properties.TryGetValue(SessionFixProperties.SessionKey, out var session) && !string.IsNullOrEmpty(session))
        {
            return new SessionClear(tree, diagnostic.Location.SourceSpan, session!, null, diagnostic.Id == RuleIds.STATE008);
        }

        if (diagnostic.Properties.TryGetValue(SessionFixProperties.AddHttpContextParameterKey, out var parameter) && !string.IsNullOrEmpty(parameter))
        {
            return new SessionClear(tree, diagnostic.Location.SourceSpan, parameter + ".Session", parameter);
        }

        return null;
    }
}
