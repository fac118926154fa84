using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Analysis;
using StateAnalyzers.FixContract;
using StateAnalyzers.Internal;
using StateAnalyzers.Rules.Settings;
using StateAnalyzers.Session;
using StateAnalyzers.TempData;
using StateAnalyzers.Values;

namespace StateAnalyzers.Rules;

/// <summary>
/// STATE011: A value stored in TempData that is sensitive (STATE001's judgement) or can grow (STATE002's), in a
/// project whose TempData lives in the default cookie: the browser holds it and sends it back, and a large one is
/// split into several cookies that can push a request past the server's header limits (HTTP 431 / 400).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TempDataInCookieAnalyzer : StateAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TempDataInCookie);

    private protected override void AnalyzeFile(SemanticModelAnalysisContext context, CompilationModel model)
    {
        if (model.Types.TempDataDictionary is null)
        {
            return; // no MVC view features: no TempData
        }

        RuleSettings? settings = null;
        foreach (var operation in model.Candidates.In(context.SemanticModel, context.FilterSpan, context.CancellationToken))
        {
            if (model.TempDataWrites.From(operation) is not { } write
                || model.TempDataHelpers.IsInnerWrite(write, context.SemanticModel.GetEnclosingSymbol(operation.Syntax.SpanStart, context.CancellationToken) as IMethodSymbol)
                || model.TempData.ReplacesCookieProvider)
            {
                continue;
            }

            settings ??= RuleSettings.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.SemanticModel.SyntaxTree));
            if (Reason(write, settings) is { } reason)
            {
                Report(context.ReportDiagnostic, model, write, reason);
            }
        }
    }

    /// <summary>Why the stored value does not belong in a cookie, by the STATE001 and STATE002 classifiers; null for scalars, short text and status messages.</summary>
    private static string? Reason(TempDataWrite write, RuleSettings settings)
    {
        if (ScalarTypes.IsScalar(OperationFlow.SkipConversions(write.Value).Type))
        {
            return null;
        }

        var sensitive = new SensitiveValueClassifier(settings.SensitiveNames);
        if (sensitive.Classify(null, write.Value, judgeName: false) is { } secret)
        {
            return secret.Reason;
        }

        if (write.Serializer is { } serializer)
        {
            var graph = OperationFlow.SkipConversions(write.Value).Type;
            return graph is null || ScalarTypes.IsScalar(graph) || graph.SpecialType == SpecialType.System_String
                ? CookieSizeClassifier.Classify(write.Key, write.Value, settings.MaxCookieBytes)
                : sensitive.ClassifySerialized(write.Value) ?? CookieSizeClassifier.Classify(write.Key, serializer, settings.MaxCookieBytes);
        }

        return CookieSizeClassifier.ClassifyStored(write.Key, write.Value, settings.MaxCookieBytes);
    }

    private static void Report(Action<Diagnostic> report, CompilationModel model, TempDataWrite write, string reason)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var additional = new List<Location>();
        if (FixLocations(model, properties) is { } locations)
        {
            additional.AddRange(locations);
        }

        report(Diagnostic.Create(
            Descriptors.TempDataInCookie,
            write.Operation.Syntax.GetLocation(),
            additional,
            properties.ToImmutable(),
            write.DisplayName,
            reason));
    }

    /// <summary>
    /// Where the fix writes: the MVC registration that gets <c>AddSessionStateTempDataProvider()</c>, and the host that
    /// gets the session configuration it still lacks. Null (no fix) when either is out of sight.
    /// </summary>
    private static IEnumerable<Location>? FixLocations(CompilationModel model, ImmutableDictionary<string, string?>.Builder properties)
    {
        var registrations = model.TempData.MvcRegistrations;
        if (registrations.IsEmpty)
        {
            return null;
        }

        var session = model.Session;
        var addSession = !session.AddsSession;
        var useSession = session.UseSessionCalls.IsEmpty;
        if (!addSession && !useSession)
        {
            properties[TempDataFixProperties.RegistrationKey] = "true";
            return new[] { registrations[0].GetLocation() };
        }

        if (session.Hosts.IsEmpty)
        {
            return null;
        }

        var host = session.Hosts[0];
        var registration = registrations.FirstOrDefault(r => r.SyntaxTree == host.Anchor.SyntaxTree) ?? registrations[0];
        properties[TempDataFixProperties.RegistrationKey] = "true";
        if (addSession)
        {
            properties[SessionFixProperties.AddSessionKey] = "true";
            if (!session.RegistersDistributedCache)
            {
                properties[SessionFixProperties.AddCacheKey] = "true";
            }
        }

        if (useSession)
        {
            properties[SessionFixProperties.UseSessionKey] = "true";
        }

        if (host.Kind == SessionHostKind.Startup)
        {
            properties[SessionFixProperties.StartupKey] = "true";
        }

        return new[] { registration.GetLocation(), host.Anchor.GetLocation() };
    }
}
