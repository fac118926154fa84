using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Session;

/// <summary>What a call does to an app's services or request pipeline, as far as the session is concerned.</summary>
internal enum PipelineStep
{
    None,

    /// <summary>Any call on an <c>IServiceCollection</c> (<c>builder.Services.AddControllers()</c>, <c>services.Configure&lt;T&gt;()</c>).</summary>
    ServiceRegistration,

    /// <summary><c>AddSession()</c>.</summary>
    AddSession,

    /// <summary><c>UseSession()</c>, or <c>UseMiddleware&lt;SessionMiddleware&gt;()</c>.</summary>
    UseSession,

    UseRouting,
    UseAuthentication,
    UseAuthorization,

    /// <summary>An endpoint mapped on an <c>IEndpointRouteBuilder</c>: <c>MapControllers</c>, <c>MapRazorPages</c>, <c>MapGet</c>, ...</summary>
    MapEndpoint,

    /// <summary>An explicit <c>UseEndpoints(...)</c>: the endpoints run there, so later middleware never runs before them.</summary>
    UseEndpoints,

    /// <summary>A terminal <c>Run(RequestDelegate)</c> middleware: nothing registered after it ever runs.</summary>
    TerminalRun,

    /// <summary><c>app.Run()</c>, <c>RunAsync()</c>, <c>StartAsync()</c> on a <c>WebApplication</c>: the pipeline is built by then.</summary>
    HostRun,
}

/// <summary>Classifies host calls by symbol and answers where <c>UseSession</c> stands in the pipeline.</summary>
internal static class SessionPipeline
{
    /// <summary>The calls STATE007 reports at, by name: the host's <c>Build()</c> or <c>WebApplication.Create()</c>, and a misplaced <c>UseSession()</c> or <c>UseMiddleware&lt;SessionMiddleware&gt;()</c>.</summary>
    public static readonly ImmutableHashSet<string> ReportedCallNames = ImmutableHashSet.Create(StringComparer.Ordinal, "Build", "Create", "UseSession", "UseMiddleware");

    public static PipelineStep Classify(IInvocationOperation invocation, WellKnownTypes types)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        if (IsAddSession(method, types))
        {
            return PipelineStep.AddSession;
        }

        if ((Symbols.Is(containing, types.SessionMiddlewareExtensions) && method.Name == "UseSession") || IsSessionMiddleware(invocation, types))
        {
            return PipelineStep.UseSession;
        }

        if (Symbols.Is(containing, types.EndpointRoutingExtensions))
        {
            return method.Name switch
            {
                "UseRouting" => PipelineStep.UseRouting,
                "UseEndpoints" => PipelineStep.UseEndpoints,
                _ => PipelineStep.None,
            };
        }

        if (Symbols.Is(containing, types.AuthenticationAppBuilderExtensions) && method.Name == "UseAuthentication")
        {
            return PipelineStep.UseAuthentication;
        }

        if (Symbols.Is(containing, types.AuthorizationAppBuilderExtensions) && method.Name == "UseAuthorization")
        {
            return PipelineStep.UseAuthorization;
        }

        if (Symbols.Is(containing, types.RunExtensions) && method.Name == "Run")
        {
            return PipelineStep.TerminalRun;
        }

        if (Symbols.Is(containing, types.WebApplication) && !method.IsStatic && method.Name is "Run" or "RunAsync" or "StartAsync")
        {
            return PipelineStep.HostRun;
        }

        var receiverType = Symbols.ReceiverType(invocation);
        if (Symbols.Implements(receiverType, types.ServiceCollection))
        {
            return PipelineStep.ServiceRegistration;
        }

        if (method.IsExtensionMethod && Symbols.Implements(method.Parameters.FirstOrDefault()?.Type, types.EndpointRouteBuilder))
        {
            return PipelineStep.MapEndpoint;
        }

        return PipelineStep.None;
    }

    /// <summary>
    /// The call that makes <paramref name="useSession"/> come too late: an explicit <c>UseEndpoints</c>, a terminal
    /// <c>Run</c>, or the host's <c>Run</c>, made earlier in the same method on the same builder and always reached first.
    /// <c>Map*</c> calls on a <c>WebApplication</c> are not such calls: the host adds <c>UseEndpoints</c> at the end.
    /// </summary>
    public static IInvocationOperation? BlockerBefore(IInvocationOperation useSession, WellKnownTypes types)
    {
        var builder = ReferencedSymbol(Symbols.Receiver(useSession));
        if (builder is null)
        {
            return null;
        }

        foreach (var candidate in OperationFlow.Root(useSession).Descendants().OfType<IInvocationOperation>())
        {
            if (!OperationFlow.IsBefore(candidate, useSession)
                || Classify(candidate, types) is not (PipelineStep.UseEndpoints or PipelineStep.TerminalRun or PipelineStep.HostRun)
                || !SymbolEqualityComparer.Default.Equals(ReferencedSymbol(Symbols.Receiver(candidate)), builder)
                || OperationFlow.ReachBefore(candidate, useSession) != OperationFlow.Reach.Always)
            {
                continue;
            }

            return candidate;
        }

        return null;
    }

    /// <summary><c>services.AddSession(...)</c>, the framework's registration (not a method of that name in source).</summary>
    public static bool IsAddSession(IMethodSymbol method, WellKnownTypes types) =>
        method.Name == "AddSession" && Symbols.Is(method.ContainingType, types.SessionServiceCollectionExtensions);

    /// <summary>
    /// The middleware type a <c>UseMiddleware</c> call registers: <c>UseMiddleware&lt;T&gt;()</c> or
    /// <c>UseMiddleware(typeof(T))</c>; null for any other call.
    /// </summary>
    public static ITypeSymbol? MiddlewareType(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name != "UseMiddleware")
        {
            return null;
        }

        return method.TypeArguments.FirstOrDefault()
            ?? invocation.Arguments.Skip(1).Select(a => OperationFlow.SkipConversions(a.Value)).OfType<ITypeOfOperation>().FirstOrDefault()?.TypeOperand;
    }

    private static bool IsSessionMiddleware(IInvocationOperation invocation, WellKnownTypes types) =>
        types.SessionMiddleware is not null && SymbolEqualityComparer.Default.Equals(MiddlewareType(invocation), types.SessionMiddleware);

    private static ISymbol? ReferencedSymbol(IOperation? operation) => operation is null ? null : OperationFlow.SkipConversions(operation) switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

}
