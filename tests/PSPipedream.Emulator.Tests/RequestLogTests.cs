using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

public sealed class RequestLogTests(ControlFixture fx) : ControlTests(fx), IClassFixture<ControlFixture>
{
    [Fact]
    public async Task RequestLog_RecordsApiCallsWithoutTheKey()
    {
        using var clear = await Control.DeleteAsync("_emulator/requests");
        Assert.Equal(HttpStatusCode.NoContent, clear.StatusCode);
        await Api.GetJsonAsync("users/me/sources?limit=5");
        using var post = await Api.PostAsync("sources", TestUser.Json("""{"component_key": "http-new-requests", "name": "logged"}"""));
        using var anon = new HttpClient { BaseAddress = Fx.Host.RootUri };
        using var unauth = await anon.GetAsync("v1/users/me");
        await Control.GetJsonAsync("_emulator/users");

        using var raw = await Control.GetAsync("_emulator/requests");
        string text = await raw.Content.ReadAsStringAsync();
        Assert.DoesNotContain(ControlFixture.Key, text);
        var entries = JsonNode.Parse(text)!["data"]!.AsArray();
        Assert.Equal(3, entries.Count);
        Assert.Equal("GET", (string)entries[0]!["method"]!);
        Assert.Equal("/v1/users/me/sources", (string)entries[0]!["path"]!);
        Assert.Equal("limit=5", (string)entries[0]!["query"]!);
        Assert.Equal(200, (int)entries[0]!["status"]!);
        Assert.Null(entries[0]!["body"]);
        Assert.Equal("logged", (string)entries[1]!["body"]!["name"]!);
        Assert.Equal(401, (int)entries[2]!["status"]!);
        Assert.True((double)entries[0]!["duration_ms"]! >= 0);

        long seq = (long)entries[1]!["seq"]!;
        var since = (await Control.GetJsonAsync($"_emulator/requests?since={seq}"))["data"]!.AsArray();
        Assert.Equal((long)entries[2]!["seq"]!, (long)Assert.Single(since)!["seq"]!);
    }
}
