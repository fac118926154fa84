using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Analysis;

namespace StateAnalyzers.Rules;

/// <summary>
/// Base of every StateAnalyzers analyzer: concurrent, silent on generated code, and registered only when the compilation
/// references ASP.NET Core. Each file is analyzed from its semantic model with the compilation's shared model, so
/// findings are reported per document and stay live in the IDE.
/// </summary>
public abstract class StateAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (CompilationModel.For(start.Compilation) is { } model)
            {
                start.RegisterSemanticModelAction(c => AnalyzeFile(c, model));
            }
        });
    }

    private protected abstract void AnalyzeFile(SemanticModelAnalysisContext context, CompilationModel model);
}
