using System;
using System.Globalization;
using System.Net.Http;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

public class PdRetryAfterTests
{
    private static HttpResponseMessage Answer(string? retryAfter)
    {
        var response = new HttpResponseMessage((System.Net.HttpStatusCode)429);
        if (retryAfter != null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    [Fact]
    public void SecondsAreTheWait()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), PdRetryAfter.Read(Answer("7")));
    }

    [Fact]
    public void ADateIsTheTimeLeftUntilIt()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(2).ToString("r", CultureInfo.InvariantCulture);
        var wait = PdRetryAfter.Read(Answer(at))!.Value;
        Assert.InRange(wait, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(120));
    }

    [Fact]
    public void ADateAlreadyPastIsNoWait()
    {
        Assert.Equal(TimeSpan.Zero, PdRetryAfter.Read(Answer("Wed, 21 Oct 2015 07:28:00 GMT")));
    }

    [Fact]
    public void NoHeaderOrOneThatDoesNotParseAsksForNothing()
    {
        Assert.Null(PdRetryAfter.Read(Answer(null)));
        Assert.Null(PdRetryAfter.Read(Answer("soon")));
    }
}
