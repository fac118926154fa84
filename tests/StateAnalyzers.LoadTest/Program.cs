using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

// Virtual shoppers against the sample shop (samples/ShopApp) with the runtime companion in Enforce mode.
// Each shopper logs in, adds items to the session cart and reads the cart back after every write (a write that does
// not show up is a lost session write), then logs out and checks that the session is gone, also when the old session
// cookie is replayed; the sign-out races two cart writes sent with it, and a replayed cookie that sees data afterwards is
// a resurrection. Bounded: clients x (2 x iterations + 6) requests, and a time limit. Loopback addresses only.
var options = Options.Parse(args);
if (!IsLoopback(options.Url))
{
    Console.Error.WriteLine($"load test: {options.Url} is not a loopback address; only 127.0.0.0/8, ::1 and localhost are allowed.");
    return 2;
}

using var handler = new SocketsHttpHandler
{
    UseCookies = false,
    AllowAutoRedirect = false,
    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
};
using var http = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
using var deadline = new CancellationTokenSource(options.TimeLimit);
var stats = new Stats();
var products = new[] { "mug-001", "tee-014", "pen-203", "bag-077" };
const int RacingWrites = 2;

// Warm-up: one shopper through the whole flow (JIT, connection pools), not counted in the figures.
var counted = stats;
stats = new Stats();
await ShopAsync(-1);
if (stats.Failures + stats.LostWrites + stats.SurvivingSessions + stats.Resurrections > 0)
{
    Console.WriteLine("load test: the warm-up shopper failed: " + string.Join("; ", stats.Errors.Take(5)));
    return 1;
}

stats = counted;
Console.WriteLine($"load test: {options.Clients} concurrent shoppers x {options.Iterations} cart writes against {options.Url}");
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(client => Task.Run(() => ShopAsync(client))));
clock.Stop();

var latencies = stats.Latencies();
double Percentile(double p) => latencies.Length == 0 ? 0 : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
Console.WriteLine($"requests:            {stats.Requests}");
Console.WriteLine($"failed requests:     {stats.Failures}");
Console.WriteLine($"session writes:      {stats.Writes}");
Console.WriteLine($"lost session writes: {stats.LostWrites}");
Console.WriteLine($"sessions surviving sign-out: {stats.SurvivingSessions}");
Console.WriteLine($"writes racing a sign-out: {stats.RacingWrites}");
Console.WriteLine($"resurrections:       {stats.Resurrections} (a replayed session cookie seeing data after a racing write)");
Console.WriteLine($"duration:            {clock.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
Console.WriteLine($"throughput:          {(stats.Requests / clock.Elapsed.TotalSeconds).ToString("0.0", CultureInfo.InvariantCulture)} req/s");
Console.WriteLine($"latency p50 / p95 / p99 / max: {Ms(Percentile(0.50))} / {Ms(Percentile(0.95))} / {Ms(Percentile(0.99))} / {Ms(latencies.LastOrDefault())} ms");
foreach (var error in stats.Errors.Take(10))
{
    Console.WriteLine("  " + error);
}

var ok = stats.Failures == 0 && stats.LostWrites == 0 && stats.SurvivingSessions == 0 && stats.Resurrections == 0 && stats.Requests > 0;
Console.WriteLine(ok ? "load test: PASS" : "load test: FAIL");
return ok ? 0 : 1;

async Task ShopAsync(int client)
{
    var jar = new CookieJar();
    var expected = new Dictionary<string, int>(StringComparer.Ordinal);
    try
    {
        var login = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ada@example.com",
            ["Password"] = "correct horse battery staple",
            ["RememberMe"] = "false",
        });
        await SendAsync(jar, HttpMethod.Post, "/account/login", login, HttpStatusCode.Redirect);
        if (!jar.Has(".Shop.Auth"))
        {
            stats.Fail($"shopper {client}: no authentication cookie after login");
            return;
        }

        for (var i = 0; i < options.Iterations; i++)
        {
            var product = products[(client + 1 + i) % products.Length];
            var added = await SendAsync(jar, HttpMethod.Post, "/api/cart/items", JsonContent.Create(new { productId = product, quantity = 1 }), HttpStatusCode.OK);
            if (added is null)
            {
                continue;
            }

            expected[product] = expected.GetValueOrDefault(product) + 1;
            stats.Write();
            var cart = await ReadCartAsync(jar);
            if (cart is not null && !SameCart(cart, expected))
            {
                stats.Lost($"shopper {client}: cart after write {i + 1} was {Describe(cart)}, expected {Describe(expected)}");
            }
        }

        // The sign-out races cart writes sent at the same moment with the same cookies (a second tab, a retried request).
        var stolen = jar.Copy();
        var racing = Enumerable.Range(0, RacingWrites)
            .Select(_ => SendAsync(jar.Copy(), HttpMethod.Post, "/api/cart/items", JsonContent.Create(new { productId = products[0], quantity = 1 }), HttpStatusCode.OK))
            .ToArray();
        await SendAsync(jar, HttpMethod.Post, "/account/logout", null, HttpStatusCode.Redirect);
        await Task.WhenAll(racing);
        stats.Race(racing.Length);
        var afterLogout = await ReadCartAsync(jar);
        var replayed = await ReadCartAsync(stolen);
        if (afterLogout is { Count: > 0 })
        {
            stats.Survived($"shopper {client}: the cart outlived the sign-out ({Describe(afterLogout)})");
        }

        if (replayed is { Count: > 0 })
        {
            stats.Resurrected($"shopper {client}: a write racing the sign-out brought the session back ({Describe(replayed)})");
        }
    }
    catch (OperationCanceledException) when (deadline.IsCancellationRequested)
    {
        stats.Fail($"shopper {client}: time limit reached");
    }
}

