namespace StateAnalyzers.Benchmarks.Corpus;

/// <summary>How a generated method writes its cookie; each variant plants a known mix of problems.</summary>
internal enum CookieVariant
{
    /// <summary><c>Append(name, value)</c>: no options at all.</summary>
    NoOptions,

    /// <summary>Options that set only Path and Expires.</summary>
    PartialOptions,

    /// <summary>HttpOnly, Secure and SameSite=Strict spelled out.</summary>
    Compliant,

    /// <summary>A token in a cookie, with every attribute set.</summary>
    Sensitive,

    /// <summary>A serialized collection of unbounded size, with every attribute set.</summary>
    Oversized,

    /// <summary>HttpOnly = false, Secure = false, SameSite = None written out.</summary>
    ExplicitlyInsecure,

    /// <summary>A helper in source that writes the cookie with every attribute set.</summary>
    ThroughHelper,

    /// <summary>A raw Set-Cookie header without attributes.</summary>
    RawHeader,

    /// <summary>A shared static readonly CookieOptions with every attribute set.</summary>
    SharedOptions,

    /// <summary>An options variable given HttpOnly afterwards, nothing else.</summary>
    OptionsVariable,

    /// <summary>A <c>__Host-</c> cookie scoped to a path, which the browser drops (STATE010), every other attribute set.</summary>
    HostPrefixWithPath,

    /// <summary>A preference kept for two years, which the browser cuts to 400 days (STATE010, Info), every other attribute set.</summary>
    BeyondBrowserLifetime,
}

/// <summary>One generated source file.</summary>
internal sealed record CorpusFile(string Path, string Text, string Kind);

/// <summary>A cookie write the generator placed: where, how, and which StateAnalyzers rules must report it.</summary>
internal sealed record PlantedWrite(string Path, int Line, CookieVariant Variant, IReadOnlyList<string> ExpectedIds);

/// <summary>A sign-out the generator placed, with or without clearing the session (STATE003 expected when not).</summary>
internal sealed record PlantedSignOut(string Path, int Line, bool ClearsSession);

/// <summary>
/// A sign-in the generator placed (STATE008 expected when it does not clear the session first), with the line of the
/// <c>ExpiresUtc</c> it hands over (STATE009 expected there when the lifetime is beyond the 30-day default maximum).
/// </summary>
internal sealed record PlantedSignIn(string Path, int Line, bool ClearsSession, int LifetimeLine, bool LivesTooLong);

/// <summary>A value the generator stored in TempData that grows with the data (STATE011 expected: the corpus keeps the cookie provider).</summary>
internal sealed record PlantedTempData(string Path, int Line);

/// <summary>The generated project and what was planted in it.</summary>
internal sealed class GeneratedCorpus
{
    public GeneratedCorpus(IReadOnlyList<CorpusFile> files, IReadOnlyList<PlantedWrite> writes, IReadOnlyList<PlantedSignOut> signOuts, IReadOnlyList<PlantedSignIn> signIns, IReadOnlyList<PlantedTempData> tempData, int methods, int cookieMethods)
    {
        SignIns = signIns;
        TempData = tempData;
        Files = files;
        Writes = writes;
        SignOuts = signOuts;
        Methods = methods;
        CookieMethods = cookieMethods;
    }

    public IReadOnlyList<CorpusFile> Files { get; }

    public IReadOnlyList<PlantedWrite> Writes { get; }

    public IReadOnlyList<PlantedSignOut> SignOuts { get; }

    public IReadOnlyList<PlantedSignIn> SignIns { get; }

    /// <summary>TempData writes that must be reported; every other TempData write (status messages) must not.</summary>
    public IReadOnlyList<PlantedTempData> TempData { get; }

    /// <summary>Methods, constructors and handlers declared (not lambdas).</summary>
    public int Methods { get; }

    /// <summary>Methods that write a cookie.</summary>
    public int CookieMethods { get; }

    public int Lines => Files.Sum(f => f.Text.Count(c => c == '\n'));
}

/// <summary>
/// Generates a realistic ASP.NET Core web app: for each feature a models file, a service, an API controller, a Razor
/// Page model, and in turn minimal-API endpoints, a middleware or a helper class; plus Program.cs and shared cookie
/// helpers. About one method in ten writes a cookie, cycling through <see cref="CookieVariant"/>. Deterministic: the
/// same file count always gives the same text, and a smaller corpus is a prefix of a larger one (so it scales).
/// </summary>
internal static class CorpusGenerator
{
    private const string Https = "STATE005";

    private static readonly string[] Nouns =
    {
        "Order", "Product", "Customer", "Invoice", "Shipment", "Payment", "Coupon", "Review", "Supplier", "Warehouse",
        "Category", "Basket", "Refund", "Subscription", "Ticket", "Campaign", "Voucher", "Delivery", "Return", "Catalog",
        "Employee", "Store", "Promotion", "Wishlist", "Notification",
    };

    private static readonly string[] Qualifiers = { string.Empty, "Archive", "Regional", "Partner", "Draft", "Legacy" };

    private static readonly int VariantCount = System.Enum.GetValues<CookieVariant>().Length;

    /// <summary>Which StateAnalyzers rules must report each variant.</summary>
    public static IReadOnlyList<string> ExpectedIds(CookieVariant variant) => variant switch
    {
        CookieVariant.NoOptions or CookieVariant.PartialOptions or CookieVariant.RawHeader => new[] { "STATE004", Https, "STATE006" },
        CookieVariant.Sensitive => new[] { "STATE001" },
        CookieVariant.Oversized => new[] { "STATE002" },
        CookieVariant.ExplicitlyInsecure => new[] { "STATE004", Https },
        CookieVariant.OptionsVariable => new[] { Https, "STATE006" },
        CookieVariant.HostPrefixWithPath or CookieVariant.BeyondBrowserLifetime => new[] { "STATE010" },
        _ => System.Array.Empty<string>(),
    };

