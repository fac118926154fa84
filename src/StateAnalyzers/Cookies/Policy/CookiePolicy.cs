using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StateAnalyzers.Cookies.Attributes;

namespace StateAnalyzers.Cookies.Policy;

/// <summary>
/// The app-wide <c>CookiePolicyOptions</c> the project applies with <c>UseCookiePolicy</c>, and which cookies it
/// reaches: those appended by code that runs after it in the pipeline. Raw Set-Cookie headers are never rewritten.
/// </summary>
internal sealed class CookiePolicy
{
    public static readonly CookiePolicy None = new(false, false, false, null, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default), new List<(SyntaxTree, TextSpan)>(), true, true);

    private readonly HashSet<ITypeSymbol> _middlewareBefore;
    private readonly List<(SyntaxTree Tree, TextSpan Span)> _inlineMiddlewareBefore;

    public CookiePolicy(
        bool applied,
        bool httpOnlyAlways,
        bool secureAlways,
        SameSiteLevel? minimumSameSite,
        HashSet<ITypeSymbol> middlewareBefore,
        List<(SyntaxTree, TextSpan)> inlineMiddlewareBefore,
        bool sessionBefore,
        bool authenticationBefore)
    {
        Applied = applied;
        HttpOnlyAlways = httpOnlyAlways;
        SecureAlways = secureAlways;
        MinimumSameSite = minimumSameSite;
        _middlewareBefore = middlewareBefore;
        _inlineMiddlewareBefore = inlineMiddlewareBefore;
        SessionBefore = sessionBefore;
        AuthenticationBefore = authenticationBefore;
    }

    /// <summary>Whether the project calls <c>UseCookiePolicy</c> at all.</summary>
    public bool Applied { get; }

    public bool HttpOnlyAlways { get; }

    public bool SecureAlways { get; }

    public SameSiteLevel? MinimumSameSite { get; }

    /// <summary><c>UseSession</c> runs before <c>UseCookiePolicy</c>, so the policy never sees the session cookie.</summary>
    public bool SessionBefore { get; }

    /// <summary><c>UseAuthentication</c> runs before <c>UseCookiePolicy</c>.</summary>
    public bool AuthenticationBefore { get; }

    public bool CoversHttpOnly(CookieWrite write) => HttpOnlyAlways && Reaches(write);

    public bool CoversSecure(CookieWrite write) => SecureAlways && Reaches(write);

    public bool CoversSameSite(CookieWrite write) => MinimumSameSite >= SameSiteLevel.Lax && Reaches(write);

    private bool Reaches(CookieWrite write)
    {
        if (!Applied)
        {
            return false;
        }

        switch (write.Source)
        {
            case CookieSource.ResponseCookies:
                return !InMiddlewareBefore(write.Operation);
            case CookieSource.Session:
                return !SessionBefore;
            case CookieSource.Authentication:
                return !AuthenticationBefore;
            case CookieSource.Antiforgery:
            case CookieSource.TempData:
                return true;
            default:
                return false;
        }
    }

    private bool InMiddlewareBefore(IOperation write)
    {
        var tree = write.Syntax.SyntaxTree;
        if (_inlineMiddlewareBefore.Any(m => m.Tree == tree && m.Span.Contains(write.Syntax.Span)))
        {
            return true;
        }

        if (_middlewareBefore.Count == 0 || write.SemanticModel is null)
        {
            return false;
        }

        for (var type = write.SemanticModel.GetEnclosingSymbol(write.Syntax.SpanStart)?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (_middlewareBefore.Contains(type))
            {
                return true;
            }
        }

        return false;
    }
}
