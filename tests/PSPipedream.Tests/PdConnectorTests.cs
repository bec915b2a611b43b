using System;
using PSPipedream.Connection;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

public class PdConnectorTests
{
    [Theory]
    [InlineData("http://localhost:5000/v1")]
    [InlineData("http://127.0.0.1/v1")]
    [InlineData("http://127.45.6.7/v1")]
    [InlineData("http://[::1]:8080/v1")]
    [InlineData("https://api.pipedream.com/v1")]
    [InlineData("https://localhost.evil.com/v1")]
    public void Https_anywhere_and_http_to_loopback_are_accepted(string uri) =>
        Assert.Equal(new Uri(uri), PdBaseUri.Parse(uri, "-BaseUri"));

    [Theory]
    [InlineData("http://localhost.evil.com/v1")]
    [InlineData("http://127.0.0.1.nip.io/v1")]
    [InlineData("http://foo.localhost/v1")]
    [InlineData("http://0.0.0.0/v1")]
    [InlineData("http://10.0.0.1/v1")]
    [InlineData("http://api.pipedream.com/v1")]
    public void Http_to_anything_but_loopback_is_refused(string uri)
    {
        var ex = Assert.Throws<PdApiException>(() => PdBaseUri.Parse(uri, "-BaseUri"));
        Assert.Equal("PdInsecureBaseUri", ex.ErrorId);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/v1")]
    [InlineData("api.pipedream.com/v1")]
    public void Other_schemes_and_relative_uris_are_invalid(string uri) =>
        Assert.Equal("PdInvalidArgument", Assert.Throws<PdApiException>(() => PdBaseUri.Parse(uri, "-BaseUri")).ErrorId);
}

[Collection("Emulator")]
public sealed class PdConnectorVerifyTests
{
    private readonly EmulatorFixture _emu;

    public PdConnectorVerifyTests(EmulatorFixture emu)
    {
        _emu = emu;
        _emu.Reset();
    }

    [Fact]
    public async System.Threading.Tasks.Task A_good_key_fills_in_the_user_and_reports_the_check_to_the_sink()
    {
        var traces = new System.Collections.Generic.List<PdTrace>();
        var connection = PdConnector.Create(EmulatorFixture.Key, _emu.Host.BaseUri, "o_x", "Parameter", null);
        Assert.Null(connection.UserId);
        var verified = await PdConnector.VerifyAsync(connection, traces.Add, captureBodies: true, System.Threading.CancellationToken.None);
        Assert.Same(connection, verified);
        Assert.Equal("u_emulator", verified.UserId);
        Assert.Equal("o_x", verified.OrgId);
        var trace = Assert.Single(traces);
        Assert.Equal(200, trace.StatusCode);
        Assert.EndsWith("/users/me", trace.Uri.AbsolutePath);
        Assert.NotNull(trace.ResponseBody);
        connection.Client.Dispose();
    }

    [Fact]
    public async System.Threading.Tasks.Task A_refused_key_throws_and_the_client_is_disposed()
    {
        var connection = PdConnector.Create("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", _emu.Host.BaseUri, null, "Parameter", null);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => PdConnector.VerifyAsync(connection, null, false, System.Threading.CancellationToken.None));
        Assert.Equal("PdUnauthorized", ex.ErrorId);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.Client.SendAsync(PdRequest.Get("users", "me"), System.Threading.CancellationToken.None));
    }

    [Fact]
    public async System.Threading.Tasks.Task A_root_without_v1_gets_the_advice()
    {
        var root = new Uri(_emu.Host.BaseUri.GetLeftPart(UriPartial.Authority) + "/");
        var connection = PdConnector.Create(EmulatorFixture.Key, root, null, "Parameter", null);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => PdConnector.VerifyAsync(connection, null, false, System.Threading.CancellationToken.None));
        Assert.EndsWith("Did you mean -BaseUri " + root.GetLeftPart(UriPartial.Authority) + "/v1?", ex.Message);
    }

    [Theory]
    [InlineData("/v2", "/v1")]
    [InlineData("/v2/", "/v1")]
    [InlineData("/gateway/v0", "/gateway/v1")]
    public async System.Threading.Tasks.Task Another_version_gets_the_advice_with_v1(string path, string meant)
    {
        var authority = _emu.Host.BaseUri.GetLeftPart(UriPartial.Authority);
        var connection = PdConnector.Create(EmulatorFixture.Key, new Uri(authority + path), null, "Parameter", null);
        var ex = await Assert.ThrowsAsync<PdApiException>(() => PdConnector.VerifyAsync(connection, null, false, System.Threading.CancellationToken.None));
        Assert.Equal("PdNotFound", ex.ErrorId);
        Assert.EndsWith("Did you mean -BaseUri " + authority + meant + "?", ex.Message);
    }

    [Theory]
    [InlineData("https://api.pipedream.com/v1", null)]
    [InlineData("https://api.pipedream.com/other", null)]
    [InlineData("https://api.pipedream.com/", "https://api.pipedream.com/v1")]
    [InlineData("https://api.pipedream.com/v10", "https://api.pipedream.com/v1")]
    [InlineData("https://api.pipedream.com/v2x", null)]
    public void The_suggestion_is_made_only_for_a_missing_or_other_version(string baseUri, string? expected)
    {
        Assert.Equal(expected, PdBaseUri.Suggestion(new Uri(baseUri)));
    }
}