    public static GeneratedCorpus Generate(int fileCount)
    {
        var state = new State();
        var files = new List<CorpusFile>();
        var features = new List<Feature>();

        // Program.cs is written last (it registers what exists) but counts from the start.
        files.Add(new CorpusFile("Infrastructure/CookieWriter.cs", CookieWriterFile(state), "helper"));
        files.Add(new CorpusFile("Infrastructure/PagedResult.cs", PagedResultFile(state), "model"));
        var budget = fileCount - files.Count - 1;
        for (var index = 0; budget > 0; index++)
        {
            var feature = new Feature(index, Nouns[index % Nouns.Length] + Qualifiers[index / Nouns.Length % Qualifiers.Length] + (index >= Nouns.Length * Qualifiers.Length ? (index / (Nouns.Length * Qualifiers.Length)).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty));
            features.Add(feature);
            foreach (var part in feature.Parts)
            {
                if (budget == 0)
                {
                    break;
                }

                files.Add(part switch
                {
                    Part.Models => new CorpusFile(feature.Folder + "/" + feature.Name + "Models.cs", ModelsFile(state, feature), "model"),
                    Part.Service => new CorpusFile(feature.Folder + "/" + feature.Name + "Service.cs", ServiceFile(state, feature), "service"),
                    Part.Controller => new CorpusFile(feature.Folder + "/" + feature.Name + "Controller.cs", ControllerFile(state, feature), "controller"),
                    Part.Page => new CorpusFile("Pages/" + feature.Name + "/Index.cshtml.cs", PageFile(state, feature), "page"),
                    Part.Endpoints => new CorpusFile(feature.Folder + "/" + feature.Name + "Endpoints.cs", EndpointsFile(state, feature), "minimal-api"),
                    Part.Middleware => new CorpusFile(feature.Folder + "/" + feature.Name + "Middleware.cs", MiddlewareFile(state, feature), "middleware"),
                    _ => new CorpusFile(feature.Folder + "/" + feature.Name + "HttpExtensions.cs", HelperFile(state, feature), "helper"),
                });
                feature.Written.Add(part);
                budget--;
            }
        }

        files.Insert(0, new CorpusFile("Program.cs", ProgramFile(state, features), "program"));
        return new GeneratedCorpus(files, state.Writes, state.SignOuts, state.SignIns, state.TempData, state.Methods, state.CookieMethods);
    }

    private enum Part
    {
        Models,
        Service,
        Controller,
        Page,
        Endpoints,
        Middleware,
        Helper,
    }

    private sealed class Feature
    {
        public Feature(int index, string name)
        {
            Index = index;
            Name = name;
            Lower = char.ToLowerInvariant(name[0]) + name.Substring(1);
            Route = name.ToLowerInvariant();
            Namespace = "Shop.Features." + name + "Feature";
            Folder = "Features/" + name;
            var extra = (index % 3) switch { 0 => Part.Endpoints, 1 => Part.Middleware, _ => Part.Helper };
            Parts = new[] { Part.Models, Part.Service, Part.Controller, Part.Page, extra };
        }

        public int Index { get; }

        public string Name { get; }

        public string Lower { get; }

        public string Route { get; }

        public string Namespace { get; }

        public string Folder { get; }

        public Part[] Parts { get; }

        public List<Part> Written { get; } = new();
    }

    private sealed class State
    {
        public int Methods;
        public int CookieMethods;
        public int NextVariant;
        public int NextName;
        public List<PlantedWrite> Writes { get; } = new();
        public List<PlantedSignOut> SignOuts { get; } = new();
        public List<PlantedSignIn> SignIns { get; } = new();
        public List<PlantedTempData> TempData { get; } = new();

        /// <summary>Whether the next method of a web-facing class should write a cookie, keeping about one method in ten.</summary>
        public bool CookieDue => (CookieMethods + 1) * 10 <= Methods + 1;

        public void Method() => Methods++;
    }

    // ---------------------------------------------------------------- cookie writes

