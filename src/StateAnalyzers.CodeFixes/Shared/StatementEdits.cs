using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace StateAnalyzers.CodeFixes.Shared;

/// <summary>How an inserted statement is laid out.</summary>
internal enum InsertLayout
{
    /// <summary>
    /// The new statements go just before the item and take over its leading trivia (blank lines, comments), so a
    /// comment above the item now sits above the group; the item keeps only its indentation.
    /// </summary>
    TakeLeadingTrivia,

    /// <summary>The new statements get the indentation of the neighbouring item and leave its trivia alone.</summary>
    Indent,
}

/// <summary>
/// Edits of one document that insert, remove and rewrite statements, collected from several diagnostics and applied
/// in one pass, so that the edits of a Fix All compose: insertions are recorded against a statement list (a block,
/// a switch section, or a file's top-level statements) by the index of an original item, and node rewrites see
/// the node with the edits nested inside it already applied.
/// </summary>
internal sealed class StatementEdits
{
    private readonly Dictionary<SyntaxNode, ListPlan> _lists = new();
    private readonly Dictionary<SyntaxNode, List<Func<SyntaxNode, SyntaxNode>>> _rewrites = new();
    private readonly SyntaxTrivia _newLine;

    public StatementEdits(SyntaxTrivia newLine)
    {
        // A plain line break, not an elastic one: between top-level statements (members of the compilation unit)
        // the formatter would turn an elastic break into a blank line.
        _newLine = SyntaxFactory.EndOfLine(newLine.ToFullString());
    }

    public bool IsEmpty => _lists.Count == 0 && _rewrites.Count == 0;

    /// <summary>The items of a statement list: statements of a block or section, members of a compilation unit.</summary>
    public static IReadOnlyList<SyntaxNode> Items(SyntaxNode list) => list switch
    {
        BlockSyntax block => block.Statements,
        SwitchSectionSyntax section => section.Statements,
        CompilationUnitSyntax unit => unit.Members,
        _ => Array.Empty<SyntaxNode>(),
    };

    /// <summary>The statement list that holds <paramref name="statement"/> and its index there, if it is in one.</summary>
    public static (SyntaxNode List, int Index)? Locate(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => (block, block.Statements.IndexOf(statement)),
        SwitchSectionSyntax section => (section, section.Statements.IndexOf(statement)),
        GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit => (unit, unit.Members.IndexOf(global)),
        _ => null,
    };

    /// <summary>The statement an item is (a top-level statement's inner statement).</summary>
    public static StatementSyntax? StatementOf(SyntaxNode item) => item switch
    {
        GlobalStatementSyntax global => global.Statement,
        StatementSyntax statement => statement,
        _ => null,
    };

    /// <summary>Inserts before the original item at <paramref name="index"/> (or at the end when it equals the item count).</summary>
    public void Insert(SyntaxNode list, int index, IReadOnlyList<StatementSyntax> statements, InsertLayout layout, object? key = null, IReadOnlyList<SyntaxTrivia>? comments = null)
    {
        var plan = PlanFor(list);
        if (key is not null && plan.Keys.Contains(key))
        {
            return; // several diagnostics asking for the same insertion
        }

        if (key is not null)
        {
            plan.Keys.Add(key);
        }

        plan.Inserts.Add(new Insertion(index, statements, layout, comments ?? Array.Empty<SyntaxTrivia>()));
    }

    public void Remove(SyntaxNode list, int index) => PlanFor(list).Removed.Add(index);

    /// <summary>Rewrites a node; the function receives the node with the edits inside it already applied.</summary>
    public void Rewrite(SyntaxNode node, Func<SyntaxNode, SyntaxNode> rewrite)
    {
        if (!_rewrites.TryGetValue(node, out var list))
        {
            _rewrites[node] = list = new List<Func<SyntaxNode, SyntaxNode>>();
        }

        list.Add(rewrite);
    }

    public bool HasRewrite(SyntaxNode node) => _rewrites.ContainsKey(node);

