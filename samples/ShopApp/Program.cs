using Microsoft.AspNetCore.Authentication.Cookies;
using ShopApp.Accounts;
using ShopApp.Cart;
using ShopApp.Catalog;
using ShopApp.Infrastructure;
using ShopApp.Preferences;
using ShopApp.Promotions;
using ShopApp.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllersWithViews();
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<ProductCatalog>();
builder.Services.AddSingleton<DemoUsers>();
builder.Services.AddScoped<CartStore>();
builder.Services.AddScoped<PreferencesService>();

// The session lives on the server (in Redis when Redis:Configuration is set); the browser holds only its id.
builder.Services.AddShopSessionStore(builder.Configuration);

// Expected: STATE005 - the session id cookie keeps its default SecurePolicy (None): it also travels over plain HTTP.
builder.Services.AddSession(options =>
{
    options.Cookie.Name = ".Shop.Session";
    options.Cookie.IsEssential = true;

    // Clean: STATE009 - thirty idle minutes, well under the one-day maximum.
    options.IdleTimeout = TimeSpan.FromMinutes(30);
});

builder.Services
    .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.LoginPath = "/account/login";
        options.LogoutPath = "/account/logout";
        options.SlidingExpiration = true;

        // Expected: STATE009 - "remember me" keeps a stolen authentication cookie working for a year.
        options.ExpireTimeSpan = TimeSpan.FromDays(365);
        options.Cookie.HttpOnly = true;

        // Expected: STATE004, STATE006 - a new CookieBuilder replaces the framework's: HttpOnly (set just above) and
        // SameSite fall back to the bare builder's defaults, so the authentication cookie is readable by script.
        options.Cookie = new CookieBuilder
        {
            Name = ".Shop.Auth",
            SecurePolicy = CookieSecurePolicy.Always,
        };
    });
builder.Services.AddAuthorization();

// Clean: the antiforgery cookie keeps the framework's defaults; the SPA sends the token back in this header.
builder.Services.AddAntiforgery(options => options.HeaderName = "X-XSRF-TOKEN");

// The runtime companion: options from the "StateGuard" section (Mode: Report or Enforce, per-rule overrides).
builder.Services.AddStateGuard();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseHttpsRedirection();

// First of the middleware that write cookies, so every cookie and every sign-out below goes through it.
app.UseStateGuard();
app.UseMiddleware<VisitorTrackingMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
app.UseSession();

// A distributed session otherwise loads synchronously on first access; loading it here keeps a burst of requests
// from blocking thread-pool threads on Redis.
app.Use(async (context, next) =>
{
    await context.Session.LoadAsync(context.RequestAborted);
    await next(context);
});

app.MapControllers();
app.MapShopPages();
app.MapCatalogEndpoints();
app.MapCartEndpoints();
app.MapAccountEndpoints();
app.MapPreferencesEndpoints();
app.MapPromotionEndpoints();
app.MapAntiforgeryEndpoints();
app.MapGet("/error", () => Results.Problem("Something went wrong."));

app.Run();
