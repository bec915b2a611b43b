using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

[Collection("emulator")]
public sealed class WebhookUrlTests(EmulatorFixture fx)
{
    [Theory]
    [InlineData(" https://example.com/hook")]
    [InlineData("https://example.com/hook ")]
    [InlineData("https://example.com/a b")]
    [InlineData("https://example.com/hook\t")]
    [InlineData("https://example.com/hook\n")]
    [InlineData("https://exam\r\nple.com/hook")]
    [InlineData("https://example.com/\u0000")]
    [InlineData("https://example.com/\u007f")]
    [InlineData("https://example.com/\u0085")]
    [InlineData("\u00a0https://example.com/hook")]
    [InlineData("https://example.com/\u2028")]
    public async Task WhitespaceOrControlCharacters_Are400(string url) =>
        await AssertRefusedAsync(url, "whitespace or control characters");

    [Theory]
    [InlineData("https://user:pass@example.com/")]
    [InlineData("https://user@example.com/")]
    [InlineData("https://:pass@example.com/")]
    [InlineData("https://@example.com/")]
    [InlineData("http://user:pass@127.0.0.1:8080/hook")]
    [InlineData("https://user%40corp:p%3Ass@example.com/")]
    public async Task UserInfo_Is400(string url) => await AssertRefusedAsync(url, "user name or password");

    [Theory]
    [InlineData("https://example.com/a%20b")]
    [InlineData("https://example.com/users/@me")]
    [InlineData("https://example.com/hook?from=a@b.example")]
    [InlineData("https://example.com/hook#x@y")]
    public async Task AtSignsOutsideTheHost_AndEncodedSpaces_AreFine(string url)
    {
        using var u = await fx.NewUserAsync();
        using var resp = await u.Api.PostAsync("webhooks", TestUser.Json(new JsonObject { ["url"] = url }));
        var body = await Http.ReadJsonAsync(resp);
        Assert.True(resp.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Equal(url, (string)body["data"]!["url"]!);
    }

    /// <summary>Sent in the query string and in a JSON body: both are refused, with a message that says why.</summary>
    private async Task AssertRefusedAsync(string url, string reason)
    {
        using var u = await fx.NewUserAsync();
        using var inQuery = await u.Api.PostAsync($"webhooks?url={Uri.EscapeDataString(url)}", null);
        await AssertRefusalAsync(inQuery, reason);
        using var inBody = await u.Api.PostAsync("webhooks", TestUser.Json(new JsonObject { ["url"] = url }));
        await AssertRefusalAsync(inBody, reason);
        Assert.Equal(0, (int)(await u.Api.GetJsonAsync("users/me/webhooks"))["page_info"]!["total_count"]!);
    }

    private static async Task AssertRefusalAsync(HttpResponseMessage resp, string reason)
    {
        var json = await Http.ReadJsonAsync(resp);
        Assert.Equal(HttpStatusCode.BadRequest, resp.StatusCode);
        Assert.Contains(reason, (string)json["error"]!);
    }
}
