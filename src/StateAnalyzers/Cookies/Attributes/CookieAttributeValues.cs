namespace StateAnalyzers.Cookies.Attributes;

/// <summary>How a cookie travels: <c>Secure</c> on <c>CookieOptions</c>, <c>SecurePolicy</c> on a <c>CookieBuilder</c>.</summary>
internal enum SecureLevel
{
    /// <summary><c>Secure = false</c> / <c>CookieSecurePolicy.None</c>: also over plain HTTP.</summary>
    Never,

    /// <summary><c>CookieSecurePolicy.SameAsRequest</c>: Secure only when the request was HTTPS.</summary>
    SameAsRequest,

    /// <summary><c>Secure = true</c> / <c>CookieSecurePolicy.Always</c>.</summary>
    Always,
}

/// <summary><c>SameSiteMode</c>, in the framework's order (Unspecified is the weakest).</summary>
internal enum SameSiteLevel
{
    Unspecified = -1,
    None = 0,
    Lax = 1,
    Strict = 2,
}

/// <summary>How the model learned an attribute's value; the code fix and the message both depend on it.</summary>
internal enum AttributeOrigin
{
    /// <summary>Nothing set it: the API's default applies (a bare <c>Append</c>, <c>AddSession()</c>).</summary>
    ApiDefault,

    /// <summary>A visible <c>new CookieOptions</c>/<c>new CookieBuilder</c> does not set it: the type's default applies.</summary>
    CreationDefault,

    /// <summary>Set inside an object initializer.</summary>
    Initializer,

    /// <summary>Set by an assignment statement.</summary>
    Assignment,

    /// <summary>Read off a raw Set-Cookie string.</summary>
    RawHeader,
}