    public SyntaxNode Apply(SyntaxNode root)
    {
        var nodes = _lists.Keys.Concat(_rewrites.Keys).Distinct().ToList();
        return root.ReplaceNodes(nodes, (original, rewritten) =>
        {
            var result = rewritten;
            if (_lists.TryGetValue(original, out var plan))
            {
                result = ApplyPlan(result, plan);
            }

            if (_rewrites.TryGetValue(original, out var rewrites))
            {
                foreach (var rewrite in rewrites)
                {
                    result = rewrite(result);
                }
            }

            return result;
        });
    }

    /// <summary>The whitespace that starts the item's line: what follows the last line break of its leading trivia.</summary>
    public static SyntaxTriviaList Indentation(SyntaxNode item)
    {
        var leading = item.GetLeadingTrivia();
        var start = 0;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                start = i + 1;
            }
        }

        return SyntaxFactory.TriviaList(leading.Skip(start).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
    }

    /// <summary>The comments above a statement that moves elsewhere; they move with it (blank lines do not).</summary>
    public static IReadOnlyList<SyntaxTrivia> Comments(SyntaxNode moved) =>
        moved.GetLeadingTrivia()
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia))
            .ToList();

    private ListPlan PlanFor(SyntaxNode list)
    {
        if (!_lists.TryGetValue(list, out var plan))
        {
            _lists[list] = plan = new ListPlan();
        }

        return plan;
    }

    private SyntaxNode ApplyPlan(SyntaxNode rewritten, ListPlan plan)
    {
        var items = Items(rewritten);
        var result = new List<SyntaxNode>();
        for (var i = 0; i <= items.Count; i++)
        {
            var item = i < items.Count && !plan.Removed.Contains(i) ? items[i] : null;
            foreach (var insertion in plan.Inserts.Where(x => x.Index == i))
            {
                var neighbour = i < items.Count ? items[i] : items.LastOrDefault();
                var indentation = neighbour is null ? SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker) : Indentation(neighbour);
                for (var s = 0; s < insertion.Statements.Count; s++)
                {
                    SyntaxTriviaList leading;
                    if (insertion.Layout == InsertLayout.TakeLeadingTrivia && s == 0 && item is not null)
                    {
                        leading = item.GetLeadingTrivia();
                    }
                    else
                    {
                        var lines = new List<SyntaxTrivia>();
                        foreach (var comment in s == 0 ? insertion.Comments : Array.Empty<SyntaxTrivia>())
                        {
                            lines.AddRange(indentation);
                            lines.Add(comment);
                            lines.Add(_newLine);
                        }

                        lines.AddRange(indentation);
                        leading = SyntaxFactory.TriviaList(lines);
                    }

                    var laidOut = insertion.Statements[s].WithLeadingTrivia(leading).WithTrailingTrivia(_newLine).WithAdditionalAnnotations(Formatter.Annotation);
                    result.Add(rewritten is CompilationUnitSyntax ? SyntaxFactory.GlobalStatement(laidOut) : laidOut);
                }

                if (insertion.Layout == InsertLayout.TakeLeadingTrivia && item is not null)
                {
                    item = item.WithLeadingTrivia(Indentation(item));
                }
            }

            if (item is not null)
            {
                result.Add(item);
            }
        }

        return rewritten switch
        {
            BlockSyntax block => block.WithStatements(SyntaxFactory.List(result.Cast<StatementSyntax>())),
            SwitchSectionSyntax section => section.WithStatements(SyntaxFactory.List(result.Cast<StatementSyntax>())),
            CompilationUnitSyntax unit => unit.WithMembers(SyntaxFactory.List(result.Cast<MemberDeclarationSyntax>())),
            _ => rewritten,
        };
    }

    private sealed class ListPlan
    {
        public List<Insertion> Inserts { get; } = new();

        public HashSet<int> Removed { get; } = new();

        public HashSet<object> Keys { get; } = new();
    }

    private sealed class Insertion
    {
        public Insertion(int index, IReadOnlyList<StatementSyntax> statements, InsertLayout layout, IReadOnlyList<SyntaxTrivia> comments)
        {
            Index = index;
            Statements = statements;
            Layout = layout;
            Comments = comments;
        }

        public int Index { get; }

        public IReadOnlyList<StatementSyntax> Statements { get; }

        public InsertLayout Layout { get; }

        public IReadOnlyList<SyntaxTrivia> Comments { get; }
    }
}
