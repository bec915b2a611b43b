using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PSPipedream.Emulator;

/// <summary>Builds the emulator's web application.</summary>
public static class EmulatorApp
{
    public const string DefaultUrls = "http://127.0.0.1:0";

    /// <summary>
    /// Builds (does not start) the emulator. <paramref name="args"/> are command-line options
    /// (<c>--urls</c>, <c>--api-key</c>, <c>--users</c>, <c>--allow-host</c>, <c>--expose-keys</c>, <c>--data-file</c>);
    /// they win over <paramref name="options"/>, except that <c>--allow-host</c> names add to its own.
    /// </summary>
    public static WebApplication Build(string[] args, EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Logging.ClearProviders();
        var started = new StrongBox<bool>();
        if (options.PrintStartupLines)
        {
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            // A failure to start (a busy port, say) is logged by the host and the server with its
            // stack trace; the program says it in one line of its own instead.
            builder.Logging.AddFilter((_, category, level) =>
                level >= LogLevel.Warning && (started.Value || level < LogLevel.Error || !IsHostingCategory(category)));
        }

        string? urls = builder.Configuration["urls"];
        if (string.IsNullOrWhiteSpace(urls)) builder.WebHost.UseUrls(options.Urls ?? DefaultUrls);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
        });

        var allowedHosts = CommandLine.AllowedHosts(options.AllowedHosts.Concat(CommandLine.Values(args, "allow-host")));
        bool exposeKeys = options.ExposeKeys;
        if (builder.Configuration["expose-keys"] is { } expose)
        {
            if (!bool.TryParse(expose, out exposeKeys))
                throw new EmulatorStartupException($"--expose-keys must be true or false, not '{expose}'.");
        }

        var state = new EmulatorState();
        var changes = new StateChanges();
        string? dataFile = builder.Configuration["data-file"] is { Length: > 0 } d ? d : options.DataFile;
        var writer = dataFile is null ? null
            : StateStore.Open(dataFile, state, changes, () => LoadUsers(state, options, builder.Configuration["api-key"], builder.Configuration["users"]),
                builder.Configuration["api-key"] is { Length: > 0 } || builder.Configuration["users"] is { Length: > 0 });
        if (writer is null) LoadUsers(state, options, builder.Configuration["api-key"], builder.Configuration["users"]);

        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(changes);
        builder.Services.AddSingleton<SteadyEmits>();
        builder.Services.AddSingleton<FaultStore>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<EmulatorReset>();
        if (writer is not null) builder.Services.AddHostedService(_ => writer);
        builder.Services.AddRouting();

        var app = builder.Build();
        app.UseMiddleware<HostCheck>(allowedHosts);
        app.Use(changes.CountAsync);
        app.Use(ErrorBodies.HandleAsync);
        app.UseMiddleware<ControlGuard>();
        app.UseMiddleware<ApiMiddleware>();
        app.UseRouting();
        var steady = app.Services.GetRequiredService<SteadyEmits>();
        Routes.Map(app, state, app.Services.GetRequiredService<FaultStore>(), app.Services.GetRequiredService<RequestLog>(), steady,
            app.Services.GetRequiredService<EmulatorReset>(), exposeKeys);

        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStopping.Register(steady.StopAll);
        lifetime.ApplicationStarted.Register(() => started.Value = true);
        if (options.PrintStartupLines) lifetime.ApplicationStarted.Register(() => PrintStartupLines(app, state));
        return app;
    }

    private static bool IsHostingCategory(string? category) =>
        category is not null && (category.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal)
            || category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal)
            || category.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal));

    private static void LoadUsers(EmulatorState state, EmulatorOptions options, string? apiKeyArg, string? usersArg)
    {
        var specs = new List<EmulatorUser>();
        string? usersFile = string.IsNullOrWhiteSpace(usersArg) ? options.UsersFile : usersArg;
        if (!string.IsNullOrWhiteSpace(usersFile))
        {
            try
            {
                specs.AddRange(UsersFile.Load(usersFile));
            }
            catch (InvalidOperationException e)
            {
                throw new EmulatorStartupException(e.Message, e);
            }
        }
        specs.AddRange(options.Users);
        if (specs.Count == 0)
        {
            string? key = string.IsNullOrWhiteSpace(apiKeyArg) ? options.ApiKey : apiKeyArg;
            specs.Add(new EmulatorUser
            {
                Id = "u_emulator",
                Username = "emulator",
                Email = "emulator@example.com",
                ApiKey = string.IsNullOrWhiteSpace(key) ? null : key,
                Plan = "free",
                Orgs = { new EmulatorOrg { Id = "o_emulator", Name = "Emulator Org", Orgname = "emulator-org", Email = "emulator-org@example.com" } },
            });
        }
        state.Locked(() =>
        {
            foreach (var spec in specs)
            {
                try
                {
                    state.AddUser(spec);
                }
                catch (ApiException e)
                {
                    throw new EmulatorStartupException($"Bad user {spec.Id ?? spec.Username ?? "(unnamed)"}: {e.Message}", e);
                }
            }
        });
    }

    /// <summary>The addresses the server is bound to, with the real ports.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList()
        ?? (IReadOnlyList<string>)app.Urls.ToList();

    private static void PrintStartupLines(WebApplication app, EmulatorState state)
    {
        string address = Addresses(app).FirstOrDefault() ?? "(unknown)";
        var output = Console.Out;
        output.WriteLine($"PSPipedream emulator listening on {address}");
        output.WriteLine($"Base URI: {address.TrimEnd('/')}/v1");
        state.Locked(() =>
        {
            foreach (var u in state.Users)
                output.WriteLine($"User {u.Id} ({u.Username}) API key: {u.ApiKey}");
        });
        output.Flush();
    }
}