    /// <summary>Writes the statements that put one cookie on <paramref name="response"/>, where a string <c>value</c> and an int <c>count</c> are in scope.</summary>
    private static void CookieWrite(State state, CodeWriter w, string path, Feature feature, string response)
    {
        var variant = (CookieVariant)(state.NextVariant++ % VariantCount);
        var name = feature.Lower + "_" + (state.NextName++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        int line;
        switch (variant)
        {
            case CookieVariant.NoOptions:
                line = w.NextLine;
                w.Line($"{response}.Cookies.Append(\"{name}_view\", value);");
                break;
            case CookieVariant.PartialOptions:
                line = w.NextLine;
                w.Line($"{response}.Cookies.Append(\"{name}_filter\", value, new CookieOptions {{ Path = \"/\", Expires = DateTimeOffset.UtcNow.AddDays(30) }});");
                break;
            case CookieVariant.Compliant:
                line = w.NextLine;
                w.Line($"{response}.Cookies.Append(\"{name}_sort\", value, new CookieOptions {{ HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(7) }});");
                break;
            case CookieVariant.Sensitive:
                w.Line("var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));");
                line = w.NextLine;
                w.Line($"{response}.Cookies.Append(\"{name}_access_token\", token, new CookieOptions {{ HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict }});");
                break;
            case CookieVariant.Oversized:
                w.Line("var recent = Enumerable.Range(0, count).Select(i => new { Id = i, Label = value + i }).ToList();");
                w.Line("var payload = JsonSerializer.Serialize(recent);");
                line = w.NextLine;
                w.Line($"{response}.Cookies.Append(\"{name}_cart\", payload, new CookieOptions {{ HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax }});");
                break;
            case CookieVariant.ExplicitlyInsecure:
                line = w.NextLine;
                w.Line($"{response}.Cookies.Append(\"{name}_widget\", value, new CookieOptions {{ HttpOnly = false, Secure = false, SameSite = SameSiteMode.None }});");
                break;
            case CookieVariant.ThroughHelper:
                line = w.NextLine;
                w.Line($"CookieWriter.WritePreference({response}, \"{name}_layout\", value);");
                break;
            case CookieVariant.RawHeader:
                line = w.NextLine;
                w.Line($"{response}.Headers.Append(\"Set-Cookie\", \"{name}_lang=\" + Uri.EscapeDataString(value) + \"; Path=/\");");
                break;
            case CookieVariant.SharedOptions:
                line = w.NextLine;
                w.Line($"{response}.Cookies.Append(\"{name}_seen\", value, CookieWriter.StrictOptions);");
                break;
            case CookieVariant.HostPrefixWithPath:
                line = w.NextLine;
                w.Line($"{response}.Cookies.Append(\"__Host-{name}_step\", value, new CookieOptions {{ HttpOnly = true, Secure = true, Path = \"/{feature.Lower}\", SameSite = SameSiteMode.Lax }});");
                break;
            case CookieVariant.BeyondBrowserLifetime:
                line = w.NextLine;
                w.Line($"{response}.Cookies.Append(\"{name}_region\", value, new CookieOptions {{ HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(730) }});");
                break;
            default:
                w.Line("var options = new CookieOptions { Expires = DateTimeOffset.UtcNow.AddHours(1) };");
                w.Line("options.HttpOnly = true;");
                line = w.NextLine;
                w.Line($"{response}.Cookies.Append(\"{name}_step\", value, options);");
                break;
        }

        state.Writes.Add(new PlantedWrite(path, line, variant, ExpectedIds(variant)));
        state.CookieMethods++;
    }

    private static void Usings(CodeWriter w, params string[] namespaces)
    {
        foreach (var ns in namespaces.Distinct().OrderBy(n => n.StartsWith("System", System.StringComparison.Ordinal) ? 0 : 1).ThenBy(n => n, System.StringComparer.Ordinal))
        {
            w.Line("using " + ns + ";");
        }

        w.Line();
    }

    private static readonly string[] WebUsings =
    {
        "System", "System.Collections.Generic", "System.Linq", "System.Security.Cryptography", "System.Text.Json", "System.Threading",
        "System.Threading.Tasks", "Microsoft.AspNetCore.Http", "Microsoft.Extensions.Logging", "Shop.Infrastructure",
    };

    // ---------------------------------------------------------------- infrastructure

    private static string CookieWriterFile(State state)
    {
        var w = new CodeWriter();
        Usings(w, "System", "Microsoft.AspNetCore.Http");
        w.Line("namespace Shop.Infrastructure;");
        w.Line();
        w.Line("/// <summary>The app's cookie conventions: one place that sets the attributes every cookie needs.</summary>");
        w.Open("public static class CookieWriter");
        w.Line("public static readonly CookieOptions StrictOptions = new() { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, IsEssential = true };");
        w.Line();
        state.Method();
        state.CookieMethods++;
        w.Open("public static void WritePreference(HttpResponse response, string name, string value)");
        w.Line("ArgumentNullException.ThrowIfNull(response);");
        w.Line("response.Cookies.Append(name, value, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365) });");
        w.Close();
        w.Line();
        state.Method();
        state.CookieMethods++;
        w.Open("public static void WriteCart(HttpResponse response, string cartId, string theme)");
        w.Line("ArgumentNullException.ThrowIfNull(response);");
        w.Line("response.Cookies.Append(\"__Host-cart\", cartId, new CookieOptions { HttpOnly = true, Secure = true, Path = \"/\", SameSite = SameSiteMode.Lax });");
        w.Line("response.Cookies.Append(\"__Secure-theme\", theme, new CookieOptions { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(30) });");
        w.Close();
        w.Line();
        state.Method();
        w.Open("public static void Forget(HttpResponse response, string name)");
        w.Line("ArgumentNullException.ThrowIfNull(response);");
        w.Line("response.Cookies.Delete(name, new CookieOptions { Secure = true, SameSite = SameSiteMode.Lax });");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string PagedResultFile(State state)
    {
        var w = new CodeWriter();
        Usings(w, "System", "System.Collections.Generic", "System.Linq");
        w.Line("namespace Shop.Infrastructure;");
        w.Line();
        w.Open("public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)");
        w.Line("public int Pages => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;");
        w.Line();
        w.Line("public bool HasNext => Page < Pages;");
        w.Line();
        state.Method();
        w.Open("public static PagedResult<T> From(IEnumerable<T> source, int page, int pageSize)");
        w.Line("var all = source as IReadOnlyList<T> ?? source.ToList();");
        w.Line("page = Math.Max(1, page);");
        w.Line("pageSize = Math.Clamp(pageSize, 1, 200);");
        w.Line("return new PagedResult<T>(all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, all.Count);");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string ProgramFile(State state, List<Feature> features)
    {
        var w = new CodeWriter();
        Usings(w, "System", "Microsoft.AspNetCore.Authentication.Cookies", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Http",
            "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting");
        w.Line("var builder = WebApplication.CreateBuilder(args);");
        w.Line("builder.Services.AddControllersWithViews();");
        w.Line("builder.Services.AddRazorPages();");
        w.Line("builder.Services.AddDistributedMemoryCache();");
        w.Open("builder.Services.AddSession(options =>");
        w.Line("options.IdleTimeout = TimeSpan.FromMinutes(20);");
        w.Line("options.Cookie.HttpOnly = true;");
        w.Line("options.Cookie.SecurePolicy = CookieSecurePolicy.Always;");
        w.Line("options.Cookie.IsEssential = true;");
        w.Close("});");
        w.Line("builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)");
        w.Open("    .AddCookie(options =>");
        w.Line("options.Cookie.SecurePolicy = CookieSecurePolicy.Always;");
        w.Line("options.ExpireTimeSpan = TimeSpan.FromDays(14);");
        w.Line("options.SlidingExpiration = true;");
        w.Close("});");
        foreach (var feature in features.Where(f => f.Written.Contains(Part.Service)))
        {
            w.Line($"builder.Services.AddSingleton<{feature.Namespace}.I{feature.Name}Service, {feature.Namespace}.{feature.Name}Service>();");
        }

        w.Line();
        w.Line("var app = builder.Build();");
        w.Line("app.UseHttpsRedirection();");
        w.Line("app.UseStaticFiles();");
        w.Line("app.UseRouting();");
        w.Line("app.UseSession();");
        w.Line("app.UseAuthentication();");
        w.Line("app.UseAuthorization();");
        foreach (var feature in features.Where(f => f.Written.Contains(Part.Middleware)))
        {
            w.Line($"app.UseMiddleware<{feature.Namespace}.{feature.Name}Middleware>();");
        }

        foreach (var feature in features.Where(f => f.Written.Contains(Part.Endpoints)))
        {
            w.Line($"{feature.Namespace}.{feature.Name}Endpoints.Map{feature.Name}Endpoints(app);");
        }

        w.Line("app.MapControllers();");
        w.Line("app.MapRazorPages();");
        w.Line("app.Run();");
        return w.ToString();
    }

    // ---------------------------------------------------------------- models and services

    private static string ModelsFile(State state, Feature f)
    {
        var w = new CodeWriter();
        Usings(w, "System", "System.Collections.Generic", "System.ComponentModel.DataAnnotations", "System.Linq");
        w.Line($"namespace {f.Namespace};");
        w.Line();
        w.Open($"public sealed class {f.Name}Entity");
        w.Line("public int Id { get; set; }");
        w.Line();
        w.Line("[Required]");
        w.Line("[StringLength(120)]");
        w.Line("public string Name { get; set; } = string.Empty;");
        w.Line();
        w.Line("[StringLength(2000)]");
        w.Line("public string? Description { get; set; }");
        w.Line();
        w.Line("[Range(0, 1_000_000)]");
        w.Line("public decimal Amount { get; set; }");
        w.Line();
        w.Line("public string Status { get; set; } = \"Active\";");
        w.Line();
        w.Line("public DateTimeOffset CreatedAt { get; set; }");
        w.Line();
        w.Line("public DateTimeOffset? UpdatedAt { get; set; }");
        w.Line();
        w.Line("public List<string> Tags { get; set; } = new();");
        w.Close();
        w.Line();
        w.Line($"public sealed record {f.Name}Dto(int Id, string Name, string? Description, decimal Amount, string Status, IReadOnlyList<string> Tags);");
        w.Line();
        w.Line($"public sealed record {f.Name}Input([property: Required, StringLength(120)] string Name, string? Description, [property: Range(0, 1_000_000)] decimal Amount, IReadOnlyList<string>? Tags);");
        w.Line();
        w.Line($"public sealed record {f.Name}Query(string? Term, string? Status, int Page = 1, int PageSize = 20, string? SortBy = null, bool Descending = false);");
        w.Line();
        w.Line($"public sealed record {f.Name}Summary(string Status, int Count, decimal Total, decimal Average);");
        w.Line();
        w.Open($"public static class {f.Name}Mapping");
        state.Method();
        w.Line($"public static {f.Name}Dto ToDto(this {f.Name}Entity entity) =>");
        w.Line("    new(entity.Id, entity.Name, entity.Description, entity.Amount, entity.Status, entity.Tags.ToList());");
        w.Line();
        state.Method();
        w.Open($"public static {f.Name}Entity ToEntity(this {f.Name}Input input, int id, DateTimeOffset now)");
        w.Open($"return new {f.Name}Entity");
        w.Line("Id = id,");
        w.Line("Name = input.Name.Trim(),");
        w.Line("Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),");
        w.Line("Amount = Math.Round(input.Amount, 2),");
        w.Line("CreatedAt = now,");
        w.Line("Tags = input.Tags?.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList() ?? new List<string>(),");
        w.Close("};");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"public static void Apply(this {f.Name}Entity entity, {f.Name}Input input, DateTimeOffset now)");
        w.Line("entity.Name = input.Name.Trim();");
        w.Line("entity.Description = string.IsNullOrWhiteSpace(input.Description) ? entity.Description : input.Description.Trim();");
        w.Line("entity.Amount = Math.Round(input.Amount, 2);");
        w.Open("if (input.Tags is { Count: > 0 } tags)");
        w.Line("entity.Tags = tags.Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList();");
        w.Close();
        w.Line();
        w.Line("entity.UpdatedAt = now;");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"public static IReadOnlyList<string> Problems(this {f.Name}Input input)");
        w.Line("var problems = new List<string>();");
        w.Open("if (input.Name.Length > 120)");
        w.Line("problems.Add(\"The name is longer than 120 characters.\");");
        w.Close();
        w.Line();
        w.Open("if (input.Tags is { Count: > 20 })");
        w.Line("problems.Add(\"At most 20 tags are allowed.\");");
        w.Close();
        w.Line();
        w.Line("return problems;");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"public static IEnumerable<{f.Name}Summary> Summarize(IEnumerable<{f.Name}Entity> entities)");
        w.Line("return entities");
        w.Line("    .GroupBy(e => e.Status)");
        w.Line($"    .Select(g => new {f.Name}Summary(g.Key, g.Count(), g.Sum(e => e.Amount), g.Average(e => e.Amount)))");
        w.Line("    .OrderByDescending(s => s.Total);");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string ServiceFile(State state, Feature f)
    {
        var w = new CodeWriter();
        Usings(w, "System", "System.Collections.Concurrent", "System.Collections.Generic", "System.Linq", "System.Threading", "System.Threading.Tasks",
            "Microsoft.Extensions.Logging", "Shop.Infrastructure");
        w.Line($"namespace {f.Namespace};");
        w.Line();
        w.Open($"public interface I{f.Name}Service");
        w.Line($"Task<PagedResult<{f.Name}Dto>> ListAsync({f.Name}Query query, CancellationToken cancellationToken = default);");
        w.Line();
        w.Line($"Task<{f.Name}Dto?> GetAsync(int id, CancellationToken cancellationToken = default);");
        w.Line();
        w.Line($"Task<{f.Name}Dto> CreateAsync({f.Name}Input input, CancellationToken cancellationToken = default);");
        w.Line();
        w.Line($"Task<bool> UpdateAsync(int id, {f.Name}Input input, CancellationToken cancellationToken = default);");
        w.Line();
        w.Line("Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default);");
        w.Line();
        w.Line($"Task<IReadOnlyList<{f.Name}Summary>> SummarizeAsync(CancellationToken cancellationToken = default);");
        w.Close();
        w.Line();
        w.Open($"public sealed class {f.Name}Service : I{f.Name}Service");
        w.Line($"private readonly ConcurrentDictionary<int, {f.Name}Entity> _store = new();");
        w.Line($"private readonly ILogger<{f.Name}Service> _logger;");
        w.Line("private readonly TimeProvider _clock;");
        w.Line("private int _nextId;");
        w.Line();
        state.Method();
        w.Open($"public {f.Name}Service(ILogger<{f.Name}Service> logger, TimeProvider? clock = null)");
        w.Line("_logger = logger;");
        w.Line("_clock = clock ?? TimeProvider.System;");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"public Task<PagedResult<{f.Name}Dto>> ListAsync({f.Name}Query query, CancellationToken cancellationToken = default)");
        w.Line("cancellationToken.ThrowIfCancellationRequested();");
        w.Line($"IEnumerable<{f.Name}Entity> items = _store.Values;");
        w.Open("if (!string.IsNullOrWhiteSpace(query.Term))");
        w.Line("items = items.Where(e => e.Name.Contains(query.Term, StringComparison.OrdinalIgnoreCase) || e.Tags.Contains(query.Term.ToLowerInvariant()));");
        w.Close();
        w.Line();
        w.Open("if (!string.IsNullOrWhiteSpace(query.Status))");
        w.Line("items = items.Where(e => string.Equals(e.Status, query.Status, StringComparison.OrdinalIgnoreCase));");
        w.Close();
        w.Line();
        w.Line("items = (query.SortBy?.ToLowerInvariant(), query.Descending) switch");
        w.Line("{");
        w.Line("    (\"amount\", false) => items.OrderBy(e => e.Amount),");
        w.Line("    (\"amount\", true) => items.OrderByDescending(e => e.Amount),");
        w.Line("    (\"created\", false) => items.OrderBy(e => e.CreatedAt),");
        w.Line("    (\"created\", true) => items.OrderByDescending(e => e.CreatedAt),");
        w.Line("    _ => items.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase),");
        w.Line("};");
        w.Line("return Task.FromResult(PagedResult<" + f.Name + "Dto>.From(items.Select(e => e.ToDto()), query.Page, query.PageSize));");
        w.Close();
        w.Line();
        state.Method();
        w.Line($"public Task<{f.Name}Dto?> GetAsync(int id, CancellationToken cancellationToken = default) =>");
        w.Line("    Task.FromResult(_store.TryGetValue(id, out var entity) ? entity.ToDto() : null);");
        w.Line();
        state.Method();
        w.Open($"public Task<{f.Name}Dto> CreateAsync({f.Name}Input input, CancellationToken cancellationToken = default)");
        w.Line("Validate(input);");
        w.Line("var id = Interlocked.Increment(ref _nextId);");
        w.Line("var entity = input.ToEntity(id, _clock.GetUtcNow());");
        w.Line("_store[id] = entity;");
        w.Line($"_logger.LogInformation(\"Created {f.Lower} {{Id}} ({{Name}})\", id, entity.Name);");
        w.Line("return Task.FromResult(entity.ToDto());");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"public Task<bool> UpdateAsync(int id, {f.Name}Input input, CancellationToken cancellationToken = default)");
        w.Line("Validate(input);");
        w.Open("if (!_store.TryGetValue(id, out var entity))");
        w.Line("return Task.FromResult(false);");
        w.Close();
        w.Line();
        w.Line("entity.Apply(input, _clock.GetUtcNow());");
        w.Line("return Task.FromResult(true);");
        w.Close();
        w.Line();
        state.Method();
        w.Open("public Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)");
        w.Line("var removed = _store.TryRemove(id, out _);");
        w.Open("if (removed)");
        w.Line($"_logger.LogInformation(\"Deleted {f.Lower} {{Id}}\", id);");
        w.Close();
        w.Line();
        w.Line("return Task.FromResult(removed);");
        w.Close();
        w.Line();
        state.Method();
        w.Line($"public Task<IReadOnlyList<{f.Name}Summary>> SummarizeAsync(CancellationToken cancellationToken = default) =>");
        w.Line($"    Task.FromResult<IReadOnlyList<{f.Name}Summary>>({f.Name}Mapping.Summarize(_store.Values).ToList());");
        w.Line();
        state.Method();
        w.Open($"public async Task<int> ImportAsync(IEnumerable<{f.Name}Input> inputs, CancellationToken cancellationToken = default)");
        w.Line("var imported = 0;");
        w.Open("foreach (var input in inputs)");
        w.Line("cancellationToken.ThrowIfCancellationRequested();");
        w.Open("if (input.Problems().Count > 0)");
        w.Line($"_logger.LogWarning(\"Skipped an invalid {f.Lower}: {{Name}}\", input.Name);");
        w.Line("continue;");
        w.Close();
        w.Line();
        w.Line("await CreateAsync(input, cancellationToken);");
        w.Line("imported++;");
        w.Close();
        w.Line();
        w.Line("return imported;");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"private static void Validate({f.Name}Input input)");
        w.Line("ArgumentNullException.ThrowIfNull(input);");
        w.Open("if (string.IsNullOrWhiteSpace(input.Name))");
        w.Line("throw new ArgumentException(\"A name is required.\", nameof(input));");
        w.Close();
        w.Line();
        w.Open("if (input.Amount < 0)");
        w.Line("throw new ArgumentOutOfRangeException(nameof(input), \"The amount cannot be negative.\");");
        w.Close();
        w.Close();
        w.Close();
        return w.ToString();
    }

    // ---------------------------------------------------------------- web-facing code

    private static string ControllerFile(State state, Feature f)
    {
        var path = f.Folder + "/" + f.Name + "Controller.cs";
        var w = new CodeWriter();
        Usings(w, WebUsings.Concat(new[] { "Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.Authentication.Cookies", "Microsoft.AspNetCore.Mvc" }).ToArray());
        w.Line($"namespace {f.Namespace};");
        w.Line();
        w.Line("[ApiController]");
        w.Line($"[Route(\"api/{f.Route}\")]");
        w.Open($"public sealed class {f.Name}Controller : ControllerBase");
        w.Line($"private readonly I{f.Name}Service _service;");
        w.Line($"private readonly ILogger<{f.Name}Controller> _logger;");
        w.Line();
        state.Method();
        w.Open($"public {f.Name}Controller(I{f.Name}Service service, ILogger<{f.Name}Controller> logger)");
        w.Line("_service = service;");
        w.Line("_logger = logger;");
        w.Close();
        w.Line();
        state.Method();
        w.Line("[HttpGet]");
        w.Open($"public async Task<ActionResult<PagedResult<{f.Name}Dto>>> List([FromQuery] {f.Name}Query query, CancellationToken cancellationToken)");
        w.Line("var result = await _service.ListAsync(query, cancellationToken);");
        w.Line("Response.Headers.Append(\"X-Total-Count\", result.Total.ToString(System.Globalization.CultureInfo.InvariantCulture));");
        w.Line("return Ok(result);");
        w.Close();
        w.Line();
        state.Method();
        w.Line("[HttpGet(\"{id:int}\")]");
        w.Open($"public async Task<ActionResult<{f.Name}Dto>> Get(int id, CancellationToken cancellationToken)");
        w.Line("var item = await _service.GetAsync(id, cancellationToken);");
        w.Line("return item is null ? NotFound() : Ok(item);");
        w.Close();
        w.Line();
        state.Method();
        w.Line("[HttpPost]");
        w.Open($"public async Task<ActionResult<{f.Name}Dto>> Create([FromBody] {f.Name}Input input, CancellationToken cancellationToken)");
        w.Open("if (!ModelState.IsValid)");
        w.Line("return ValidationProblem(ModelState);");
        w.Close();
        w.Line();
        w.Line("var created = await _service.CreateAsync(input, cancellationToken);");
        w.Line("return CreatedAtAction(nameof(Get), new { id = created.Id }, created);");
        w.Close();
        w.Line();
        state.Method();
        w.Line("[HttpPut(\"{id:int}\")]");
        w.Open($"public async Task<IActionResult> Update(int id, [FromBody] {f.Name}Input input, CancellationToken cancellationToken)");
        w.Line("return await _service.UpdateAsync(id, input, cancellationToken) ? NoContent() : NotFound();");
        w.Close();
        w.Line();
        state.Method();
        w.Line("[HttpDelete(\"{id:int}\")]");
        w.Open("public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)");
        w.Open("if (!await _service.DeleteAsync(id, cancellationToken))");
        w.Line($"_logger.LogWarning(\"{f.Name} {{Id}} was not found\", id);");
        w.Line("return NotFound();");
        w.Close();
        w.Line();
        w.Line("return NoContent();");
        w.Close();
        w.Line();
        state.Method();
        w.Line("[HttpGet(\"summary\")]");
        w.Open($"public async Task<ActionResult<IReadOnlyList<{f.Name}Summary>>> Summary(CancellationToken cancellationToken)");
        w.Line("var summary = await _service.SummarizeAsync(cancellationToken);");
        w.Line("return summary.Count == 0 ? NoContent() : Ok(summary);");
        w.Close();

        w.Line();
        state.Method();
        w.Line("[HttpGet(\"export\")]");
        w.Open("public async Task<IActionResult> Export([FromQuery] string? status, CancellationToken cancellationToken)");
        w.Line($"var page = await _service.ListAsync(new {f.Name}Query(null, status, 1, 200), cancellationToken);");
        w.Open("if (page.Items.Count == 0)");
        w.Line("return NoContent();");
        w.Close();
        w.Line();
        w.Line("var rows = page.Items.Select(i => $\"{i.Id};{i.Name};{i.Amount:F2};{i.Status}\");");
        w.Line($"return File(System.Text.Encoding.UTF8.GetBytes(string.Join(\"\\n\", rows)), \"text/csv\", \"{f.Route}.csv\");");
        w.Close();

        if (f.Index % 4 == 0 || f.Index % 4 == 2)
        {
            // A logout: every other one forgets to clear the session (STATE003).
            var clears = f.Index % 4 == 2;
            w.Line();
            state.Method();
            w.Line("[HttpPost(\"logout\")]");
            w.Open("public async Task<IActionResult> Logout()");
            if (clears)
            {
                w.Line("HttpContext.Session.Clear();");
            }

            state.SignOuts.Add(new PlantedSignOut(path, w.NextLine, clears));
            w.Line("await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);");
            w.Line($"_logger.LogInformation(\"Signed out from {f.Lower}\");");
            w.Line("return NoContent();");
            w.Close();
        }

        if (f.Index % 4 == 1 || f.Index % 4 == 3)
        {
            // A login: every other one keeps the pre-login session (STATE008); one in four hands a 90-day ticket (STATE009).
            var clears = f.Index % 4 == 3;
            var tooLong = f.Index % 8 == 1;
            w.Line();
            state.Method();
            w.Line("[HttpPost(\"login\")]");
            w.Open("public async Task<IActionResult> Login([FromForm] string user, [FromForm] bool remember)");
            w.Open("if (string.IsNullOrWhiteSpace(user))");
            w.Line("return BadRequest();");
            w.Close();
            w.Line();
            w.Line("var identity = new System.Security.Claims.ClaimsIdentity(new[] { new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, user) }, CookieAuthenticationDefaults.AuthenticationScheme);");
            w.Open("var properties = new AuthenticationProperties");
            w.Line("IsPersistent = remember,");
            var lifetimeLine = w.NextLine;
            w.Line($"ExpiresUtc = DateTimeOffset.UtcNow.AddDays({(tooLong ? 90 : 7)}),");
            w.Close("};");
            if (clears)
            {
                w.Line("HttpContext.Session.Clear();");
            }

            state.SignIns.Add(new PlantedSignIn(path, w.NextLine, clears, lifetimeLine, tooLong));
            w.Line("await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new System.Security.Claims.ClaimsPrincipal(identity), properties);");
            w.Line($"_logger.LogInformation(\"Signed in to {f.Lower}\");");
            w.Line("return NoContent();");
            w.Close();
        }

        for (var n = 0; n < 3 && state.CookieDue; n++)
        {
            w.Line();
            state.Method();
            w.Line($"[HttpPost(\"preferences/{n}\")]");
            w.Open($"public IActionResult SavePreference{n}([FromForm] string value, [FromQuery] int count = 10)");
            w.Open("if (string.IsNullOrWhiteSpace(value))");
            w.Line("return BadRequest();");
            w.Close();
            w.Line();
            CookieWrite(state, w, path, f, "Response");
            w.Line($"_logger.LogDebug(\"Stored {f.Lower} preference {{Index}}\", {n});");
            w.Line("return NoContent();");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }

    private static string PageFile(State state, Feature f)
    {
        var path = "Pages/" + f.Name + "/Index.cshtml.cs";
        var w = new CodeWriter();
        Usings(w, WebUsings.Concat(new[] { "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Mvc.RazorPages", f.Namespace }).ToArray());
        w.Line($"namespace Shop.Pages.{f.Name}Pages;");
        w.Line();
        w.Open($"public sealed class IndexModel : PageModel");
        w.Line($"private readonly I{f.Name}Service _service;");
        w.Line();
        state.Method();
        w.Open($"public IndexModel(I{f.Name}Service service)");
        w.Line("_service = service;");
        w.Close();
        w.Line();
        w.Line($"public PagedResult<{f.Name}Dto> Items {{ get; private set; }} = new(Array.Empty<{f.Name}Dto>(), 1, 20, 0);");
        w.Line();
        w.Line("[BindProperty(SupportsGet = true)]");
        w.Line("public string? Term { get; set; }");
        w.Line();
        w.Line("[BindProperty]");
        w.Line($"public {f.Name}Input? Input {{ get; set; }}");
        w.Line();
        state.Method();
        w.Open("public async Task OnGetAsync(int page = 1, CancellationToken cancellationToken = default)");
        w.Line($"Items = await _service.ListAsync(new {f.Name}Query(Term, null, page), cancellationToken);");
        w.Line($"HttpContext.Session.SetString(\"{f.Lower}:term\", Term ?? string.Empty);");
        w.Close();
        w.Line();
        state.Method();
        w.Open("public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)");
        w.Open("if (!ModelState.IsValid || Input is null)");
        w.Line("return Page();");
        w.Close();
        w.Line();
        w.Line("var created = await _service.CreateAsync(Input, cancellationToken);");
        w.Line($"TempData[\"Message\"] = $\"Created {f.Lower} {{created.Name}}\";");
        if (f.Index % 4 == 1)
        {
            // One page in four carries the created item to the next page whole: it grows with the item (STATE011).
            state.TempData.Add(new PlantedTempData(path, w.NextLine));
            w.Line("TempData[\"Created\"] = System.Text.Json.JsonSerializer.Serialize(created);");
        }

        w.Line("return RedirectToPage(new { page = 1 });");
        w.Close();
        w.Line();
        state.Method();
        w.Open("public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)");
        w.Line("var deleted = await _service.DeleteAsync(id, cancellationToken);");
        w.Line("TempData[\"Message\"] = deleted ? \"Deleted.\" : \"Already gone.\";");
        w.Line("return RedirectToPage();");
        w.Close();
        w.Line();
        state.Method();
        w.Open("public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)");
        w.Line($"var all = await _service.ListAsync(new {f.Name}Query(Term, null, 1, 200), cancellationToken);");
        w.Line("var lines = all.Items.Select(i => string.Join(',', i.Id, i.Name.Replace(',', ' '), i.Amount, i.Status));");
        w.Line("var csv = \"Id,Name,Amount,Status\\n\" + string.Join('\\n', lines);");
        w.Line($"return File(System.Text.Encoding.UTF8.GetBytes(csv), \"text/csv\", \"{f.Route}.csv\");");
        w.Close();

        w.Line();
        state.Method();
        w.Open("public async Task<IActionResult> OnGetDetailsAsync(int id, CancellationToken cancellationToken)");
        w.Line("var item = await _service.GetAsync(id, cancellationToken);");
        w.Open("if (item is null)");
        w.Line("return NotFound();");
        w.Close();
        w.Line();
        w.Line($"HttpContext.Session.SetInt32(\"{f.Lower}:last\", item.Id);");
        w.Line("return new JsonResult(item);");
        w.Close();

        for (var n = 0; n < 2 && state.CookieDue; n++)
        {
            w.Line();
            state.Method();
            w.Open($"public IActionResult OnPostRemember{n}(string value, int count = 5)");
            w.Open("if (string.IsNullOrEmpty(value))");
            w.Line("return RedirectToPage();");
            w.Close();
            w.Line();
            CookieWrite(state, w, path, f, "Response");
            w.Line("return RedirectToPage();");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }

    private static string EndpointsFile(State state, Feature f)
    {
        var path = f.Folder + "/" + f.Name + "Endpoints.cs";
        var w = new CodeWriter();
        Usings(w, WebUsings.Concat(new[] { "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Routing" }).ToArray());
        w.Line($"namespace {f.Namespace};");
        w.Line();
        w.Open($"public static class {f.Name}Endpoints");
        state.Method();
        w.Open($"public static IEndpointRouteBuilder Map{f.Name}Endpoints(this IEndpointRouteBuilder routes)");
        w.Line($"var group = routes.MapGroup(\"/v2/{f.Route}\");");
        w.Line("group.MapGet(\"/\", List);");
        w.Line("group.MapGet(\"/{id:int}\", Get);");
        w.Line("group.MapPost(\"/\", Create);");
        w.Line("group.MapDelete(\"/{id:int}\", Delete);");
        w.Line("group.MapPost(\"/remember\", Remember);");
        w.Line("group.MapGet(\"/summary\", Summary);");
        w.Line("return routes;");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"private static async Task<IResult> List(I{f.Name}Service service, string? term, int? page, CancellationToken cancellationToken)");
        w.Line($"var result = await service.ListAsync(new {f.Name}Query(term, null, page ?? 1), cancellationToken);");
        w.Line("return Results.Ok(result);");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"private static async Task<IResult> Get(int id, I{f.Name}Service service, CancellationToken cancellationToken)");
        w.Line("var item = await service.GetAsync(id, cancellationToken);");
        w.Line("return item is null ? Results.NotFound() : Results.Ok(item);");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"private static async Task<IResult> Create({f.Name}Input input, I{f.Name}Service service, ILoggerFactory loggers, CancellationToken cancellationToken)");
        w.Open("if (string.IsNullOrWhiteSpace(input.Name))");
        w.Line("return Results.ValidationProblem(new Dictionary<string, string[]> { [\"Name\"] = new[] { \"A name is required.\" } });");
        w.Close();
        w.Line();
        w.Line("var created = await service.CreateAsync(input, cancellationToken);");
        w.Line($"loggers.CreateLogger(\"{f.Name}Endpoints\").LogInformation(\"Created {{Id}}\", created.Id);");
        w.Line($"return Results.Created($\"/v2/{f.Route}/{{created.Id}}\", created);");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"private static async Task<IResult> Delete(int id, I{f.Name}Service service, CancellationToken cancellationToken)");
        w.Line("return await service.DeleteAsync(id, cancellationToken) ? Results.NoContent() : Results.NotFound();");
        w.Close();
        w.Line();
        state.Method();
        w.Open("private static IResult Remember(HttpContext context, string value, int count)");
        if (state.CookieDue)
        {
            CookieWrite(state, w, path, f, "context.Response");
        }
        else
        {
            w.Line("context.Items[\"remembered\"] = value + count;");
        }

        w.Line("return Results.NoContent();");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"private static async Task<IResult> Summary(I{f.Name}Service service, CancellationToken cancellationToken)");
        w.Line("var summary = await service.SummarizeAsync(cancellationToken);");
        w.Line("return summary.Count == 0 ? Results.NoContent() : Results.Ok(summary);");
        w.Close();
        w.Line();
        state.Method();
        w.Open("private static string Describe(HttpRequest request)");
        w.Line("var agent = request.Headers.UserAgent.ToString();");
        w.Line("return string.IsNullOrEmpty(agent) ? request.Path.Value ?? \"/\" : request.Path + \" (\" + agent + \")\";");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string MiddlewareFile(State state, Feature f)
    {
        var path = f.Folder + "/" + f.Name + "Middleware.cs";
        var w = new CodeWriter();
        Usings(w, WebUsings);
        w.Line($"namespace {f.Namespace};");
        w.Line();
        w.Open($"public sealed class {f.Name}Middleware");
        w.Line("private readonly RequestDelegate _next;");
        w.Line($"private readonly ILogger<{f.Name}Middleware> _logger;");
        w.Line();
        state.Method();
        w.Open($"public {f.Name}Middleware(RequestDelegate next, ILogger<{f.Name}Middleware> logger)");
        w.Line("_next = next;");
        w.Line("_logger = logger;");
        w.Close();
        w.Line();
        state.Method();
        w.Open("public async Task InvokeAsync(HttpContext context)");
        w.Open($"if (!context.Request.Path.StartsWithSegments(\"/{f.Route}\"))");
        w.Line("await _next(context);");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line("var started = System.Diagnostics.Stopwatch.GetTimestamp();");
        w.Line("Remember(context, context.Request.Query[\"ref\"].ToString(), context.Request.Query.Count);");
        w.Line("await _next(context);");
        w.Line("var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);");
        w.Open("if (elapsed > TimeSpan.FromSeconds(1))");
        w.Line($"_logger.LogWarning(\"Slow {f.Lower} request {{Path}} took {{Elapsed}}\", context.Request.Path, elapsed);");
        w.Close();
        w.Close();
        w.Line();
        state.Method();
        w.Open("private static void Remember(HttpContext context, string value, int count)");
        w.Open("if (string.IsNullOrEmpty(value))");
        w.Line("return;");
        w.Close();
        w.Line();
        if (state.CookieDue)
        {
            CookieWrite(state, w, path, f, "context.Response");
        }
        else
        {
            w.Line("context.Items[\"ref\"] = value.Length > count ? value.Substring(0, count) : value;");
        }

        w.Close();
        w.Line();
        state.Method();
        w.Open("private static string CorrelationId(HttpContext context)");
        w.Open("if (context.Request.Headers.TryGetValue(\"X-Correlation-Id\", out var values) && values.Count > 0)");
        w.Line("return values.ToString();");
        w.Close();
        w.Line();
        w.Line("return context.TraceIdentifier;");
        w.Close();
        w.Line();
        state.Method();
        w.Open("private static bool IsApiCall(HttpRequest request)");
        w.Line("return request.Headers.Accept.Any(a => a is not null && a.Contains(\"json\", StringComparison.OrdinalIgnoreCase))");
        w.Line("    || request.Path.StartsWithSegments(\"/api\");");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private static string HelperFile(State state, Feature f)
    {
        var path = f.Folder + "/" + f.Name + "HttpExtensions.cs";
        var w = new CodeWriter();
        Usings(w, WebUsings);
        w.Line($"namespace {f.Namespace};");
        w.Line();
        w.Open($"public static class {f.Name}HttpExtensions");
        state.Method();
        w.Open($"public static string {f.Name}Culture(this HttpRequest request)");
        w.Line("var header = request.Headers.AcceptLanguage.ToString();");
        w.Line("var first = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();");
        w.Line("return string.IsNullOrEmpty(first) ? \"en\" : first.Split(';')[0];");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"public static bool Wants{f.Name}Json(this HttpRequest request)");
        w.Line("return request.Headers.Accept.Any(a => a is not null && a.Contains(\"application/json\", StringComparison.OrdinalIgnoreCase));");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"public static string {f.Name}Client(this HttpContext context)");
        w.Line("var forwarded = context.Request.Headers[\"X-Forwarded-For\"].ToString();");
        w.Open("if (!string.IsNullOrEmpty(forwarded))");
        w.Line("return forwarded.Split(',')[0].Trim();");
        w.Close();
        w.Line();
        w.Line("return context.Connection.RemoteIpAddress?.ToString() ?? \"unknown\";");
        w.Close();
        w.Line();
        state.Method();
        w.Open($"public static int {f.Name}Page(this HttpRequest request, int fallback = 1)");
        w.Line("return int.TryParse(request.Query[\"page\"], out var page) && page > 0 ? page : fallback;");
        w.Close();

        for (var n = 0; n < 2 && state.CookieDue; n++)
        {
            w.Line();
            state.Method();
            w.Open($"public static void Remember{f.Name}{n}(this HttpResponse response, string value, int count)");
            w.Line("ArgumentNullException.ThrowIfNull(response);");
            CookieWrite(state, w, path, f, "response");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }
}
