using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE001 (sensitive data in a cookie): positives and the tricky clean cases. Cases every cookie rule shares (the candidate gateway) are in
/// <see cref="CandidateGatewayTests"/>; the fix is tested in
/// <see cref="CodeFixes.MoveToSessionTests"/>.
/// </summary>
public class SensitiveCookieTests
{
    private static Task Verify(params string[] sources) => Analyze.With<SensitiveCookieAnalyzer>(sources).Verify();

    private static DiagnosticResult Expected(string message) =>
        new DiagnosticResult("STATE001", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(message);

    [Theory]
    [InlineData("access_token")]
    [InlineData("AuthToken")]
    [InlineData("jwt")]
    [InlineData("user-password")]
    [InlineData("ApiKey")]
    [InlineData("api_key")]
    [InlineData("CardNumber")]
    [InlineData("customer.email")]
    [InlineData("PhoneNumber")]
    [InlineData("DateOfBirth")]
    [InlineData("refresh_tokens")]
    [InlineData("SSN")]
    public Task A_sensitive_cookie_name_is_reported(string name) => Verify($$"""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string value) => {|STATE001:response.Cookies.Append("{{name}}", value)|};
        }
        """);

    [Theory]
    [InlineData("tokenizer")]
    [InlineData("secretariat")]
    [InlineData("theme")]
    [InlineData("culture")]
    [InlineData(".AspNetCore.Culture")]
    [InlineData("XSRF-TOKEN")]
    [InlineData("__RequestVerificationToken")]
    [InlineData("csrf_token")]
    [InlineData("cookie_consent")]
    [InlineData("cart_id")]
    [InlineData("visitor")]
    public Task A_harmless_cookie_name_is_clean(string name) => Verify($$"""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string value) => response.Cookies.Append("{{name}}", value);
        }
        """);

    [Fact]
    public Task The_message_says_which_word_made_the_name_sensitive() =>
        Analyze.With<SensitiveCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response, string value) => {|#0:response.Cookies.Append("auth_token", value)|};
            }
            """)
            .Expecting(Expected("Cookie 'auth_token' stores sensitive data (the name contains 'token'); keep it in the session, which sends the browser only its id"))
            .Verify();

    [Fact]
    public Task A_value_read_from_a_sensitive_symbol_is_reported() =>
        Analyze.With<SensitiveCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class LoginModel { public string Password { get; set; } = ""; public string UserName { get; set; } = ""; }
            class C
            {
                void M(HttpResponse response, LoginModel login)
                {
                    response.Cookies.Append("user", login.UserName);
                    {|#0:response.Cookies.Append("remember", login.Password)|};
                }
            }
            """)
            .Expecting(Expected("Cookie 'remember' stores a password or private key (the value reads member 'Password'); remove the value: neither the browser nor the session should keep it, check it or use it and then drop it"))
            .Verify();

    [Fact]
    public Task A_password_cookie_is_told_to_remove_the_value() =>
        Analyze.With<SensitiveCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response, string value) => {|#0:response.Cookies.Append("user-password", value)|};
            }
            """)
            .Expecting(Expected("Cookie 'user-password' stores a password or private key (the name contains 'password'); remove the value: neither the browser nor the session should keep it, check it or use it and then drop it"))
            .Verify();

    [Fact]
    public Task A_private_key_from_configuration_is_told_to_remove_the_value() =>
        Analyze.With<SensitiveCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.Configuration;
            class C
            {
                void M(HttpResponse response, IConfiguration configuration) => {|#0:response.Cookies.Append("signing", configuration["Jwt:PrivateKey"]!)|};
            }
            """)
            .Expecting(Expected("Cookie 'signing' stores a password or private key (the configuration secret 'Jwt:PrivateKey'); remove the value: neither the browser nor the session should keep it, check it or use it and then drop it"))
            .Verify();

    [Fact]
    public Task A_token_keeps_the_advice_to_use_the_session() =>
        Analyze.With<SensitiveCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response, string refreshToken) => {|#0:response.Cookies.Append("session-data", refreshToken)|};
            }
            """)
            .Expecting(Expected("Cookie 'session-data' stores sensitive data (the value reads parameter 'refreshToken'); keep it in the session, which sends the browser only its id"))
            .Verify();

    [Fact]
    public Task An_object_with_a_password_hash_among_its_members_keeps_the_advice_to_use_the_session() =>
        Analyze.With<SensitiveCookieAnalyzer>("""
            using System.Text.Json;
            using Microsoft.AspNetCore.Http;
            class Account { public string Name { get; set; } = ""; public string PasswordHash { get; set; } = ""; }
            class C
            {
                void M(HttpResponse response, Account account) => {|#0:response.Cookies.Append("account", JsonSerializer.Serialize(account))|};
            }
            """)
            .Expecting(Expected("Cookie 'account' stores sensitive data (the serialized Account has member 'PasswordHash' ('password')); keep it in the session, which sends the browser only its id"))
            .Verify();

    [Fact]
    public Task The_value_is_followed_through_locals() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string apiKey)
            {
                var raw = apiKey.Trim();
                var value = "v1:" + raw;
                {|STATE001:response.Cookies.Append("settings", value)|};
            }
        }
        """);

    [Fact]
    public Task A_cancellation_token_and_the_condition_of_a_choice_carry_no_secret() => Verify("""
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        interface ILookup
        {
            Task<bool> ExistsAsync(string id, CancellationToken cancellationToken);
            Task<string> LabelAsync(string id, CancellationToken cancellationToken);
        }

        class C
        {
            async Task M(HttpResponse response, ILookup lookup, string id, string secretAnswer, CancellationToken cancellationToken)
            {
                var exists = await lookup.ExistsAsync(id, cancellationToken);
                response.Cookies.Append("seen", exists ? "yes" : "no");
                response.Cookies.Append("label", await lookup.LabelAsync(id, cancellationToken));
                response.Cookies.Append("choice", secretAnswer.Length > 0 ? "set" : "unset");
                {|STATE001:response.Cookies.Append("answer", exists ? secretAnswer : "none")|};
            }
        }
        """);

    [Fact]
    public Task Hashing_or_home_grown_encoding_exempts_nothing() => Verify("""
        using System;
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string password)
            {
                var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password)));
                {|STATE001:response.Cookies.Append("remember", hash)|};
            }
        }
        """);

    [Fact]
    public Task Members_marked_as_personal_data_are_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Identity;
        class Customer
        {
            [PersonalData] public string Nickname { get; set; } = "";
            [ProtectedPersonalData] public string Address { get; set; } = "";
            public string Tier { get; set; } = "";
        }

        class C
        {
            void M(HttpResponse response, Customer customer)
            {
                {|STATE001:response.Cookies.Append("nick", customer.Nickname)|};
                {|STATE001:response.Cookies.Append("ship", customer.Address)|};
                response.Cookies.Append("tier", customer.Tier);
            }
        }
        """);

    [Fact]
    public Task A_password_data_type_is_reported() => Verify("""
        using System.ComponentModel.DataAnnotations;
        using Microsoft.AspNetCore.Http;
        class Login
        {
            [DataType(DataType.Password)] public string Pin { get; set; } = "";
            [DataType(DataType.MultilineText)] public string Note { get; set; } = "";
        }

        class C
        {
            void M(HttpResponse response, Login login)
            {
                {|STATE001:response.Cookies.Append("p", login.Pin)|};
                response.Cookies.Append("n", login.Note);
            }
        }
        """);

    [Fact]
    public Task A_claim_holding_the_email_is_reported() => Verify("""
        using System.Security.Claims;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpContext context) =>
                {|STATE001:context.Response.Cookies.Append("who", context.User.FindFirst(ClaimTypes.Email)!.Value)|};
        }
        """);

    [Fact]
    public Task A_configuration_secret_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Configuration;
        class C
        {
            void M(HttpResponse response, IConfiguration configuration)
            {
                {|STATE001:response.Cookies.Append("x", configuration["Stripe:SecretKey"]!)|};
                {|STATE001:response.Cookies.Append("y", configuration.GetConnectionString("Default")!)|};
                response.Cookies.Append("z", configuration["Ui:DefaultTheme"]!);
            }
        }
        """);

    [Fact]
    public Task A_serialized_object_with_a_sensitive_member_is_reported() =>
        Analyze.With<SensitiveCookieAnalyzer>("""
            using System.Text.Json;
            using Microsoft.AspNetCore.Http;
            class User { public string Name { get; set; } = ""; public string PasswordHash { get; set; } = ""; }
            class Preferences { public string Theme { get; set; } = ""; public int PageSize { get; set; } }
            class C
            {
                void M(HttpResponse response, User user, Preferences preferences)
                {
                    {|#0:response.Cookies.Append("profile", JsonSerializer.Serialize(user))|};
                    response.Cookies.Append("prefs", JsonSerializer.Serialize(preferences));
                }
            }
            """)
            .Expecting(Expected("Cookie 'profile' stores sensitive data (the serialized User has member 'PasswordHash' ('password')); keep it in the session, which sends the browser only its id"))
            .Verify();

    [Fact]
    public Task Data_Protection_makes_a_token_safe_to_send() => Verify("""
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, IDataProtector protector, string token)
            {
                response.Cookies.Append("token", protector.Protect(token));
                var sealedToken = protector.Protect(token);
                response.Cookies.Append("auth_token", sealedToken);
            }
        }
        """);

    [Fact]
    public Task An_authentication_handler_state_cookie_sealed_with_ISecureDataFormat_is_Data_Protection() => Verify("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Http;
        class LegacySsoStateCookie
        {
            private readonly ISecureDataFormat<AuthenticationProperties> _stateFormat;
            private readonly PropertiesDataFormat _ticketFormat;

            public LegacySsoStateCookie(IDataProtectionProvider provider)
            {
                _stateFormat = new PropertiesDataFormat(provider.CreateProtector("sso-state"));
                _ticketFormat = new PropertiesDataFormat(provider.CreateProtector("sso-ticket"));
            }

            public void Issue(HttpContext context, AuthenticationProperties properties, string nonceToken)
            {
                context.Response.Cookies.Append(".Sso.StateToken", _stateFormat.Protect(properties));
                var sealedNonce = _ticketFormat.Protect(properties, purpose: nonceToken);
                context.Response.Cookies.Append("sso_nonce_token", sealedNonce);
            }
        }
        """);

    [Fact]
    public Task A_password_sealed_with_ISecureDataFormat_is_still_reported_and_a_look_alike_format_exempts_nothing() => Verify("""
        using Microsoft.AspNetCore.Authentication;
        using Microsoft.AspNetCore.Http;
        interface IHomeGrownFormat<T> { string Protect(T data); }
        class C
        {
            void M(HttpResponse response, ISecureDataFormat<string> format, IHomeGrownFormat<string> homeGrown, string password, string token)
            {
                {|STATE001:response.Cookies.Append("remember", format.Protect(password))|};
                {|STATE001:response.Cookies.Append("auth_token", homeGrown.Protect(token))|};
            }
        }
        """);

    [Fact]
    public Task A_protected_password_is_still_reported() => Verify("""
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, IDataProtector protector, string password, string value)
            {
                {|STATE001:response.Cookies.Append("remember", protector.Protect(password))|};
                {|STATE001:response.Cookies.Append("password", protector.Protect(value))|};
            }
        }
        """);

    [Fact]
    public Task Antiforgery_tokens_are_not_secrets_of_the_user() => Verify("""
        using Microsoft.AspNetCore.Antiforgery;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpContext context, IAntiforgery antiforgery)
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                context.Response.Cookies.Append("XSRF-TOKEN", tokens.RequestToken!);
                context.Response.Cookies.Append("af", tokens.RequestToken!);
            }
        }
        """);

    [Fact]
    public Task A_generated_JWT_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        namespace System.IdentityModel.Tokens.Jwt
        {
            public class JwtSecurityTokenHandler { public string WriteToken(object token) => ""; }
        }

        class C
        {
            void M(HttpResponse response, object descriptor)
            {
                var handler = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler();
                {|STATE001:response.Cookies.Append("session", handler.WriteToken(descriptor))|};
            }
        }
        """);

    [Fact]
    public Task Ids_and_preferences_are_clean() => Verify("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string theme, int cartCount)
            {
                response.Cookies.Append("theme", theme);
                response.Cookies.Append("cart", Guid.NewGuid().ToString());
                response.Cookies.Append("visitor", Guid.NewGuid().ToString("N"));
                response.Cookies.Append("count", cartCount.ToString());
                response.Cookies.Append(".AspNetCore.Culture", "c=en|uic=en");
            }
        }
        """);

    [Fact]
    public Task The_length_of_a_password_is_not_the_password() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string password) => response.Cookies.Append("strength", password.Length.ToString());
        }
        """);

    [Fact]
    public Task A_helper_in_source_is_reported_where_the_secret_is_passed() => Verify("""
        using Microsoft.AspNetCore.Http;
        static class CookieHelper
        {
            public static void SetCookie(this HttpResponse response, string name, string value) =>
                response.Cookies.Append(name, value, new CookieOptions { HttpOnly = true });
        }

        class AccountController
        {
            void Login(HttpResponse response, string password, string theme)
            {
                {|STATE001:response.SetCookie("remember", password)|};
                {|STATE001:response.SetCookie("refresh_token", theme)|};
                response.SetCookie("theme", theme);
            }
        }
        """);

    [Fact]
    public Task A_helper_with_its_own_sensitive_name_is_reported_once_inside_it() => Verify("""
        using Microsoft.AspNetCore.Http;
        class TokenCookie(IHttpContextAccessor accessor)
        {
            public void Save(string value) => {|STATE001:accessor.HttpContext!.Response.Cookies.Append("auth_token", value)|};
        }

        class C
        {
            void M(TokenCookie cookie, string theme) => cookie.Save(theme);
        }
        """);

    [Fact]
    public Task A_helper_with_its_own_sensitive_name_is_not_reported_again_where_a_token_is_passed() => Verify("""
        using Microsoft.AspNetCore.Http;
        public static class AuthCookies
        {
            private const string AccessTokenCookie = "access_token";
            public static void SetAccessToken(this HttpResponse response, string value) =>
                {|STATE001:response.Cookies.Append(AccessTokenCookie, value, new CookieOptions { HttpOnly = true, Secure = true })|};
            public static void Refresh(HttpResponse response, string newToken) => response.SetAccessToken(newToken);
        }

        class TokenController
        {
            void Login(HttpResponse response, string accessToken) => response.SetAccessToken(accessToken);
            void Renew(HttpResponse response, string jwt) => AuthCookies.Refresh(response, jwt);
        }
        """);

    [Fact]
    public Task A_helper_with_a_harmless_constant_name_is_still_judged_where_a_secret_is_passed() => Verify("""
        using Microsoft.AspNetCore.Http;
        public static class VisitorCookies
        {
            public static void SetVisitor(this HttpResponse response, string value) => response.Cookies.Append("visitor", value);
        }

        class TrackingMiddleware
        {
            void Track(HttpResponse response, string apiKey, System.Guid visitorId)
            {
                {|STATE001:response.SetVisitor(apiKey)|};
                response.SetVisitor(visitorId.ToString());
            }
        }
        """);

    [Fact]
    public Task The_culture_cookie_under_its_framework_name_is_not_sensitive() => Verify("""
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Localization;
        class C
        {
            void M(HttpResponse response, string culture) =>
                response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)));
        }
        """);

    [Fact]
    public Task A_helper_calling_a_helper_is_followed() => Verify("""
        using Microsoft.AspNetCore.Http;
        static class Cookies
        {
            public static void Write(HttpResponse response, string name, string value) => response.Cookies.Append(name, value);
            public static void Remember(HttpResponse response, string value) => Write(response, "remember", value);
        }

        class C
        {
            void M(HttpResponse response, string email) => {|STATE001:Cookies.Remember(response, email)|};
        }
        """);

    [Fact]
    public Task Raw_Set_Cookie_headers_are_judged_too() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string sessionToken, string theme)
            {
                {|STATE001:response.Headers.Append("Set-Cookie", $"st={sessionToken}; HttpOnly; Secure")|};
                {|STATE001:response.Headers.Append("Set-Cookie", "jwt=abc; HttpOnly; Secure")|};
                response.Headers.Append("Set-Cookie", $"theme={theme}; Secure");
            }
        }
        """);

    [Fact]
    public Task JSON_stored_in_the_session_is_not_a_cookie() => Verify("""
        using Microsoft.AspNetCore.Http;
        using System.Text.Json;
        class User { public string Email { get; set; } = ""; }
        class C
        {
            void M(HttpContext context, User user, string token)
            {
                context.Session.SetString("user", JsonSerializer.Serialize(user));
                context.Session.SetString("token", token);
            }
        }
        """);

    [Fact]
    public Task A_CookieStore_wrapping_ISession_is_not_a_cookie() => Verify("""
        using Microsoft.AspNetCore.Http;
        class CookieStore(ISession session)
        {
            public void Append(string key, string value) => session.SetString(key, value);
        }

        class C
        {
            void M(CookieStore cookies, string token) => cookies.Append("token", token);
        }
        """);

    [Fact]
    public Task Additional_sensitive_names_come_from_editorconfig() =>
        Analyze.With<SensitiveCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response, string loyaltyNumber)
                {
                    {|STATE001:response.Cookies.Append("loyalty", loyaltyNumber)|};
                    {|STATE001:response.Cookies.Append("tax_id", "x")|};
                }
            }
            """)
            .WithOptions("STATE001.additional_sensitive_names = loyalty number, tax id")
            .Verify();

    [Fact]
    public Task Allowed_cookie_names_come_from_editorconfig() =>
        Analyze.With<SensitiveCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response, string token)
                {
                    response.Cookies.Append("push_token", token);
                    {|STATE001:response.Cookies.Append("auth_token", token)|};
                }
            }
            """)
            .WithOptions("STATE001.allowed_cookie_names = push_token")
            .Verify();

    [Fact]
    public Task An_Append_on_another_type_is_not_a_cookie_write() => Verify("""
        using System.Text;
        class C
        {
            void M(StringBuilder builder, string password) => builder.Append(password);
        }
        """);

    /// <summary>The catalogue's value shapes, shared with the runtime companion, on the constant values the analyzer sees.</summary>
    [Theory]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLWJ5dGVzLXNpZ25hdHVyZS1ieXRlcw", "the value is a JSON Web Token")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLWJ5dGVzLXNpZ25hdHVyZS1ieXRlcw", "the value is a bearer token")]
    [InlineData("4111 1111 1111 1111", "the value is a payment card number")]
    [InlineData("ada@example.org", "the value is an e-mail address")]
    [InlineData("ada%40example.org", "the value is an e-mail address")]
    [InlineData("eyJ1c2VyIjoiYWRhIiwicGFzc3dvcmQiOiJ4MSJ9", "the value is base64 of JSON with a password field 'password'")]
    [InlineData("CfDJ8GV5SmhiR2NpT2lKSVV6STFOaUlzSW5SNWNDSTZJa3BYVkNKOS5leUp6ZFdJaU9pSTBNaUo5LmMybG5ibUYwZFhKbExXSjVkR1Z6TFhOcFoyNWhkSFZ5WlMxaWVYUmxjdw", "the value poses as Data Protection output but is not: the value is a JSON Web Token")]
    public Task A_constant_value_with_the_shape_of_a_secret_is_reported(string value, string reason) =>
        Analyze.With<SensitiveCookieAnalyzer>($$"""
            using Microsoft.AspNetCore.Http;
            class C
            {
                const string Stored = "{{value}}";
                void M(HttpResponse response) => {|#0:response.Cookies.Append("data", Stored)|};
            }
            """)
            .Expecting(Expected($"Cookie 'data' stores sensitive data ({reason}); keep it in the session, which sends the browser only its id"))
            .Verify();

    [Theory]
    [InlineData("4111111111111112")]
    [InlineData("1733580000000")]
    [InlineData("@ada")]
    [InlineData("a@b")]
    [InlineData("eyJwYWdlIjoyfQ")]
    [InlineData("Bearer")]
    [InlineData("c=en-US|uic=en-US")]
    public Task A_constant_value_without_such_a_shape_is_clean(string value) => Verify($$"""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("data", "{{value}}");
        }
        """);

    [Theory]
    [InlineData("pw")]
    [InlineData("user_pass")]
    [InlineData("login.pass")]
    [InlineData(".AspNetCore.Password")]
    public Task A_password_short_form_or_a_framework_name_with_a_password_is_reported(string name) => Verify($$"""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string value) => {|STATE001:response.Cookies.Append("{{name}}", value)|};
        }
        """);

    [Theory]
    [InlineData("pass_through")]
    [InlineData("pw_length")]
    [InlineData("bypass")]
    [InlineData("compass")]
    public Task A_short_form_that_starts_or_hides_in_a_longer_name_is_clean(string name) => Verify($$"""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string value) => response.Cookies.Append("{{name}}", value);
        }
        """);

    [Fact]
    public Task A_token_under_an_antiforgery_name_is_reported_when_the_constant_is_one_but_not_by_what_it_reads() => Verify("""
        using Microsoft.AspNetCore.Http;
        class Tokens { public string RequestToken { get; set; } = ""; }
        class C
        {
            void M(HttpResponse response, Tokens tokens)
            {
                response.Cookies.Append("XSRF-TOKEN", tokens.RequestToken, new CookieOptions { HttpOnly = false });
                {|STATE001:response.Cookies.Append("XSRF-TOKEN", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLWJ5dGVzLXNpZ25hdHVyZS1ieXRlcw")|};
            }
        }
        """);

    [Fact]
    public Task A_raw_header_is_judged_on_its_value_part() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                {|STATE001:response.Headers.Append("Set-Cookie", "data=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLWJ5dGVzLXNpZ25hdHVyZS1ieXRlcw; HttpOnly; Secure")|};
                {|STATE001:response.Headers.Append("Set-Cookie", "=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJlLWJ5dGVzLXNpZ25hdHVyZS1ieXRlcw; HttpOnly; Secure")|};
                response.Headers.Append("Set-Cookie", "theme=dark; Path=/; HttpOnly; Secure");
            }
        }
        """);
}
