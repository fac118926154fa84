using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

/// <summary>
/// The analyzer of STATE011 (TempData stores sensitive or unbounded data in the TempData cookie): positives and the
/// tricky clean cases; the fix is tested in <see cref="CodeFixes.SwitchTempDataProviderTests"/>.
/// </summary>
public class TempDataInCookieTests
{
    private const string Cart = """
        using System.Collections.Generic;
        public class CartLine
        {
            public int ProductId { get; set; }
            public string Name { get; set; } = "";
            public int Quantity { get; set; }
        }

        public class ShoppingCart
        {
            public List<CartLine> Lines { get; } = new();
        }
        """;

    /// <summary>A host that keeps TempData in the session.</summary>
    private const string SessionProviderProgram = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews().AddSessionStateTempDataProvider();
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        var app = builder.Build();
        app.UseSession();
        app.MapDefaultControllerRoute();
        app.Run();
        """;

    private static AnalyzerSpec<TempDataInCookieAnalyzer> Controller(string source) =>
        Analyze.With<TempDataInCookieAnalyzer>(source).AndSource(Cart);

    [Fact]
    public Task A_serialized_cart_in_TempData_is_reported() => Controller("""
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        public class CartController : Controller
        {
            public IActionResult Checkout(ShoppingCart cart)
            {
                {|STATE011:TempData["Cart"] = JsonSerializer.Serialize(cart)|};
                return RedirectToAction("Review");
            }
        }
        """).Verify();

    [Fact]
    public Task The_message_names_the_key_and_the_reason() =>
        Analyze.With<TempDataInCookieAnalyzer>("""
            using System.Text.Json;
            using Microsoft.AspNetCore.Mvc;
            public class CartController : Controller
            {
                public IActionResult Checkout(ShoppingCart cart)
                {
                    {|#0:TempData["Cart"] = JsonSerializer.Serialize(cart)|};
                    return RedirectToAction("Review");
                }
            }
            """)
            .AndSource(Cart)
            .Expecting(new DiagnosticResult("STATE011", DiagnosticSeverity.Warning)
                .WithLocation(0)
                .WithMessage("TempData \"Cart\" is kept in a cookie the browser holds and sends back, and the output of JsonSerializer.Serialize grows with the data; keep TempData in the session with AddSessionStateTempDataProvider()"))
            .Verify();

    [Fact]
    public Task A_password_in_TempData_is_reported() => Controller("""
        using Microsoft.AspNetCore.Mvc;
        public class RegisterModel
        {
            public string Email { get; set; } = "";
            public string Password { get; set; } = "";
        }

        public class AccountController : Controller
        {
            [HttpPost]
            public IActionResult Register(RegisterModel model)
            {
                {|STATE011:TempData["NewUserPassword"] = model.Password|};
                return RedirectToAction("Confirm");
            }
        }
        """).Verify();

    [Fact]
    public Task A_reset_token_added_to_TempData_is_reported() => Controller("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        public interface IUserTokens
        {
            Task<string> GeneratePasswordResetTokenAsync(string userId);
        }

        public class ResetController : Controller
        {
            private readonly IUserTokens _tokens;
            public ResetController(IUserTokens tokens) => _tokens = tokens;

            public async Task<IActionResult> Forgot(string userId)
            {
                var code = await _tokens.GeneratePasswordResetTokenAsync(userId);
                {|STATE011:TempData.Add("ResetCode", code)|};
                return RedirectToAction("Sent");
            }
        }
        """).Verify();

