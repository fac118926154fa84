using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Model;

namespace StateAnalyzers.Rules
{
    /// <summary>
    /// Base of the rules that judge cookie writes: it feeds every write the shared model recognizes (Append calls,
    /// raw Set-Cookie headers, framework cookie builders) to <see cref="Analyze"/>. Nothing is registered when the
    /// compilation does not reference ASP.NET Core.
    /// </summary>
    public abstract class CookieWriteAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var model = CookieModel.For(start.Compilation);
                if (model is null)
                {
                    return;
                }

                var settings = new ConcurrentDictionary<SyntaxTree, RuleSettings>();
                RuleSettings SettingsFor(OperationAnalysisContext c) =>
                    settings.GetOrAdd(c.Operation.Syntax.SyntaxTree, t => RuleSettings.Read(c.Options.AnalyzerConfigOptionsProvider.GetOptions(t)));

                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        if (model.Writes.FromInvocation(invocation) is { } write)
                        {
                            Analyze(c, model, SettingsFor(c), write);
                        }

                        foreach (var builder in model.Builders.FromInvocation(invocation))
                        {
                            Analyze(c, model, SettingsFor(c), builder);
                        }

                        if (FollowsHelpers && HelperWrite(model, invocation) is { } helperWrite)
                        {
                            Analyze(c, model, SettingsFor(c), helperWrite);
                        }
                    },
                    OperationKind.Invocation);
                start.RegisterOperationAction(
                    c =>
                    {
                        if (model.Writes.FromAssignment((ISimpleAssignmentOperation)c.Operation) is { } write)
                        {
                            Analyze(c, model, SettingsFor(c), write);
                        }
                    },
                    OperationKind.SimpleAssignment);
            });
        }

        /// <summary>Rules about the value also judge calls to helpers in source that write a cookie from their arguments.</summary>
        private protected virtual bool FollowsHelpers => false;

        private static CookieWrite? HelperWrite(CookieModel model, IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.DeclaringSyntaxReferences.Length == 0
                || model.Helpers.For(invocation.TargetMethod) is not { } helper
                || CookieHelperIndex.Argument(invocation, helper.ValueParameter) is not { } value)
            {
                return null;
            }

            var name = helper.ConstantName
                ?? (helper.NameParameter is { } ordinal ? CookieHelperIndex.Argument(invocation, ordinal)?.ConstantValue.Value as string : null);
            return new CookieWrite(CookieSource.ResponseCookies, invocation, name, value, CookieAttributes.Unknown, viaHelper: true, helperOwnsName: helper.ConstantName is not null);
        }

        private protected abstract void Analyze(OperationAnalysisContext context, CookieModel model, RuleSettings settings, CookieWrite write);
    }
}
