using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateAnalyzers.Model
{
    /// <summary>
    /// What a STATE001/STATE002 finding tells the MoveToSession fix: the session expression for the place, the cookie
    /// key when it is a constant, and whether the value is an int (<c>SetInt32</c>) or a string (<c>SetString</c>).
    /// No properties (no fix) for raw headers, helper call sites and places with no HttpContext in reach.
    /// </summary>
    internal static class MoveToSessionProperties
    {
        public const string SessionKey = "Session";
        public const string KeyKey = "Key";
        public const string IntValueKey = "IntValue";

        public static ImmutableDictionary<string, string?> For(CookieModel model, CookieWrite write)
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
            properties[SessionKey] = session;
            if (write.Name is not null)
            {
                properties[KeyKey] = write.Name;
            }

            // cookie.Append(key, count.ToString()) stores an int: the session keeps it as one.
            if (OperationFlow.SkipConversions(write.Value) is IInvocationOperation { TargetMethod.Name: "ToString", Instance.Type.SpecialType: SpecialType.System_Int32 } toString
                && toString.Arguments.Length == 0)
            {
                properties[IntValueKey] = toString.Instance!.Syntax.ToString();
            }

            return properties.ToImmutable();
        }
    }
}
