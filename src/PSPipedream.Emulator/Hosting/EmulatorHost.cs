using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace PSPipedream.Emulator;

/// <summary>
/// The emulator running in the current process, for tests:
/// <c>await using var emu = await EmulatorHost.StartAsync(apiKey: "...");</c>
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri rootUri, string apiKey)
    {
        _app = app;
        RootUri = rootUri;
        BaseUri = new Uri(rootUri, "v1");
        ApiKey = apiKey;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41873/</c> (control API under <c>_emulator/</c>).</summary>
    public Uri RootUri { get; }

    /// <summary>The API base, e.g. <c>http://127.0.0.1:41873/v1</c> (no trailing slash, as printed at start).</summary>
    public Uri BaseUri { get; }

    /// <summary>The first user's API key.</summary>
    public string ApiKey { get; }

    /// <summary>Every user's API key, in order.</summary>
    public IReadOnlyList<string> ApiKeys
    {
        get
        {
            var state = _app.Services.GetRequiredService<EmulatorState>();
            return state.Locked(() => state.Users.Select(u => u.ApiKey).ToList());
        }
    }

    /// <summary>
    /// Starts an emulator on a free loopback port (unless <see cref="EmulatorOptions.Urls"/> says otherwise)
    /// and returns once it listens.
    /// </summary>
    public static async Task<EmulatorHost> StartAsync(string? apiKey = null, EmulatorOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        if (apiKey is not null) options.ApiKey = apiKey;
        var app = EmulatorApp.Build([], options);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // Lets go of what the build took, such as the data file's lock, so a later start can have it.
            await app.DisposeAsync();
            throw;
        }
        string address = EmulatorApp.Addresses(app).First().TrimEnd('/');
        var state = app.Services.GetRequiredService<EmulatorState>();
        string key = state.Locked(() => state.Users[0].ApiKey);
        return new EmulatorHost(app, new Uri(address + "/"), key);
    }

    /// <summary>An HttpClient whose BaseAddress is <c>BaseUri/</c> and that sends the first user's key.</summary>
    public HttpClient CreateApiClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUri + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey ?? ApiKey);
        return client;
    }

    /// <summary>Same as <c>POST /_emulator/reset</c>.</summary>
    public void Reset() => _app.Services.GetRequiredService<EmulatorReset>().Run();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
