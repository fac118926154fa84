using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE002 (cookie over the 4 KB limit): positives and the tricky clean cases. Cases every cookie rule shares (the candidate gateway) are in
/// <see cref="CandidateGatewayTests"/>; the fix is tested in
/// <see cref="CodeFixes.MoveToSessionTests"/>.
/// </summary>
public class OversizedCookieTests
{
    private static Task Verify(params string[] sources) => Analyze.With<OversizedCookieAnalyzer>(sources).Verify();

    private static DiagnosticResult Expected(string message) =>
        new DiagnosticResult("STATE002", DiagnosticSeverity.Warning).WithLocation(0).WithMessage(message);

    private const string Models = """
        using System.Collections.Generic;
        public class CartLine { public string Sku { get; set; } = ""; public int Quantity { get; set; } }
        public class Cart { public List<CartLine> Lines { get; } = new(); }
        """;

    [Fact]
    public Task System_Text_Json_output_is_reported() =>
        Analyze.With<OversizedCookieAnalyzer>(
            """
            using System.Text.Json;
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response, Cart cart) => {|#0:response.Cookies.Append("cart", JsonSerializer.Serialize(cart))|};
            }
            """,
            Models)
            .Expecting(Expected("Cookie 'cart' may exceed the 4096-byte browser limit (the output of JsonSerializer.Serialize grows with the data); keep large data in the session"))
            .Verify();

    [Fact]
    public Task Newtonsoft_output_is_reported() => Verify(
        """
        using Microsoft.AspNetCore.Http;
        namespace Newtonsoft.Json { public static class JsonConvert { public static string SerializeObject(object? value) => ""; } }
        class C
        {
            void M(HttpResponse response, Cart cart) => {|STATE002:response.Cookies.Append("cart", Newtonsoft.Json.JsonConvert.SerializeObject(cart))|};
        }
        """,
        Models);

    [Fact]
    public Task XmlSerializer_output_through_a_StringWriter_is_reported() => Verify(
        """
        using System.IO;
        using System.Xml.Serialization;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, Cart cart)
            {
                var writer = new StringWriter();
                new XmlSerializer(typeof(Cart)).Serialize(writer, cart);
                {|STATE002:response.Cookies.Append("cart", writer.ToString())|};
            }
        }
        """,
        Models);

    [Fact]
    public Task Serializer_output_followed_through_locals_and_encoding_is_reported() => Verify(
        """
        using System;
        using System.Text;
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, Cart cart)
            {
                var json = JsonSerializer.Serialize(cart);
                var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
                {|STATE002:response.Cookies.Append("cart", Uri.EscapeDataString(encoded))|};
            }
        }
        """,
        Models);

    [Fact]
    public Task Serialized_bytes_in_Base64_are_reported() => Verify(
        """
        using System;
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, Cart cart) =>
                {|STATE002:response.Cookies.Append("cart", Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(cart)))|};
        }
        """,
        Models);

    [Fact]
    public Task Join_over_a_collection_is_reported() => Verify(
        """
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, Cart cart, List<string> recentlyViewed)
            {
                {|STATE002:response.Cookies.Append("recent", string.Join(",", recentlyViewed))|};
                {|STATE002:response.Cookies.Append("skus", string.Concat(cart.Lines.Select(l => l.Sku)))|};
            }
        }
        """,
        Models);