async Task<Dictionary<string, int>?> ReadCartAsync(CookieJar jar)
{
    var body = await SendAsync(jar, HttpMethod.Get, "/api/cart", null, HttpStatusCode.OK);
    if (body is null)
    {
        return null;
    }

    using var document = JsonDocument.Parse(body);
    var cart = new Dictionary<string, int>(StringComparer.Ordinal);
    foreach (var line in document.RootElement.GetProperty("lines").EnumerateArray())
    {
        cart[line.GetProperty("productId").GetString()!] = line.GetProperty("quantity").GetInt32();
    }

    return cart;
}

async Task<string?> SendAsync(CookieJar jar, HttpMethod method, string path, HttpContent? content, HttpStatusCode expected)
{
    using var request = new HttpRequestMessage(method, path) { Content = content };
    jar.AddTo(request);
    var started = Stopwatch.GetTimestamp();
    try
    {
        using var response = await http.SendAsync(request, deadline.Token);
        var body = await response.Content.ReadAsStringAsync(deadline.Token);
        stats.Request(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        jar.Take(response);
        if (response.StatusCode != expected)
        {
            stats.Fail($"{method} {path}: {(int)response.StatusCode}, expected {(int)expected}");
            return null;
        }

        return body;
    }
    catch (HttpRequestException ex)
    {
        stats.Request(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        stats.Fail($"{method} {path}: {ex.Message}");
        return null;
    }
}

static bool SameCart(Dictionary<string, int> actual, Dictionary<string, int> expected) =>
    actual.Count == expected.Count && expected.All(e => actual.GetValueOrDefault(e.Key) == e.Value);

static string Describe(Dictionary<string, int> cart) =>
    "{" + string.Join(", ", cart.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")) + "}";

static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

static bool IsLoopback(Uri url) =>
    url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

internal sealed record Options(Uri Url, int Clients, int Iterations, TimeSpan TimeLimit)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        var clients = int.Parse(Value("--clients", "16"), CultureInfo.InvariantCulture);
        var iterations = int.Parse(Value("--iterations", "25"), CultureInfo.InvariantCulture);
        if (clients is < 1 or > 256 || iterations is < 1 or > 1000)
        {
            throw new ArgumentException("--clients must be 1-256 and --iterations 1-1000.");
        }

        return new Options(
            new Uri(Value("--url", "http://127.0.0.1:5080")),
            clients,
            iterations,
            TimeSpan.FromSeconds(int.Parse(Value("--time-limit", "300"), CultureInfo.InvariantCulture)));
    }
}

/// <summary>Counters shared by the shoppers.</summary>
internal sealed class Stats
{
    private readonly object _gate = new();
    private readonly List<double> _latencies = new();
    private readonly List<string> _errors = new();

    public int Requests { get; private set; }

    public int Failures { get; private set; }

    public int Writes { get; private set; }

    public int LostWrites { get; private set; }

    public int SurvivingSessions { get; private set; }

    public int RacingWrites { get; private set; }

    public int Resurrections { get; private set; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToArray();
            }
        }
    }

    public void Request(double milliseconds)
    {
        lock (_gate)
        {
            Requests++;
            _latencies.Add(milliseconds);
        }
    }

    public void Write()
    {
        lock (_gate)
        {
            Writes++;
        }
    }

    public void Fail(string error) => Record(error, () => Failures++);

    public void Lost(string error) => Record(error, () => LostWrites++);

    public void Survived(string error) => Record(error, () => SurvivingSessions++);

    public void Resurrected(string error) => Record(error, () => Resurrections++);

    public void Race(int writes)
    {
        lock (_gate)
        {
            RacingWrites += writes;
        }
    }

    public double[] Latencies()
    {
        lock (_gate)
        {
            var sorted = _latencies.ToArray();
            Array.Sort(sorted);
            return sorted;
        }
    }

    private void Record(string error, Action count)
    {
        lock (_gate)
        {
            count();
            _errors.Add(error);
        }
    }
}

/// <summary>A browser on localhost: keeps every cookie (Secure ones too, as browsers do for localhost), drops deleted ones.</summary>
internal sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public bool Has(string name) => _cookies.ContainsKey(name);

    public CookieJar Copy()
    {
        var copy = new CookieJar();
        foreach (var (name, value) in _cookies)
        {
            copy._cookies[name] = value;
        }

        return copy;
    }

    public void AddTo(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
        }
    }

    public void Take(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var headers))
        {
            return;
        }

        foreach (var header in headers)
        {
            var parts = header.Split(';');
            var equals = parts[0].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = parts[0][..equals].Trim();
            var value = parts[0][(equals + 1)..].Trim();
            if (IsDeletion(parts.Skip(1)))
            {
                _cookies.Remove(name);
            }
            else
            {
                _cookies[name] = value;
            }
        }
    }

    private static bool IsDeletion(IEnumerable<string> attributes)
    {
        foreach (var attribute in attributes)
        {
            var pair = attribute.Split('=', 2);
            var key = pair[0].Trim();
            var argument = pair.Length > 1 ? pair[1].Trim() : string.Empty;
            if (key.Equals("max-age", StringComparison.OrdinalIgnoreCase) && long.TryParse(argument, out var seconds) && seconds <= 0)
            {
                return true;
            }

            if (key.Equals("expires", StringComparison.OrdinalIgnoreCase) &&
                DateTimeOffset.TryParse(argument, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires) &&
                expires < DateTimeOffset.UtcNow)
            {
                return true;
            }
        }

        return false;
    }
}
