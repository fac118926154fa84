namespace ShopApp.Preferences;

public sealed record ThemeRequest(string Theme);

public sealed record CultureRequest(string Culture);

public sealed record CurrencyRequest(string Currency);

public sealed record LayoutRequest(string Layout);

public sealed record RegionRequest(string Region);

public sealed record ConsentRequest(bool Analytics);

public static class PreferencesEndpoints
{
    private static readonly string[] Themes = ["light", "dark"];
    private static readonly string[] Cultures = ["en-GB", "fr-FR", "de-DE"];
    private static readonly string[] Currencies = ["EUR", "GBP", "USD"];
    private static readonly string[] Layouts = ["grid", "list"];
    private static readonly string[] Regions = ["eu", "uk", "us"];

    public static IEndpointRouteBuilder MapPreferencesEndpoints(this IEndpointRouteBuilder app)
    {
        var preferences = app.MapGroup("/api/preferences");

        preferences.MapGet("/", (PreferencesService service) => new { service.Theme, service.Currency });

        preferences.MapPost("/theme", (ThemeRequest request, PreferencesService service) =>
            Apply(Themes, request.Theme, service.SetTheme));

        preferences.MapPost("/culture", (CultureRequest request, PreferencesService service) =>
            Apply(Cultures, request.Culture, service.SetCulture));

        preferences.MapPost("/currency", (CurrencyRequest request, PreferencesService service) =>
            Apply(Currencies, request.Currency, service.SetCurrency));

        preferences.MapPost("/layout", (LayoutRequest request, PreferencesService service) =>
            Apply(Layouts, request.Layout, service.SetLayout));

        preferences.MapPost("/region", (RegionRequest request, PreferencesService service) =>
            Apply(Regions, request.Region, service.SetRegion));

        preferences.MapPost("/consent", (ConsentRequest request, PreferencesService service) =>
        {
            service.RecordConsent(request.Analytics);
            return Results.NoContent();
        });

        return app;
    }

    private static IResult Apply(string[] allowed, string value, Action<string> set)
    {
        if (!allowed.Contains(value))
        {
            return Results.BadRequest();
        }

        set(value);
        return Results.NoContent();
    }
}
