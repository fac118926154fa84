using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies;
using StateAnalyzers.Rules.Settings;

namespace StateAnalyzers.Rules;

/// <summary>
/// Base of the rules that judge cookie writes: it feeds every write the shared model recognizes (Append calls,
/// raw Set-Cookie headers, framework cookie builders) to <see cref="Analyze"/>, file by file, from the candidates
/// of <see cref="CandidateIndex"/>, except inside an implementation of the cookie API (<see cref="CookieApiPlumbing"/>).
/// A write that deletes its cookie (an Expires already past, a MaxAge of zero or less) is never judged. Nothing is
/// registered when the compilation does not reference ASP.NET Core.
/// </summary>
public abstract class CookieWriteAnalyzer : StateAnalyzer
{
    private protected sealed override void AnalyzeFile(SemanticModelAnalysisContext context, CompilationModel model)
    {
        RuleSettings? settings = null;
        RuleSettings Settings() => settings ??= RuleSettings.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.SemanticModel.SyntaxTree));
        Action<Diagnostic> report = context.ReportDiagnostic;
        foreach (var operation in model.Candidates.In(context.SemanticModel, context.FilterSpan, context.CancellationToken))
        {
            if (CookieApiPlumbing.IsInside(operation, model))
            {
                continue;
            }

            foreach (var write in model.WritesAt(operation))
            {
                // A delete is never judged; the session cookie exists only where the session middleware runs.
                if (!write.IsDelete && (write.Source != CookieSource.Session || model.Session.IssuesSessionCookie))
                {
                    Analyze(report, model, Settings(), write);
                }
            }

            if (FollowsHelpers && operation is IInvocationOperation invocation && model.Helpers.WriteAt(invocation) is { } helperWrite)
            {
                Analyze(report, model, Settings(), helperWrite);
            }
        }
    }

    /// <summary>Rules about the value also judge calls to helpers in source that write a cookie from their arguments.</summary>
    private protected virtual bool FollowsHelpers => false;

    private protected abstract void Analyze(Action<Diagnostic> report, CompilationModel model, RuleSettings settings, CookieWrite write);
}
