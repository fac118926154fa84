using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies;
using StateAnalyzers.FixContract;
using StateAnalyzers.Internal;
using StateAnalyzers.Session;

namespace StateAnalyzers.Rules.Reporting;

/// <summary>
/// The properties of a STATE001/STATE002 finding (<see cref="MoveToSessionProperties"/>) for one cookie write. None
/// (no fix) for raw headers, helper call sites and places with no HttpContext in reach.
/// </summary>
internal static class MoveToSessionFinding
{
    public static ImmutableDictionary<string, string?> For(CompilationModel model, CookieWrite write)
    {
        if (write.Source != CookieSource.ResponseCookies || write.ViaHelper || write.Value is null
            || write.Operation is not IInvocationOperation invocation
            || !invocation.Arguments.Any(a => a.Parameter?.Name == "key"))
        {
            return ImmutableDictionary<string, string?>.Empty;
        }

        var session = SessionAccessor.For(model.Types, invocation, invocation.Instance);
        if (session is null)
        {
            return ImmutableDictionary<string, string?>.Empty;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[MoveToSessionProperties.SessionKey] = session;
        if (write.Name is not null)
        {
            properties[MoveToSessionProperties.KeyKey] = write.Name;
        }

        // cookie.Append(key, count.ToString()) stores an int: the session keeps it as one.
        if (OperationFlow.SkipConversions(write.Value) is IInvocationOperation { TargetMethod.Name: "ToString", Instance.Type.SpecialType: SpecialType.System_Int32 } toString
            && toString.Arguments.Length == 0)
        {
            properties[MoveToSessionProperties.IntValueKey] = toString.Instance!.Syntax.ToString();
        }

        return properties.ToImmutable();
    }
}
