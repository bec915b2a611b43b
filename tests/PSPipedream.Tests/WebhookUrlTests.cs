using System.Collections;
using System.Linq;
using System.Management.Automation;
using PSPipedream.Cmdlets;
using PSPipedream.Connection;
using PSPipedream.Errors;
using Xunit;

namespace PSPipedream.Tests;

public class WebhookUrlTests
{
    [Theory]
    [InlineData("https://example.com/events")]
    [InlineData("http://example.com:8443/a/b?c=d&e=f")]
    [InlineData("https://example.com/users/@me")]
    [InlineData("https://example.com/?mail=a@b.c")]
    public void Plain_http_and_https_urls_pass(string url) => Assert.Null(PdValidation.CheckWebhookUrl(url));

    [Fact]
    public void White_space_and_control_characters_are_refused_anywhere()
    {
        foreach (var url in new[] { " https://example.com/x", "https://example.com/x ", "https://exa mple.com/x", "https://example.com/x\t",
                     "https://example.com/\r\nX-Injected: 1", "https://example.com/\u0007", "\u001b[2Jhttps://example.com/", "https://example.com/\u00a0" })
        {
            var problem = PdValidation.CheckWebhookUrl(url);
            Assert.NotNull(problem);
            Assert.Contains("is not a webhook URL: it contains white space or a control character", problem);
            Assert.DoesNotContain(problem!, char.IsControl);
        }
    }

    [Fact]
    public void User_info_is_refused_and_never_shown()
    {
        var cases = new (string Url, string Shown)[]
        {
            ("https://user:s3cret@example.com/events", "https://***@example.com/events"),
            ("https://user@example.com/", "https://***@example.com/"),
            ("https://:s3cret@example.com", "https://***@example.com"),
            ("https://@example.com", "https://***@example.com"),
            ("http://us%40er:s3cret%40x@example.com:8080/a?b=c", "http://***@example.com:8080/a?b=c"),
        };
        foreach (var (url, shown) in cases)
        {
            Assert.Equal("'" + shown + "' is not a webhook URL: it carries a user name or password before the host, " +
                "which would be written to every log that records the URL. Leave them out.", PdValidation.CheckWebhookUrl(url));
        }
    }

    [Fact]
    public void Other_refusals_hide_user_info_too()
    {
        foreach (var url in new[] { "ftp://user:s3cret@example.com/", "https:user:s3cret@example.com/", "https://user:s3cret@example.com/ x", "mysql://root:s3cret@db" })
        {
            var problem = PdValidation.CheckWebhookUrl(url);
            Assert.NotNull(problem);
            Assert.DoesNotContain("s3cret", problem);
            Assert.Contains("***@", problem);
        }
        Assert.Equal("The URL is empty.", PdValidation.CheckWebhookUrl("  "));
    }
}

[Collection("Emulator")]
public sealed class WebhookUrlCmdletTests : System.IDisposable
{
    private readonly EmulatorFixture _emu;

    public WebhookUrlCmdletTests(EmulatorFixture emu)
    {
        _emu = emu;
        _emu.Reset();
        _emu.Connect();
        _emu.ClearRequests();
    }

    public void Dispose() => PdSession.Clear();

    [Fact]
    public void Piped_urls_with_user_info_or_white_space_are_refused_one_by_one_and_the_rest_are_created()
    {
        using var ps = EmulatorFixture.NewShell();
        ps.AddScript("""
            'https://user:s3cret@example.com/a', 'https://example.com/ok', ' https://example.com/lead', "https://example.com/bell`a" |
                ForEach-Object { [pscustomobject]@{ Url = $_ } } | New-PdWebhook
            """);
        var output = ps.Invoke();
        Assert.Equal("https://example.com/ok", (string)Assert.Single(output).Properties["Url"].Value);
        Assert.Equal(3, ps.Streams.Error.Count);
        foreach (var error in ps.Streams.Error)
        {
            Assert.StartsWith(PdErrors.InvalidArgument, error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("'Url'", error.Exception.Message);
            var everything = error + " | " + error.Exception.Message + " | " + error.TargetObject + " | " + error.CategoryInfo.GetMessage();
            Assert.DoesNotContain("s3cret", everything);
            Assert.DoesNotContain(everything, char.IsControl);
        }
        var request = Assert.Single(_emu.Requests());
        Assert.Equal("POST", request.Method);
        Assert.Contains("example.com%2Fok", request.Query);
    }

    [Fact]
    public void A_url_with_a_password_given_directly_stops_the_cmdlet()
    {
        using var ps = EmulatorFixture.NewShell();
        ps.AddCommand("New-PdWebhook").AddParameter("Url", "https://admin:s3cret@hooks.example.com/in");
        var ex = Assert.ThrowsAny<RuntimeException>(() => ps.Invoke());
        var record = ((IContainsErrorRecord)ex).ErrorRecord;
        Assert.StartsWith(PdErrors.InvalidArgument, record.FullyQualifiedErrorId);
        Assert.Contains("'https://***@hooks.example.com/in'", record.Exception.Message);
        Assert.DoesNotContain("s3cret", record.ToString() + record.TargetObject);
        Assert.Empty(_emu.Requests());
    }
}
