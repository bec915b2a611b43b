using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

/// <summary>Emits scheduled with every_seconds: they run in the background, stop at their count, and a reset stops them.</summary>
public sealed class SteadyEmitTests : ControlTests, IClassFixture<ControlFixture>
{
    public SteadyEmitTests(ControlFixture fx) : base(fx)
    {
    }

    private async Task<(HttpStatusCode Status, JsonNode Json)> ScheduleAsync(JsonObject body)
    {
        using var resp = await Control.PostAsync("_emulator/emit", TestUser.Json(body));
        return (resp.StatusCode, await Http.ReadJsonAsync(resp));
    }

    private async Task<int> CountAsync(string path) => (int)(await Api.GetJsonAsync(path))["page_info"]!["total_count"]!;

    /// <summary>Polls until the list holds <paramref name="want"/> events; fails after 15 s.</summary>
    private async Task WaitForAsync(string path, int want)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await CountAsync(path) < want)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} did not reach {want} events");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task EveryAndCount_EmitsInTheBackgroundThenStops()
    {
        string src = await NewSourceAsync();
        var (status, json) = await ScheduleAsync(new JsonObject
        {
            ["emitter_id"] = src, ["event"] = new JsonObject { ["tick"] = true }, ["every_seconds"] = 0.1, ["count"] = 3,
        });
        Assert.Equal(HttpStatusCode.Accepted, status);
        var s = json["data"]!;
        Assert.StartsWith("emit_", (string)s["id"]!);
        Assert.Equal(src, (string)s["emitter_id"]!);
        Assert.Equal(3, (int)s["count"]!);
        Assert.True(DateTimeOffset.Parse((string)s["last_at"]!) > DateTimeOffset.Parse((string)s["first_at"]!));

        string path = $"sources/{src}/event_summaries";
        await WaitForAsync(path, 3);
        await Task.Delay(500);
        Assert.Equal(3, await CountAsync(path));
        var ids = Http.Ids(await Api.GetJsonAsync(path));
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task Reset_StopsSteadyEmitting()
    {
        var options = new EmulatorOptions();
        options.Users.Add(new EmulatorUser { ApiKey = "steadykey0000000000000000000000a", Workflows = { "p_steady" } });
        await using var emu = await EmulatorHost.StartAsync(options: options);
        using var control = new HttpClient { BaseAddress = emu.RootUri };
        using var api = emu.CreateApiClient();
        using (var resp = await control.PostAsync("_emulator/emit", TestUser.Json(new JsonObject
               { ["emitter_id"] = "p_steady", ["every_seconds"] = 0.1, ["count"] = 10_000 })))
            Assert.Equal(HttpStatusCode.Accepted, resp.StatusCode);
        string path = "workflows/p_steady/event_summaries";
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((int)(await api.GetJsonAsync(path))["page_info"]!["total_count"]! == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no steady emit arrived");
            await Task.Delay(50);
        }
        using (var reset = await control.PostAsync("_emulator/reset", Http.NoBody()))
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        // The declared workflow outlives the reset; nothing is emitted to it any more.
        await Task.Delay(600);
        Assert.Equal(0, (int)(await api.GetJsonAsync(path))["page_info"]!["total_count"]!);
    }

    [Theory]
    [InlineData("""{"every_seconds": 1}""", "count is required")]
    [InlineData("""{"every_seconds": 0.01, "count": 2}""", "every_seconds must be from")]
    [InlineData("""{"every_seconds": 7200, "count": 2}""", "every_seconds must be from")]
    [InlineData("""{"every_seconds": 1, "count": 20000}""", "count must be from")]
    [InlineData("""{"every_seconds": 1, "count": 2, "timestamp": "2020-01-01T00:00:00Z"}""", "do not go together")]
    public async Task Schedule_RefusesWhatWouldNotEnd(string extra, string said)
    {
        string src = await NewSourceAsync();
        var body = JsonNode.Parse(extra)!.AsObject();
        body["emitter_id"] = src;
        var (status, json) = await ScheduleAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(said, (string)json["error"]!);
    }

    [Fact]
    public async Task Schedule_ForAnUnknownEmitter_Is404()
    {
        var (status, _) = await ScheduleAsync(new JsonObject { ["emitter_id"] = "dc_nothere", ["every_seconds"] = 1, ["count"] = 2 });
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
