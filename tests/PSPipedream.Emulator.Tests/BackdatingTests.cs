using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

/// <summary>Events and sources that look old: control-API times, their ids, their order, and retention.</summary>
[Collection("emulator")]
public sealed class BackdatingTests(EmulatorFixture fx)
{
    private static long DaysAgoMs(double days) => DateTimeOffset.UtcNow.AddDays(-days).ToUnixTimeMilliseconds();

    private static async Task<JsonNode> EmitAtAsync(TestUser u, string emitter, object timestamp, int count = 1, JsonNode? evt = null,
        string name = "")
    {
        var body = new JsonObject
        {
            ["emitter_id"] = emitter, ["event"] = evt ?? new JsonObject { ["old"] = true }, ["count"] = count, ["name"] = name,
            ["timestamp"] = JsonValue.Create(timestamp),
        };
        using var resp = await u.Control.PostAsync("_emulator/emit", TestUser.Json(body));
        var json = await Http.ReadJsonAsync(resp);
        Assert.True(resp.StatusCode == HttpStatusCode.Created, json.ToJsonString());
        return json["data"]!;
    }

    private static async Task<JsonArray> EventsAsync(TestUser u, string sourceId) =>
        (await u.Api.GetJsonAsync($"sources/{sourceId}/event_summaries?limit=100"))["data"]!.AsArray();

    [Fact]
    public async Task BackdatedEvent_TakesItsTimeAndItsPlaceAmongTheOthers()
    {
        using var u = await fx.NewUserAsync();
        string src = (string)(await u.CreateSourceAsync())["id"]!;
        await u.EmitAsync(src, new JsonObject { ["n"] = "now" });
        long tenDays = DaysAgoMs(10), twoDays = DaysAgoMs(2);
        await EmitAtAsync(u, src, tenDays, evt: new JsonObject { ["n"] = "ten" });
        await EmitAtAsync(u, src, DateTimeOffset.FromUnixTimeMilliseconds(twoDays).ToString("o"), evt: new JsonObject { ["n"] = "two" });

        var events = await EventsAsync(u, src);
        Assert.Equal(["now", "two", "ten"], events.Select(e => (string)e!["event"]!["n"]!).ToArray());
        var ten = events[2]!;
        Assert.Equal(tenDays, (long)ten["indexed_at_ms"]!);
        Assert.StartsWith($"{tenDays}-", (string)ten["id"]!);
        Assert.Equal(twoDays, (long)events[1]!["indexed_at_ms"]!);

        // An event emitted now still comes first, and the old ones page as any others do.
        await u.EmitAsync(src, new JsonObject { ["n"] = "later" });
        var page = await u.Api.GetJsonAsync($"sources/{src}/event_summaries?limit=2&after={events[0]!["id"]}");
        Assert.Equal(["two", "ten"], page["data"]!.AsArray().Select(e => (string)e!["event"]!["n"]!).ToArray());
    }

    [Fact]
    public async Task BackdatedEventsOfOneMoment_GetUniqueIds()
    {
        using var u = await fx.NewUserAsync();
        string src = (string)(await u.CreateSourceAsync())["id"]!;
        long at = DaysAgoMs(40);
        var first = await EmitAtAsync(u, src, at, count: 3);
        var second = await EmitAtAsync(u, src, at);
        string[] ids = [.. first["ids"]!.AsArray().Select(x => (string)x!), (string)second["ids"]![0]!];
        Assert.Equal(4, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith($"{at}-", id));
        Assert.Equal(4, (await EventsAsync(u, src)).Count);

        // Deleting the range of that moment deletes exactly those.
        await u.EmitAsync(src);
        using var del = await u.Api.DeleteAsync($"sources/{src}/events?start_id={at}-0&end_id={at}-99");
        Assert.Equal(HttpStatusCode.Accepted, del.StatusCode);
        Assert.Single(await EventsAsync(u, src));
    }

