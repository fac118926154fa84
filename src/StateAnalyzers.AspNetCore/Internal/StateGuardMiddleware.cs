using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Installs the cookie wrapper and registers the Set-Cookie audit for each request. Allocation-free per request once the
/// server reuses its <see cref="HttpContext"/> (Kestrel does, per connection): the wrapper is kept per context object,
/// and the audit callback is a cached static delegate with the wrapper as its state.
/// </summary>
internal sealed class StateGuardMiddleware
{
    private static readonly Func<object, Task> AuditCallback = static state => ((GuardedResponseCookies)state).OnStarting();
    private static readonly ConditionalWeakTable<HttpContext, GuardedResponseCookies>.CreateValueCallback CreateWrapper =
        static _ => new GuardedResponseCookies();

    private readonly RequestDelegate _next;
    private readonly StateGuardRuntime _runtime;
    private readonly ConditionalWeakTable<HttpContext, GuardedResponseCookies> _wrappers = new();

    public StateGuardMiddleware(RequestDelegate next, StateGuardRuntime runtime)
    {
        _next = next;
        _runtime = runtime;
    }

    public Task InvokeAsync(HttpContext context)
    {
        if (!_runtime.Settings.AnyCookieRule)
        {
            return _next(context);
        }

        var existing = context.Features.Get<IResponseCookiesFeature>();
        if (existing is GuardedResponseCookies)
        {
            // UseStateGuard() twice in one pipeline: the outer one already guards this request.
            return _next(context);
        }

        var wrapper = _wrappers.GetValue(context, CreateWrapper);
        wrapper.Initialize(context, _runtime, existing);
        context.Features.Set<IResponseCookiesFeature>(wrapper);
        context.Response.OnStarting(AuditCallback, wrapper);
        return _next(context);
    }
}
