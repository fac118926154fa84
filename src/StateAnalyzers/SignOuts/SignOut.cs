using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace StateAnalyzers.SignOuts;

/// <summary>How a sign-out reaches the authentication service.</summary>
internal enum SignOutKind
{
    /// <summary><c>HttpContext.SignOutAsync(...)</c>, every overload.</summary>
    HttpContext,

    /// <summary><c>IAuthenticationService.SignOutAsync(context, scheme, properties)</c>.</summary>
    AuthenticationService,

    /// <summary><c>SignInManager&lt;TUser&gt;.SignOutAsync()</c>.</summary>
    SignInManager,

    /// <summary><c>SignOut(...)</c> in a controller or page, or <c>new SignOutResult(...)</c>.</summary>
    ActionResult,

    /// <summary><c>Results.SignOut(...)</c> and <c>TypedResults.SignOut(...)</c>.</summary>
    HttpResult,
}

/// <summary>One sign-out in source: the call, the HttpContext it uses when visible, and the schemes it names.</summary>
internal sealed class SignOut
{
    public SignOut(IOperation operation, SignOutKind kind, IOperation? httpContext, ImmutableArray<IOperation> schemes, bool schemesUnknown, string displayName)
    {
        Operation = operation;
        Kind = kind;
        HttpContext = httpContext;
        Schemes = schemes;
        SchemesUnknown = schemesUnknown;
        DisplayName = displayName;
    }

    /// <summary>The invocation (or <c>new SignOutResult(...)</c>) that signs out; findings are reported on it.</summary>
    public IOperation Operation { get; }

    public SignOutKind Kind { get; }

    /// <summary>The HttpContext the sign-out is made on, when the call names one (<c>context.SignOutAsync()</c>).</summary>
    public IOperation? HttpContext { get; }

    /// <summary>The scheme values the call names; empty when it signs out of the default scheme.</summary>
    public ImmutableArray<IOperation> Schemes { get; }

    /// <summary>The schemes are a collection the code does not spell out (a variable, a computed list).</summary>
    public bool SchemesUnknown { get; }

    /// <summary>The call as the user wrote it, for the message: <c>'HttpContext.SignOutAsync'</c>.</summary>
    public string DisplayName { get; }
}