    [Fact]
    public Task TryAdd_of_a_joined_list_is_reported() => Controller("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Mvc;
        public class ImportController : Controller
        {
            public IActionResult Import(List<string> errors)
            {
                {|STATE011:TempData.TryAdd("Errors", string.Join("\n", errors))|};
                return RedirectToAction("Index");
            }
        }
        """).Verify();

    [Fact]
    public Task A_list_stored_as_it_is_is_reported() => Controller("""
        using System.Linq;
        using Microsoft.AspNetCore.Mvc;
        public class OrderController : Controller
        {
            public IActionResult Save()
            {
                var errors = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
                {|STATE011:TempData["Errors"] = errors|};
                return RedirectToAction("Edit");
            }
        }
        """).Verify();

    [Fact]
    public Task An_assigned_TempData_property_of_a_page_model_is_reported() => Controller("""
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class CheckoutModel : PageModel
        {
            [TempData]
            public string? SavedCart { get; set; }

            public IActionResult OnPost(ShoppingCart cart)
            {
                {|STATE011:SavedCart = JsonSerializer.Serialize(cart)|};
                return RedirectToPage("Review");
            }
        }
        """).Verify();

    [Fact]
    public Task A_TempData_helper_is_reported_where_it_is_called_with_an_object() => Controller("""
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.ViewFeatures;
        public static class TempDataExtensions
        {
            public static void Put<T>(this ITempDataDictionary tempData, string key, T value) where T : class =>
                tempData[key] = JsonSerializer.Serialize(value);

            public static T? Get<T>(this ITempDataDictionary tempData, string key) where T : class =>
                tempData.TryGetValue(key, out var o) && o is string json ? JsonSerializer.Deserialize<T>(json) : null;
        }

        public class CartController : Controller
        {
            public IActionResult Add(ShoppingCart cart)
            {
                {|STATE011:TempData.Put("Cart", cart)|};
                TempData.Put("Notice", "Added to your cart");
                return RedirectToAction("Index");
            }
        }
        """).Verify();

    [Fact]
    public Task A_helper_that_serializes_an_object_with_a_password_reports_the_member() => Controller("""
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.ViewFeatures;
        public class LoginAttempt
        {
            public string UserName { get; set; } = "";
            public string Password { get; set; } = "";
        }

        public static class TempDataExtensions
        {
            public static void Put<T>(this ITempDataDictionary tempData, string key, T value) =>
                tempData[key] = JsonSerializer.Serialize(value);
        }

        public class LoginController : Controller
        {
            public IActionResult TwoFactor(LoginAttempt attempt)
            {
                {|#0:TempData.Put("Login", attempt)|};
                return RedirectToAction("Code");
            }
        }
        """)
        .Expecting(new DiagnosticResult("STATE011", DiagnosticSeverity.Warning)
            .WithLocation(0)
            .WithMessage("TempData \"Login\" is kept in a cookie the browser holds and sends back, and the serialized LoginAttempt has member 'Password' ('password'); keep TempData in the session with AddSessionStateTempDataProvider()"))
        .Verify();

    [Fact]
    public Task TempData_reached_through_a_local_is_reported() => Controller("""
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        public class CartController : Controller
        {
            public IActionResult Checkout(ShoppingCart cart)
            {
                var tempData = TempData;
                var json = JsonSerializer.Serialize(cart);
                {|STATE011:tempData["Cart"] = json|};
                return RedirectToAction("Review");
            }
        }
        """).Verify();

    // The tricky clean cases.

    [Fact]
    public Task A_status_message_is_clean() => Controller("""
        using Microsoft.AspNetCore.Mvc;
        public class Order
        {
            public int Id { get; set; }
            public decimal Total { get; set; }
        }

        public class OrderController : Controller
        {
            public IActionResult Place(Order order)
            {
                TempData["StatusMessage"] = $"Order {order.Id} was placed ({order.Total:C}).";
                TempData["Notice"] = "Your order has been placed.";
                return RedirectToAction("Index");
            }
        }
        """).Verify();

    [Fact]
    public Task A_status_message_property_of_a_page_model_is_clean() => Controller("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class ProfileModel : PageModel
        {
            [TempData]
            public string? StatusMessage { get; set; }

            public IActionResult OnPost()
            {
                StatusMessage = "Your profile has been updated";
                return RedirectToPage();
            }
        }
        """).Verify();

    [Fact]
    public Task Scalars_are_clean() => Controller("""
        using System;
        using Microsoft.AspNetCore.Mvc;
        public class OrderController : Controller
        {
            public IActionResult Place(int orderId, Guid token)
            {
                TempData["OrderId"] = orderId;
                TempData["Placed"] = true;
                TempData["PlacedAt"] = DateTime.UtcNow;
                TempData["Token"] = token;
                return RedirectToAction("Index");
            }
        }
        """).Verify();

    [Fact]
    public Task Keep_Peek_and_reads_are_clean() => Controller("""
        using Microsoft.AspNetCore.Mvc;
        public class CartController : Controller
        {
            public IActionResult Review()
            {
                var cart = TempData.Peek("Cart") as string;
                TempData.Keep("Cart");
                var password = TempData["Password"] as string;
                TempData.Keep();
                return Content(cart + password);
            }
        }
        """).Verify();

    [Fact]
    public Task TempData_in_the_session_is_clean() =>
        Analyze.With<TempDataInCookieAnalyzer>(SessionProviderProgram, """
            using System.Text.Json;
            using Microsoft.AspNetCore.Mvc;
            public class CartController : Controller
            {
                public IActionResult Checkout(ShoppingCart cart, string password)
                {
                    TempData["Cart"] = JsonSerializer.Serialize(cart);
                    TempData["Password"] = password;
                    return RedirectToAction("Review");
                }
            }
            """)
            .AndSource(Cart)
            .AsProgram()
            .Verify();

    [Fact]
    public Task A_provider_of_the_projects_own_is_clean() =>
        Analyze.With<TempDataInCookieAnalyzer>("""
            using System.Collections.Generic;
            using Microsoft.AspNetCore.Http;
            using Microsoft.AspNetCore.Mvc.ViewFeatures;
            using Microsoft.Extensions.DependencyInjection;
            public class DatabaseTempDataProvider : ITempDataProvider
            {
                public IDictionary<string, object> LoadTempData(HttpContext context) => new Dictionary<string, object>();
                public void SaveTempData(HttpContext context, IDictionary<string, object> values) { }
            }

            public static class Registration
            {
                public static void AddTempData(IServiceCollection services) =>
                    services.AddSingleton<ITempDataProvider, DatabaseTempDataProvider>();
            }
            """, """
            using System.Text.Json;
            using Microsoft.AspNetCore.Mvc;
            public class CartController : Controller
            {
                public IActionResult Checkout(ShoppingCart cart)
                {
                    TempData["Cart"] = JsonSerializer.Serialize(cart);
                    return RedirectToAction("Review");
                }
            }
            """)
            .AndSource(Cart)
            .Verify();

    [Fact]
    public Task Registering_the_cookie_provider_explicitly_keeps_the_finding() =>
        Analyze.With<TempDataInCookieAnalyzer>("""
            using Microsoft.AspNetCore.Mvc.ViewFeatures;
            using Microsoft.Extensions.DependencyInjection;
            public static class Registration
            {
                public static void AddTempData(IServiceCollection services) =>
                    services.AddSingleton<ITempDataProvider, CookieTempDataProvider>();
            }
            """, """
            using System.Text.Json;
            using Microsoft.AspNetCore.Mvc;
            public class CartController : Controller
            {
                public IActionResult Checkout(ShoppingCart cart)
                {
                    {|STATE011:TempData["Cart"] = JsonSerializer.Serialize(cart)|};
                    return RedirectToAction("Review");
                }
            }
            """)
            .AndSource(Cart)
            .Verify();

    [Fact]
    public Task A_dictionary_that_is_not_TempData_is_clean() => Controller("""
        using System.Collections.Generic;
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        public class CartController : Controller
        {
            public IActionResult Checkout(ShoppingCart cart, string password)
            {
                var tempData = new Dictionary<string, object>();
                tempData["Cart"] = JsonSerializer.Serialize(cart);
                tempData.Add("Password", password);
                ViewData["Cart"] = JsonSerializer.Serialize(cart);
                return View(tempData);
            }
        }
        """).Verify();

    [Fact]
    public Task A_constant_array_is_clean() => Controller("""
        using Microsoft.AspNetCore.Mvc;
        public class WizardController : Controller
        {
            public IActionResult Start()
            {
                TempData["Steps"] = new[] { "address", "payment", "review" };
                return RedirectToAction("Step");
            }
        }
        """).Verify();

    [Fact]
    public Task The_write_inside_a_helper_is_not_reported_on_its_own() => Controller("""
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc.ViewFeatures;
        public static class TempDataExtensions
        {
            public static void Put<T>(this ITempDataDictionary tempData, string key, T value) =>
                tempData[key] = JsonSerializer.Serialize(value);
        }
        """).Verify();

    [Fact]
    public Task A_TempData_property_set_from_a_scalar_is_clean() => Controller("""
        using Microsoft.AspNetCore.Mvc;
        public class OrderController : Controller
        {
            [TempData]
            public int LastOrderId { get; set; }

            public IActionResult Place(int id)
            {
                LastOrderId = id;
                return RedirectToAction("Index");
            }
        }
        """).Verify();

    [Fact]
    public Task A_property_named_like_a_TempData_one_on_another_type_is_clean() => Controller("""
        using System.Text.Json;
        using Microsoft.AspNetCore.Mvc;
        public class Draft
        {
            public string? SavedCart { get; set; }
        }

        public class CheckoutController : Controller
        {
            [TempData]
            public string? SavedCart { get; set; }

            public IActionResult Save(ShoppingCart cart, Draft draft)
            {
                draft.SavedCart = JsonSerializer.Serialize(cart);
                return View(draft);
            }
        }
        """).Verify();

    [Fact]
    public Task A_message_chosen_by_the_result_of_a_call_with_a_cancellation_token_is_clean() => Controller("""
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        public interface IOrderService
        {
            Task<bool> DeleteAsync(int id, CancellationToken cancellationToken);
            Task<string> DescribeAsync(int id, CancellationToken cancellationToken);
        }

        public class OrderController : Controller
        {
            private readonly IOrderService _orders;
            public OrderController(IOrderService orders) => _orders = orders;

            public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
            {
                var deleted = await _orders.DeleteAsync(id, cancellationToken);
                TempData["Message"] = deleted ? "Deleted." : "Already gone.";
                TempData["Order"] = await _orders.DescribeAsync(id, cancellationToken);
                return RedirectToAction("Index");
            }
        }
        """).Verify();
}
