using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Lifetimes;

/// <summary>
/// The lifetimes an options lambda sets to a constant (STATE009): <c>ExpireTimeSpan</c> and <c>Cookie.MaxAge</c> of a
/// cookie authentication scheme, <c>IdleTimeout</c> and <c>Cookie.MaxAge</c> of the session. The lambdas are the ones
/// <see cref="CookieBuilderResolver.OptionsLambdas"/> finds, read in the same order: the last write wins, replacing
/// <c>options.Cookie</c> with a new builder resets its <c>MaxAge</c>, a write inside an <c>if</c> or loop is unknown,
/// and the options handed to another method may have been set to anything.
/// </summary>
internal sealed class LifetimeReader
{
    private const string MaxAge = "MaxAge";

    private readonly CompilationModel _model;

    public LifetimeReader(CompilationModel model)
    {
        _model = model;
    }

    /// <summary>Property names that may set a lifetime outside <c>options.Cookie</c>, for the candidate walk.</summary>
    public static readonly IReadOnlyCollection<string> OptionsPropertyNames = new[] { "ExpireTimeSpan", "IdleTimeout" };

    public IEnumerable<LifetimeSetting> FromInvocation(IInvocationOperation invocation)
    {
        foreach (var (lambda, options, source) in _model.Builders.OptionsLambdas(invocation))
        {
            if (source is CookieSource.Authentication or CookieSource.Session)
            {
                foreach (var setting in Read(lambda, options, source))
                {
                    yield return setting;
                }
            }
        }
    }

    /// <summary>
    /// The <c>ExpiresUtc</c> of the properties a sign-in passes, when it is "now plus a constant": set in the
    /// <c>new AuthenticationProperties { ... }</c> at the call, or on a local of the same method (its initializer, then
    /// the assignments before the sign-in; the last one wins, and one inside an <c>if</c> is unknown).
    /// </summary>
    public static LifetimeSetting? FromSignIn(SignIns.SignIn signIn)
    {
        if (signIn.Properties is not { } properties)
        {
            return null;
        }

        IOperation? expires = null;
        var conditional = false;
        switch (OperationFlow.SkipConversions(properties))
        {
            case IObjectCreationOperation creation:
                expires = ExpiresIn(creation);
                break;
            case ILocalReferenceOperation local:
                var sources = ValueFlow.SourcesOf(local.Local, signIn.Operation).Take(2).ToList();
                if (sources.Count == 1 && OperationFlow.SkipConversions(sources[0]) is IObjectCreationOperation initial)
                {
                    expires = ExpiresIn(initial);
                }

                var method = Session.SessionClearing.MethodOf(signIn.Operation);
                foreach (var assignment in method.Descendants().OfType<ISimpleAssignmentOperation>())
                {
                    if (assignment.Target is IPropertyReferenceOperation { Property.Name: ExpiresUtc, Instance: ILocalReferenceOperation owner }
                        && SymbolEqualityComparer.Default.Equals(owner.Local, local.Local)
                        && OperationFlow.IsBefore(assignment, signIn.Operation))
                    {
                        expires = assignment.Value;
                        conditional = OperationFlow.IsConditionalWithin(assignment, method);
                    }
                }

                break;
        }

        return expires is not null && !conditional && LifetimeConstant.FromNowOf(expires) is { } fromNow
            ? new LifetimeSetting(OperationFlow.SkipConversions(fromNow.At), ExpiresUtc, LifetimeKind.SignIn, fromNow.Lifetime, fromNow: fromNow.At == OperationFlow.SkipConversions(expires))
            : null;
    }

    private const string ExpiresUtc = "ExpiresUtc";

    private static IOperation? ExpiresIn(IObjectCreationOperation creation) =>
        creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
            .LastOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: ExpiresUtc })?.Value;

    private static IEnumerable<LifetimeSetting> Read(IAnonymousFunctionOperation lambda, IParameterSymbol options, CookieSource source)
    {
        // The last write of each property, by property.
        var last = new Dictionary<string, (IOperation Value, bool Conditional)>();
        foreach (var operation in lambda.Body.Descendants().OrderBy(o => o.Syntax.SpanStart))
        {
            var conditional = OperationFlow.IsConditionalWithin(operation, lambda.Body);
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment:
                    if (CookieBuilderResolver.IsParameter(target.Instance, options) && PropertyOf(target.Property, source) is { } property)
                    {
                        last[property] = (assignment.Value, conditional);
                    }
                    else if (target.Property.Name == MaxAge && CookieBuilderResolver.IsCookieOf(target.Instance, options))
                    {
                        last[MaxAge] = (assignment.Value, conditional);
                    }
                    else if (CookieBuilderResolver.IsCookieOf(target, options))
                    {
                        // options.Cookie = new CookieBuilder { MaxAge = ... }: the new builder's MaxAge, or none.
                        if ((OperationFlow.SkipConversions(assignment.Value) as IObjectCreationOperation)?.Initializer?.Initializers
                            .OfType<ISimpleAssignmentOperation>()
                            .LastOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: MaxAge }) is { } maxAge)
                        {
                            last[MaxAge] = (maxAge.Value, conditional);
                        }
                        else
                        {
                            last.Remove(MaxAge);
                        }
                    }

                    break;
                case IArgumentOperation argument when CookieBuilderResolver.IsParameter(argument.Value, options) || CookieBuilderResolver.IsCookieOf(argument.Value, options):
                    last.Clear(); // handed to another method: it may set anything
                    break;
            }
        }

        foreach (var entry in last)
        {
            var (value, conditional) = entry.Value;
            if (conditional || LifetimeConstant.TimeSpanOf(value) is not { } lifetime)
            {
                continue;
            }

            var kind = entry.Key switch
            {
                "IdleTimeout" => LifetimeKind.SessionIdle,
                MaxAge when source == CookieSource.Session => LifetimeKind.SessionCookie,
                _ => LifetimeKind.AuthenticationCookie,
            };
            yield return new LifetimeSetting(OperationFlow.SkipConversions(value), entry.Key == MaxAge ? "Cookie.MaxAge" : entry.Key, kind, lifetime, fromNow: false);
        }
    }

    /// <summary><c>ExpireTimeSpan</c> of a cookie scheme, <c>IdleTimeout</c> of the session.</summary>
    private static string? PropertyOf(IPropertySymbol property, CookieSource source) => (property.Name, source) switch
    {
        ("ExpireTimeSpan", CookieSource.Authentication) => property.Name,
        ("IdleTimeout", CookieSource.Session) => property.Name,
        _ => null,
    };
}
