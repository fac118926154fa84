using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace StateAnalyzers.SignIns;

/// <summary>One sign-in in source: the call, the HttpContext it uses when visible, its schemes and its properties.</summary>
internal sealed class SignIn
{
    public SignIn(IOperation operation, IOperation? httpContext, ImmutableArray<IOperation> schemes, IOperation? properties, string displayName)
    {
        Operation = operation;
        HttpContext = httpContext;
        Schemes = schemes;
        Properties = properties;
        DisplayName = displayName;
    }

    /// <summary>The invocation that signs in; findings are reported on it.</summary>
    public IOperation Operation { get; }

    /// <summary>The HttpContext the sign-in is made on, when the call names one (<c>context.SignInAsync(...)</c>).</summary>
    public IOperation? HttpContext { get; }

    /// <summary>The scheme the call names; empty when it signs in to the default scheme.</summary>
    public ImmutableArray<IOperation> Schemes { get; }

    /// <summary>The <c>AuthenticationProperties</c> argument, when the call passes one.</summary>
    public IOperation? Properties { get; }

    /// <summary>The call as the user wrote it, for the message: <c>'HttpContext.SignInAsync'</c>.</summary>
    public string DisplayName { get; }
}
