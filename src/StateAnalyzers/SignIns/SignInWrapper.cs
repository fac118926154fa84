using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.SignOuts;

namespace StateAnalyzers.SignIns;

/// <summary>
/// A small method in source whose body is a sign-in and nothing else (<c>Task SignInAsync(User u) =&gt;
/// _signInManager.SignInAsync(u, false);</c>). STATE008 reports such a sign-in where the wrapper is called, since
/// that is where the caller can clear the session first; the shape is the one <see cref="SignOutWrapper"/> uses.
/// </summary>
internal sealed class SignInWrapper
{
    private SignInWrapper(IMethodSymbol method, SignIn signIn)
    {
        Method = method;
        SignIn = signIn;
    }

    public IMethodSymbol Method { get; }

    public SignIn SignIn { get; }

    public static SignInWrapper? For(SignIn signIn) =>
        SignOutWrapper.WrappingMethod(signIn.Operation) is { } method ? new SignInWrapper(method, signIn) : null;

    /// <summary>Whether the sign-in is a login for this call: a scheme parameter is judged by the call's argument.</summary>
    public bool IsLoginAt(IInvocationOperation call, SignOutRecognizer schemes) =>
        SignIn.Schemes.IsEmpty
        || !SignIn.Schemes.All(scheme => SignOutWrapper.ValueAtCall(scheme, Method, call) is { } value && schemes.IsNotLogoutScheme(value));
}