    [Fact]
    public async Task Retention_KeepsTheNewestHundred_BackdatedOnesIncluded()
    {
        using var u = await fx.NewUserAsync();
        string src = (string)(await u.CreateSourceAsync())["id"]!;
        await EmitAtAsync(u, src, DaysAgoMs(5), count: 100, evt: new JsonObject { ["n"] = "five" });
        await EmitAtAsync(u, src, DaysAgoMs(9), evt: new JsonObject { ["n"] = "nine" });
        var events = await EventsAsync(u, src);
        Assert.Equal(100, events.Count);
        Assert.DoesNotContain(events, e => (string)e!["event"]!["n"]! == "nine");

        await EmitAtAsync(u, src, DaysAgoMs(1), count: 30, evt: new JsonObject { ["n"] = "one" });
        await u.EmitAsync(src, new JsonObject { ["n"] = "now" }, count: 50);
        events = await EventsAsync(u, src);
        Assert.Equal(100, events.Count);
        var counts = events.GroupBy(e => (string)e!["event"]!["n"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(50, counts["now"]);
        Assert.Equal(30, counts["one"]);
        Assert.Equal(20, counts["five"]);
        var times = events.Select(e => (long)e!["indexed_at_ms"]!).ToArray();
        Assert.Equal(times.OrderDescending(), times);
    }

    [Fact]
    public async Task BackdatedEmit_ReachesSubscribersWithTheSameTime()
    {
        using var u = await fx.NewUserAsync();
        string emitter = (string)(await u.CreateSourceAsync())["id"]!;
        string listener = (string)(await u.CreateSourceAsync())["id"]!;
        using (var sub = await u.Api.PostAsync($"subscriptions?emitter_id={emitter}&listener_id={listener}", null))
            Assert.Equal(HttpStatusCode.OK, sub.StatusCode);
        long at = DaysAgoMs(3);
        await EmitAtAsync(u, emitter, at);
        Assert.Equal(at, (long)(await EventsAsync(u, listener))[0]!["indexed_at_ms"]!);
    }

    [Theory]
    [InlineData("2999-01-01T00:00:00Z", "future")]
    [InlineData("1969-12-31T23:59:59Z", "1970")]
    [InlineData("yesterday", "ISO 8601")]
    public async Task Emit_RefusesATimeItCannotUse(string timestamp, string said)
    {
        using var u = await fx.NewUserAsync();
        string src = (string)(await u.CreateSourceAsync())["id"]!;
        using var resp = await u.Control.PostAsync("_emulator/emit",
            TestUser.Json(new JsonObject { ["emitter_id"] = src, ["timestamp"] = timestamp }));
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        Assert.Contains(said, (string)(await Http.ReadJsonAsync(resp))["error"]!);
        Assert.Empty(await EventsAsync(u, src));
    }

    [Fact]
    public async Task Seed_WithCreatedAt_MakesOldSources()
    {
        using var u = await fx.NewUserAsync();
        var at = DateTimeOffset.UtcNow.AddDays(-45);
        using var resp = await u.Control.PostAsync("_emulator/seed",
            TestUser.Json(new JsonObject { ["count"] = 2, ["owner_id"] = u.Id, ["created_at"] = at.ToString("o") }));
        Assert.Equal(HttpStatusCode.Created, resp.StatusCode);
        var sources = (await u.Api.GetJsonAsync("users/me/sources"))["data"]!.AsArray();
        Assert.Equal(2, sources.Count);
        Assert.All(sources, s =>
        {
            Assert.Equal(at.ToUnixTimeSeconds(), (long)s!["created_at"]!);
            Assert.Equal(at.ToUnixTimeSeconds(), (long)s!["updated_at"]!);
        });

        using var future = await u.Control.PostAsync("_emulator/seed",
            TestUser.Json(new JsonObject { ["count"] = 1, ["owner_id"] = u.Id, ["created_at"] = DateTimeOffset.UtcNow.AddDays(1).ToString("o") }));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }

    [Fact]
    public async Task WorkflowErrors_AnswerInEitherShape()
    {
        using var u = await fx.NewUserAsync();
        string nested = await u.CreateWorkflowAsync();
        using var made = await u.Control.PostAsync("_emulator/workflows",
            TestUser.Json(new JsonObject { ["owner_id"] = u.Id, ["errors_shape"] = "top_level" }));
        var made_ = (await Http.ReadJsonAsync(made))["data"]!;
        Assert.Equal("top_level", (string)made_["errors_shape"]!);
        string topLevel = (string)made_["id"]!;
        var error = new JsonObject
        {
            ["original_event"] = new JsonObject { ["name"] = "Luke" },
            ["original_context"] = new JsonObject { ["id"] = "ctx1" },
            ["error"] = new JsonObject { ["code"] = "InternalFailure", ["cellId"] = "c_1" },
        };
        await u.EmitAsync(nested, error.DeepClone(), name: "$errors");
        await u.EmitAsync(topLevel, error.DeepClone(), name: "$errors");

        var a = (await u.Api.GetJsonAsync($"workflows/{nested}/$errors/event_summaries"))["data"]![0]!;
        Assert.Equal("Luke", (string)a["event"]!["original_event"]!["name"]!);
        Assert.Null(a["original_event"]);

        var b = (await u.Api.GetJsonAsync($"workflows/{topLevel}/$errors/event_summaries"))["data"]![0]!;
        Assert.Equal("Luke", (string)b["original_event"]!["name"]!);
        Assert.Equal("ctx1", (string)b["original_context"]!["id"]!);
        Assert.Equal("InternalFailure", (string)b["error"]!["code"]!);
        Assert.Null(b["event"]!["original_event"]);
        Assert.Equal("$errors", (string)b["metadata"]!["name"]!);

        using var bad = await u.Control.PostAsync("_emulator/workflows", TestUser.Json(new JsonObject { ["errors_shape"] = "sideways" }));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
