using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using ShopApp.Infrastructure;

namespace ShopApp.Accounts;

[Route("account")]
public sealed class AccountController(DemoUsers users) : Controller
{
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl = null) =>
        Content(ShopPages.LoginPage(returnUrl, error: null, email: Request.Cookies["remember_email"]), "text/html");

    [HttpPost("login")]
    public async Task<IActionResult> Login([FromForm] LoginForm form, string? returnUrl = null)
    {
        var user = ModelState.IsValid ? users.Find(form.Email, form.Password) : null;
        if (user is null)
        {
            return Content(ShopPages.LoginPage(returnUrl, "Unknown e-mail address or wrong password.", form.Email), "text/html");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.DisplayName)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        // Expected: STATE008 - the anonymous visitor's session (and anything planted in it) carries over into the
        // signed-in session under the same id.
        await HttpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(identity),
            new AuthenticationProperties { IsPersistent = form.RememberMe });
        HttpContext.Session.SetString(SessionKeys.DisplayName, user.DisplayName);

        if (form.RememberMe)
        {
            // Expected: STATE001 - the e-mail address is personal data; the flags are perfect, the content is not.
            Response.Cookies.Append("remember_email", user.Email, CookieSettings.LockedDown());
        }

        // Expected: STATE001 - a bearer token in a cookie can be read and replayed by whoever holds the browser.
        Response.Cookies.Append("api_token", users.IssueApiToken(user), CookieSettings.LockedDown());

        return LocalRedirect(string.IsNullOrEmpty(returnUrl) ? "/" : returnUrl);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        // Expected: STATE003 - signed out, but the session (cart, display name) stays alive for the next person
        // at this browser.
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/");
    }
}
