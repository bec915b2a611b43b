using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace PSPipedream.Emulator.Tests;

[Collection("emulator")]
public sealed class SubscriptionTests(EmulatorFixture fx)
{
    private static async Task<HttpStatusCode> SubscribeAsync(TestUser u, string emitter, string listener, string? eventName = null)
    {
        string q = $"subscriptions?emitter_id={emitter}&listener_id={listener}" + (eventName is null ? "" : $"&event_name={Uri.EscapeDataString(eventName)}");
        using var resp = await u.Api.PostAsync(q, null);
        return resp.StatusCode;
    }

    private static async Task<int> EventCountAsync(TestUser u, string sourceId) =>
        (int)(await u.Api.GetJsonAsync($"sources/{sourceId}/event_summaries"))["page_info"]!["total_count"]!;

    [Fact]
    public async Task SourceListener_ReceivesEmittedEvents()
    {
        using var u = await fx.NewUserAsync();
        string emitter = (string)(await u.CreateSourceAsync("emitter"))["id"]!;
        string listener = (string)(await u.CreateSourceAsync("listener"))["id"]!;
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, emitter, listener));
        var result = await u.EmitAsync(emitter, new JsonObject { ["hello"] = "world" });
        var delivery = result["deliveries"]![0]!;
        Assert.Equal(listener, (string)delivery["listener_id"]!);
        Assert.Equal("delivered", (string)delivery["status"]!);
        var got = (await u.Api.GetJsonAsync($"sources/{listener}/event_summaries"))["data"]![0]!;
        Assert.Equal("world", (string)got["event"]!["hello"]!);
        Assert.Equal(emitter, (string)got["metadata"]!["emitter_id"]!);
    }

    [Fact]
    public async Task EventNames_OnlyMatchingStreamsAreDelivered()
    {
        using var u = await fx.NewUserAsync();
        string wf = await u.CreateWorkflowAsync();
        string onDefault = (string)(await u.CreateSourceAsync())["id"]!;
        string onErrors = (string)(await u.CreateSourceAsync())["id"]!;
        string onLogs = (string)(await u.CreateSourceAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, wf, onDefault, "default"));
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, wf, onErrors, "$errors"));
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, wf, onLogs, "$logs"));

        await u.EmitAsync(wf, new JsonObject { ["plain"] = 1 });
        await u.EmitAsync(wf, new JsonObject { ["error"] = new JsonObject { ["code"] = "X" } }, name: "$errors");
        await u.EmitAsync(wf, new JsonObject { ["log"] = "l" }, name: "$logs");
        Assert.Equal(1, await EventCountAsync(u, onDefault));
        Assert.Equal(1, await EventCountAsync(u, onErrors));
        Assert.Equal(1, await EventCountAsync(u, onLogs));
        var err = (await u.Api.GetJsonAsync($"sources/{onErrors}/event_summaries"))["data"]![0]!;
        Assert.Equal("$errors", (string)err["metadata"]!["name"]!);
    }

    [Fact]
    public async Task Globs_MatchAllOfTheOwnersSourcesOrWorkflows()
    {
        using var u = await fx.NewUserAsync();
        using var other = await fx.NewUserAsync();
        string listener = (string)(await u.CreateSourceAsync("listener"))["id"]!;
        string errListener = (string)(await u.CreateSourceAsync("errors"))["id"]!;
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, "dc_*", listener));
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, "p_*", errListener, "$errors"));
        string s1 = (string)(await u.CreateSourceAsync())["id"]!;
        string s2 = (string)(await u.CreateSourceAsync())["id"]!;
        string w1 = await u.CreateWorkflowAsync();
        string foreign = (string)(await other.CreateSourceAsync())["id"]!;

        await u.EmitAsync(s1);
        await u.EmitAsync(s2);
        await u.EmitAsync(listener);   // its own events are not fed back to it
        await other.EmitAsync(foreign); // another user's sources are not matched
        await u.EmitAsync(w1, new JsonObject { ["error"] = "boom" }, name: "$errors");
        await u.EmitAsync(w1);          // default stream: not for the $errors subscription

        var got = (await u.Api.GetJsonAsync($"sources/{listener}/event_summaries"))["data"]!.AsArray();
        // s1, s2, and the one emitted by the listener itself (kept once, not delivered again).
        Assert.Equal(new[] { s1, s2, listener }.OrderBy(x => x), got.Select(e => (string)e!["metadata"]!["emitter_id"]!).OrderBy(x => x));
        var errors = (await u.Api.GetJsonAsync($"sources/{errListener}/event_summaries"))["data"]!.AsArray();
        Assert.Single(errors);
        Assert.Equal(w1, (string)errors[0]!["metadata"]!["emitter_id"]!);
    }

    [Theory]
    [InlineData("x_123", "dc_")]
    [InlineData("dc_x*", "dc_")]
    [InlineData("dc_", "wh_*")]
    [InlineData("dc_", "u_abc")]
    public async Task BadIdShapes_Are400(string emitter, string listener)
    {
        using var u = await fx.NewUserAsync();
        string source = (string)(await u.CreateSourceAsync())["id"]!;
        emitter = emitter == "dc_" ? source : emitter;
        listener = listener == "dc_" ? source : listener;
        Assert.Equal(HttpStatusCode.BadRequest, await SubscribeAsync(u, emitter, listener));
    }

    [Fact]
    public async Task MissingParameters_Are400_UnknownIds_Are404()
    {
        using var u = await fx.NewUserAsync();
        string source = (string)(await u.CreateSourceAsync())["id"]!;
        using var noListener = await u.Api.PostAsync($"subscriptions?emitter_id={source}", null);
        await Http.AssertErrorAsync(noListener, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.NotFound, await SubscribeAsync(u, "dc_missing", source));
        Assert.Equal(HttpStatusCode.NotFound, await SubscribeAsync(u, source, "p_missing"));
        Assert.Equal(HttpStatusCode.NotFound, await SubscribeAsync(u, source, "wh_missing"));
        using var del = await u.Api.DeleteAsync($"subscriptions?listener_id={source}");
        await Http.AssertErrorAsync(del, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SubscribeWithJsonBody_InsteadOfQuery()
    {
        using var u = await fx.NewUserAsync();
        string source = (string)(await u.CreateSourceAsync())["id"]!;
        string wf = await u.CreateWorkflowAsync();
        using var resp = await u.Api.PostAsync("subscriptions",
            TestUser.Json(new JsonObject { ["emitter_id"] = source, ["listener_id"] = wf, ["event_name"] = "default" }));
        Assert.Equal(HttpStatusCode.OK, resp.StatusCode);
        Assert.Equal("default", (string)(await Http.ReadJsonAsync(resp))["data"]!["event_name"]!);
    }

    [Fact]
    public async Task Delete_MustMatchTheEventName()
    {
        using var u = await fx.NewUserAsync();
        string source = (string)(await u.CreateSourceAsync())["id"]!;
        string wf = await u.CreateWorkflowAsync();
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, source, wf, "test"));
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, source, wf));

        using var wrong = await u.Api.DeleteAsync($"subscriptions?emitter_id={source}&listener_id={wf}&event_name=other");
        await Http.AssertErrorAsync(wrong, HttpStatusCode.NotFound);
        using var empty = await u.Api.DeleteAsync($"subscriptions?emitter_id={source}&listener_id={wf}&event_name=");
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
        var left = (await u.Api.GetJsonAsync("users/me/subscriptions"))["data"]!.AsArray();
        Assert.Equal("test", (string)Assert.Single(left)!["event_name"]!);
        using var named = await u.Api.DeleteAsync($"subscriptions?emitter_id={source}&listener_id={wf}&event_name=test");
        Assert.Equal(HttpStatusCode.NoContent, named.StatusCode);
        Assert.Empty((await u.Api.GetJsonAsync("users/me/subscriptions"))["data"]!.AsArray());
    }

    [Fact]
    public async Task AutoSubscriptions_ApplyToSourcesAndWorkflowsCreatedLater()
    {
        using var u = await fx.NewUserAsync();
        string listener = (string)(await u.CreateSourceAsync("listener"))["id"]!;
        string existing = (string)(await u.CreateSourceAsync("existing"))["id"]!;
        using var auto = await u.Api.PostAsync($"auto_subscriptions?event_name=$errors&listener_id={listener}", null);
        Assert.Equal(HttpStatusCode.OK, auto.StatusCode);

        string later = (string)(await u.CreateSourceAsync("later"))["id"]!;
        string laterWf = await u.CreateWorkflowAsync();
        var subs = (await u.Api.GetJsonAsync("users/me/subscriptions?limit=100"))["data"]!.AsArray();
        var emitters = subs.Select(s => (string)s!["emitter_id"]!).ToHashSet();
        Assert.Contains(later, emitters);
        Assert.Contains(laterWf, emitters);
        Assert.DoesNotContain(existing, emitters);
        Assert.All(subs, s => Assert.Equal("$errors", (string)s!["event_name"]!));

        await u.EmitAsync(laterWf, new JsonObject { ["error"] = "x" }, name: "$errors");
        await u.EmitAsync(existing, new JsonObject { ["error"] = "y" }, name: "$errors");
        Assert.Equal(1, await EventCountAsync(u, listener));
    }

    [Fact]
    public async Task AutoSubscription_UnknownListener_Is404()
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("auto_subscriptions?event_name=$errors&listener_id=p_nothere", null);
        await Http.AssertErrorAsync(resp, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LoopbackWebhook_GetsARealPost_OtherHostsAreNotContacted()
    {
        var received = new ConcurrentQueue<(string Body, string? Emitter)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var sink = builder.Build();
        sink.MapPost("/hook", async (HttpContext ctx) =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            received.Enqueue((await reader.ReadToEndAsync(), ctx.Request.Headers["X-PD-Emitter-Id"].ToString()));
            return Results.Ok();
        });
        await sink.StartAsync();
        string sinkUrl = sink.Urls.First() + "/hook";

        using var u = await fx.NewUserAsync();
        string source = (string)(await u.CreateSourceAsync())["id"]!;
        using var local = await u.Api.PostAsync($"webhooks?url={Uri.EscapeDataString(sinkUrl)}", null);
        string localHook = (string)(await Http.ReadJsonAsync(local))["data"]!["id"]!;
        using var remote = await u.Api.PostAsync("webhooks?url=https://endpoint.m.pipedream.net/hook", null);
        string remoteHook = (string)(await Http.ReadJsonAsync(remote))["data"]!["id"]!;
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, source, localHook));
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, source, remoteHook));

        var result = await u.EmitAsync(source, new JsonObject { ["tweet"] = "hi" });
        var deliveries = result["deliveries"]!.AsArray().ToDictionary(d => (string)d!["listener_id"]!);
        Assert.Equal("delivered", (string)deliveries[localHook]!["status"]!);
        Assert.Equal(200, (int)deliveries[localHook]!["http_status"]!);
        Assert.Equal("skipped", (string)deliveries[remoteHook]!["status"]!);

        var (body, emitter) = Assert.Single(received);
        Assert.Equal("hi", (string)JsonNode.Parse(body)!["tweet"]!);
        Assert.Equal(source, emitter);
        await sink.StopAsync();
    }

    [Fact]
    public async Task DeletingASource_RemovesItsSubscriptions()
    {
        using var u = await fx.NewUserAsync();
        string a = (string)(await u.CreateSourceAsync())["id"]!;
        string b = (string)(await u.CreateSourceAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, await SubscribeAsync(u, a, b));
        using var _ = await u.Api.DeleteAsync($"sources/{b}");
        Assert.Empty((await u.Api.GetJsonAsync("users/me/subscriptions"))["data"]!.AsArray());
    }
}
