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
        Assert.Equal(new Uri(uri), PdConnector.ParseBaseUri(uri, "-BaseUri"));

    [Theory]
    [InlineData("http://localhost.evil.com/v1")]
    [InlineData("http://127.0.0.1.nip.io/v1")]
    [InlineData("http://foo.localhost/v1")]
    [InlineData("http://0.0.0.0/v1")]
    [InlineData("http://10.0.0.1/v1")]
    [InlineData("http://api.pipedream.com/v1")]
    public void Http_to_anything_but_loopback_is_refused(string uri)
    {
        var ex = Assert.Throws<PdApiException>(() => PdConnector.ParseBaseUri(uri, "-BaseUri"));
        Assert.Equal("PdInsecureBaseUri", ex.ErrorId);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/v1")]
    [InlineData("api.pipedream.com/v1")]
    public void Other_schemes_and_relative_uris_are_invalid(string uri) =>
        Assert.Equal("PdInvalidArgument", Assert.Throws<PdApiException>(() => PdConnector.ParseBaseUri(uri, "-BaseUri")).ErrorId);
}
