using Microsoft.CodeAnalysis;
using StateAnalyzers.Cookies.Attributes;

namespace StateAnalyzers.Cookies;

/// <summary>
/// One place where the code decides a cookie: an <c>Append</c>, a raw Set-Cookie header, or a framework cookie's
/// builder. Every cookie rule reads these facts instead of looking at syntax itself.
/// </summary>
internal sealed class CookieWrite
{
    public CookieWrite(CookieSource source, IOperation operation, string? name, IOperation? value, CookieAttributes attributes, bool isRegistration = false, bool viaHelper = false, bool helperOwnsName = false)
    {
        HelperOwnsName = helperOwnsName;
        IsRegistration = isRegistration;
        ViaHelper = viaHelper;
        Source = source;
        Operation = operation;
        Name = name;
        Value = value;
        Attributes = attributes;
    }

    public CookieSource Source { get; }

    /// <summary>The write itself (the invocation or assignment); findings about the cookie are reported here.</summary>
    public IOperation Operation { get; }

    /// <summary>The cookie's name when it is a compile-time constant.</summary>
    public string? Name { get; }

    /// <summary>The value written, when there is one (not for builders).</summary>
    public IOperation? Value { get; }

    public CookieAttributes Attributes { get; }

    /// <summary>An <c>Append</c> or raw header that deletes the cookie (it expires at once): never a finding.</summary>
    public bool IsDelete => !Source.IsBuilder() && Attributes.IsDelete;

    /// <summary>
    /// For builders: the call that registers the component (<c>AddSession</c>, <c>AddCookie</c>, ...), where the
    /// framework's defaults apply, as opposed to a later <c>Configure&lt;TOptions&gt;</c> that only layers changes.
    /// </summary>
    public bool IsRegistration { get; }

    /// <summary>
    /// A call to a helper method in source that writes a cookie from its arguments: <see cref="Operation"/> is the
    /// call, <see cref="Value"/> the argument it passes, and the attributes are the helper's business (unknown here).
    /// </summary>
    public bool ViaHelper { get; }

    /// <summary>Through a helper whose cookie name is its own constant (judged inside the helper, not at each call).</summary>
    public bool HelperOwnsName { get; }

    /// <summary>For messages: <c>'name'</c>, or what kind of cookie it is when the name is not known.</summary>
    public string DisplayName => Name is null ? Source.Describe() : "'" + Name + "'";
}