    private const string ConsentModels = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Text.Json.Serialization;
        public enum ConsentLevel { Necessary, Statistics, Marketing }
        public record ConsentDecision(bool Granted, DateTimeOffset DecidedAt);
        public class CookieConsent
        {
            public bool Necessary { get; set; } = true;
            public bool Analytics { get; set; }
            public bool Marketing { get; set; }
            public DateTime GivenAtUtc { get; set; }
            public ConsentLevel Level { get; set; }
            public int? PolicyVersion { get; set; }
            public ConsentDecision? Thirdparty { get; set; }
            [StringLength(8)] public string Region { get; set; } = "EU";
            [JsonIgnore] public List<string> AuditTrail { get; } = new();
            public static List<string> KnownVendors { get; } = new();
        }
        public class ConsentWithVendors
        {
            public bool Analytics { get; set; }
            public Dictionary<string, bool> Vendors { get; } = new();
        }
        public class ConsentWithNote
        {
            public bool Analytics { get; set; }
            public string Note { get; set; } = "";
        }
        public class ConsentWithNested { public bool Analytics { get; set; } public ConsentWithVendors Details { get; set; } = new(); }
        public class ConsentWithPayload { public bool Analytics { get; set; } public object? Payload { get; set; } }
        public class ViewedNode { public int ProductId { get; set; } public ViewedNode? Previous { get; set; } }
        public interface IConsentState { bool Analytics { get; } }
        """;

    [Fact]
    public Task A_small_fixed_shape_object_serialized_into_a_cookie_is_clean() => Verify(
        """
        using System;
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;
        public class ConsentController : Controller
        {
            [HttpPost]
            public IActionResult Accept(CookieConsent consent, ConsentDecision decision)
            {
                Response.Cookies.Append("consent", JsonSerializer.Serialize(consent), new CookieOptions { HttpOnly = true, Secure = true });
                Response.Cookies.Append("consent-decision", JsonSerializer.Serialize(decision));
                Response.Cookies.Append("consent-level", JsonSerializer.Serialize(new { consent.Level, At = DateTime.UtcNow }));
                Response.Cookies.Append("app-version", JsonSerializer.Serialize(typeof(ConsentController).Assembly.GetName().Version ?? new Version(1, 0)));
                return NoContent();
            }
        }
        """,
        ConsentModels);

    [Fact]
    public Task A_serialized_type_that_holds_a_collection_free_text_or_an_unknown_is_reported() => Verify(
        """
        using System;
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        class ConsentCookies
        {
            void M(HttpResponse response, ConsentWithVendors vendors, ConsentWithNote note, ConsentWithNested nested, ConsentWithPayload payload, ViewedNode viewed, IConsentState state, object anything, Uri returnUrl)
            {
                {|STATE002:response.Cookies.Append("consent", JsonSerializer.Serialize(vendors))|};
                {|STATE002:response.Cookies.Append("consent", JsonSerializer.Serialize(note))|};
                {|STATE002:response.Cookies.Append("consent", JsonSerializer.Serialize(nested))|};
                {|STATE002:response.Cookies.Append("consent", JsonSerializer.Serialize(payload))|};
                {|STATE002:response.Cookies.Append("viewed", JsonSerializer.Serialize(viewed))|};
                {|STATE002:response.Cookies.Append("consent", JsonSerializer.Serialize(state))|};
                {|STATE002:response.Cookies.Append("consent", JsonSerializer.Serialize(anything))|};
                {|STATE002:response.Cookies.Append("return", JsonSerializer.Serialize(returnUrl))|};
            }
        }
        """,
        ConsentModels);

    [Fact]
    public Task A_fixed_shape_too_large_for_the_limit_is_reported() => Verify(
        $$"""
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        public class Counters
        {
            {{string.Join("\n", Enumerable.Range(0, 200).Select(i => $"public long Counter{i} {{ get; set; }}"))}}
        }
        class C
        {
            void M(HttpResponse response, Counters counters) => {|STATE002:response.Cookies.Append("counters", JsonSerializer.Serialize(counters))|};
        }
        """);

    [Fact]
    public Task Join_over_a_few_scalars_capped_by_Take_is_clean() => Verify("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.AspNetCore.Http;
        class RecentlyViewed
        {
            void Remember(HttpResponse response, List<int> productIds, IEnumerable<Guid> visits)
            {
                response.Cookies.Append("recent", string.Join(",", productIds.Take(5)));
                response.Cookies.Append("visits", string.Join('|', visits.OrderByDescending(v => v).Take(10).ToList()));
                var top = productIds.Distinct().Take(8);
                response.Cookies.Append("top", string.Join(",", top));
            }
        }
        """);

    [Fact]
    public Task Join_over_Take_of_free_text_or_of_many_elements_is_reported() => Verify("""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.AspNetCore.Http;
        class RecentlyViewed
        {
            void Remember(HttpResponse response, List<int> productIds, List<string> searches, int count)
            {
                {|STATE002:response.Cookies.Append("searches", string.Join(",", searches.Take(5)))|};
                {|STATE002:response.Cookies.Append("recent", string.Join(",", productIds.Take(1000)))|};
                {|STATE002:response.Cookies.Append("recent", string.Join(",", productIds.Take(count)))|};
                {|STATE002:response.Cookies.Append("recent", string.Join(",", productIds.Take(5).Concat(productIds)))|};
            }
        }
        """);

    [Fact]
    public Task A_string_of_a_constant_length_over_the_limit_is_reported() =>
        Analyze.With<OversizedCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response, char fill, int width)
                {
                    {|#0:response.Cookies.Append("banner", new string('x', 5000))|};
                    response.Cookies.Append("rule", new string('-', 20));
                    response.Cookies.Append("pad", new string(fill, width));
                }
            }
            """)
            .Expecting(Expected("Cookie 'banner' may exceed the 4096-byte browser limit (its constant text alone is 5006 bytes); keep large data in the session"))
            .Verify();

    [Fact]
    public Task Join_of_a_few_listed_values_is_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string theme, string culture)
            {
                response.Cookies.Append("prefs", string.Join("|", theme, culture));
                response.Cookies.Append("prefs2", string.Concat(theme, "|", culture));
            }
        }
        """);

    [Fact]
    public Task Base64_of_a_buffer_of_unknown_size_is_reported() => Verify("""
        using System;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, byte[] avatar) => {|STATE002:response.Cookies.Append("avatar", Convert.ToBase64String(avatar))|};
        }
        """);

    [Fact]
    public Task Base64_of_a_small_fixed_buffer_is_clean() => Verify("""
        using System;
        using System.Security.Cryptography;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, Guid id)
            {
                response.Cookies.Append("nonce", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                response.Cookies.Append("id", Convert.ToBase64String(id.ToByteArray()));
                var salt = new byte[16];
                RandomNumberGenerator.Fill(salt);
                response.Cookies.Append("salt", Convert.ToBase64String(salt));
            }
        }
        """);

    [Fact]
    public Task StringBuilder_output_is_reported() => Verify("""
        using System.Text;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string[] items)
            {
                var builder = new StringBuilder();
                foreach (var item in items)
                {
                    builder.Append(item).Append(';');
                }

                {|STATE002:response.Cookies.Append("items", builder.ToString())|};
            }
        }
        """);

    [Fact]
    public Task A_string_grown_in_a_loop_is_reported() =>
        Analyze.With<OversizedCookieAnalyzer>("""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response, string[] items)
                {
                    var value = "";
                    foreach (var item in items)
                    {
                        value += item + ",";
                    }

                    {|#0:response.Cookies.Append("items", value)|};
                }
            }
            """)
            .Expecting(Expected("Cookie 'items' may exceed the 4096-byte browser limit ('value' is a string grown in a loop); keep large data in the session"))
            .Verify();

    [Fact]
    public Task A_string_rebuilt_from_itself_in_a_loop_is_reported() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string[] items)
            {
                var value = "";
                for (var i = 0; i < items.Length; i++)
                {
                    value = value + items[i];
                }

                {|STATE002:response.Cookies.Append("items", value)|};
            }
        }
        """);

    [Fact]
    public Task A_string_assigned_once_in_a_loop_is_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string[] items)
            {
                var last = "";
                foreach (var item in items)
                {
                    last = item;
                }

                response.Cookies.Append("last", last);
            }
        }
        """);

    [Fact]
    public Task A_constant_over_the_limit_is_reported() =>
        Analyze.With<OversizedCookieAnalyzer>($$"""
            using Microsoft.AspNetCore.Http;
            class C
            {
                const string Banner = "{{new string('x', 4100)}}";
                void M(HttpResponse response) => {|#0:response.Cookies.Append("banner", Banner)|};
            }
            """)
            .Expecting(Expected("Cookie 'banner' may exceed the 4096-byte browser limit (its constant text alone is 4106 bytes); keep large data in the session"))
            .Verify();

    [Fact]
    public Task Name_and_value_count_together() => Verify($$"""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response)
            {
                response.Cookies.Append("a", "{{new string('x', 4095)}}");
                {|STATE002:response.Cookies.Append("ab", "{{new string('x', 4095)}}")|};
            }
        }
        """);

    [Fact]
    public Task Constant_text_around_a_short_value_counts() => Verify($$"""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, string id) =>
                {|STATE002:response.Cookies.Append("state", "{{new string('x', 3000)}}" + id + "{{new string('y', 1200)}}")|};
        }
        """);

    [Fact]
    public Task Multi_byte_characters_count_in_bytes() => Verify($$"""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => {|STATE002:response.Cookies.Append("note", "{{new string('é', 2100)}}")|};
        }
        """);

    [Fact]
    public Task Short_constants_are_clean() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response) => response.Cookies.Append("theme", "dark");
        }
        """);

    [Fact]
    public Task Scalars_are_never_reported() => Verify("""
        using System;
        using Microsoft.AspNetCore.Http;
        enum Theme { Light, Dark }
        class C
        {
            void M(HttpResponse response, int count, Guid id, bool flag, DateTime at, Theme theme, decimal total)
            {
                response.Cookies.Append("count", count.ToString());
                response.Cookies.Append("id", id.ToString());
                response.Cookies.Append("flag", flag.ToString());
                response.Cookies.Append("at", at.ToString("O"));
                response.Cookies.Append("theme", theme.ToString());
                response.Cookies.Append("total", $"{total}");
            }
        }
        """);

    [Fact]
    public Task Serializing_a_scalar_is_clean() => Verify("""
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, int count, string theme)
            {
                response.Cookies.Append("count", JsonSerializer.Serialize(count));
                response.Cookies.Append("theme", JsonSerializer.Serialize(theme));
            }
        }
        """);

    [Fact]
    public Task A_value_of_unknown_size_is_not_guessed() => Verify("""
        using Microsoft.AspNetCore.Http;
        class C
        {
            private string _cached = "";
            string Load() => _cached;
            void M(HttpResponse response, string value)
            {
                response.Cookies.Append("a", value);
                response.Cookies.Append("b", _cached);
                response.Cookies.Append("c", Load());
            }
        }
        """);

    [Fact]
    public Task The_session_holds_large_data_without_a_finding() => Verify(
        """
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpContext context, Cart cart) => context.Session.SetString("cart", JsonSerializer.Serialize(cart));
        }
        """,
        Models);

    [Fact]
    public Task A_serialized_value_passed_to_a_helper_is_reported_at_the_call() => Verify(
        """
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        class CookieJar(IHttpContextAccessor accessor)
        {
            public void Set(string name, string value) =>
                accessor.HttpContext!.Response.Cookies.Append(name, value, new CookieOptions { HttpOnly = true });
        }

        class CartService(CookieJar jar)
        {
            public void Save(Cart cart) => {|STATE002:jar.Set("cart", JsonSerializer.Serialize(cart))|};
            public void Remember(string theme) => jar.Set("theme", theme);
        }
        """,
        Models);

    [Fact]
    public Task Raw_headers_are_measured_too() => Verify(
        """
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, Cart cart) =>
                {|STATE002:response.Headers.Append("Set-Cookie", $"cart={JsonSerializer.Serialize(cart)}; HttpOnly; Secure")|};
        }
        """,
        Models);

    [Fact]
    public Task The_limit_comes_from_editorconfig() =>
        Analyze.With<OversizedCookieAnalyzer>($$"""
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response)
                {
                    {|STATE002:response.Cookies.Append("banner", "{{new string('x', 1100)}}")|};
                    response.Cookies.Append("short", "{{new string('x', 900)}}");
                }
            }
            """)
            .WithOptions("STATE002.max_cookie_bytes = 1024")
            .Verify();

    [Fact]
    public Task A_conditional_value_is_reported_when_one_branch_is_unbounded() => Verify(
        """
        using System.Text.Json;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, Cart? cart) =>
                {|STATE002:response.Cookies.Append("cart", cart is null ? "" : JsonSerializer.Serialize(cart))|};
        }
        """,
        Models);

    [Fact]
    public Task Protected_serialized_data_is_still_large() => Verify(
        """
        using System.Text.Json;
        using Microsoft.AspNetCore.DataProtection;
        using Microsoft.AspNetCore.Http;
        class C
        {
            void M(HttpResponse response, IDataProtector protector, Cart cart) =>
                {|STATE002:response.Cookies.Append("cart", protector.Protect(JsonSerializer.Serialize(cart)))|};
        }
        """,
        Models);

    [Fact]
    public Task A_minimal_API_endpoint_is_reported() => Analyze.With<OversizedCookieAnalyzer>(
        """
        using System.Text.Json;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        var app = WebApplication.Create(args);
        app.MapPost("/cart", (HttpContext context, Cart cart) => {|STATE002:context.Response.Cookies.Append("cart", JsonSerializer.Serialize(cart))|});
        app.Run();
        """,
        Models).AsProgram().Verify();

    [Fact]
    public Task A_controller_storing_the_cart_is_reported() => Verify(
        """
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        public class CartController : Controller
        {
            public IActionResult Add(Cart cart)
            {
                {|STATE002:Response.Cookies.Append("cart", JsonSerializer.Serialize(cart))|};
                return Ok();
            }
        }
        """,
        Models);

    [Fact]
    public Task A_Razor_Page_storing_history_is_reported() => Verify("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class HistoryModel : PageModel
        {
            public void OnGet(IEnumerable<string> viewed) => {|STATE002:Response.Cookies.Append("viewed", string.Join(",", viewed))|};
        }
        """);

    [Fact]
    public Task Middleware_storing_a_built_string_is_reported() => Verify("""
        using System.Text;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        class TrailMiddleware(RequestDelegate next)
        {
            public Task InvokeAsync(HttpContext context)
            {
                var trail = new StringBuilder(context.Request.Cookies["trail"]).Append('|').Append(context.Request.Path);
                {|STATE002:context.Response.Cookies.Append("trail", trail.ToString())|};
                return next(context);
            }
        }
        """);

    [Fact]
    public Task The_message_names_the_configured_limit() =>
        Analyze.With<OversizedCookieAnalyzer>(
            """
            using System.Text.Json;
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpResponse response, Cart cart) => {|#0:response.Cookies.Append("cart", JsonSerializer.Serialize(cart))|};
            }
            """,
            Models)
            .WithOptions("STATE002.max_cookie_bytes = 2048")
            .Expecting(Expected("Cookie 'cart' may exceed the 2048-byte browser limit (the output of JsonSerializer.Serialize grows with the data); keep large data in the session"))
            .Verify();
}
