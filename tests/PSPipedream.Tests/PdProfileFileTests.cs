using System;
using System.IO;
using PSPipedream.Cmdlets;
using PSPipedream.Connection;
using Xunit;

namespace PSPipedream.Tests;

public class PdProfileFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pspd-profile-" + Guid.NewGuid().ToString("N"));

    public PdProfileFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string text)
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Reads_sections_keys_comments_and_quotes()
    {
        var path = Write("""
            # the pd CLI's config
            ; another comment
            [default]
            api_key = aaaa1111
            org_id=o_default   # trailing comment

            [ Work ]
            API_KEY = "bbbb2222 # not a comment"
            org_id =
            """);
        var def = PdProfileFile.Read(path, "default")!;
        Assert.Equal("aaaa1111", def.ApiKey);
        Assert.Equal("o_default", def.OrgId);
        var work = PdProfileFile.Read(path, "work")!;
        Assert.Equal("bbbb2222 # not a comment", work.ApiKey);
        Assert.Null(work.OrgId);
    }

    [Fact]
    public void Missing_file_or_section_gives_null()
    {
        Assert.Null(PdProfileFile.Read(Path.Combine(_dir, "nope"), "default"));
        var path = Write("[default]\napi_key=x\n");
        Assert.Null(PdProfileFile.Read(path, "other"));
    }

    [Fact]
    public void Keys_outside_a_section_do_not_make_a_profile()
    {
        var path = Write("api_key=x\n");
        Assert.Null(PdProfileFile.Read(path, "default"));
        Assert.Null(PdProfileFile.Read(path, ""));
    }

    [Fact]
    public void Section_without_key_has_null_key()
    {
        var path = Write("[default]\norg_id=o_1\n");
        var p = PdProfileFile.Read(path, "default")!;
        Assert.Null(p.ApiKey);
        Assert.Equal("o_1", p.OrgId);
    }

    [Fact]
    public void Crlf_lines_are_read()
    {
        var path = Write("[default]\r\napi_key=abc\r\n");
        Assert.Equal("abc", PdProfileFile.Read(path, "default")!.ApiKey);
    }

    [Theory]
    [InlineData("api_key = \"abc\"   # the work key", "abc")]
    [InlineData("api_key='abc' ; note", "abc")]
    [InlineData("api_key = \"a \\\"b\"", "a \\\"b")]
    [InlineData("api_key = \"abc", "\"abc")]
    public void A_quoted_value_may_be_followed_by_a_comment(string line, string expected)
    {
        var path = Write("[default]\n" + line + "\n");
        Assert.Equal(expected, PdProfileFile.Read(path, "default")!.ApiKey);
    }

    [Fact]
    public void Byte_order_marks_and_repeated_sections_are_read()
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, "[default]\r\napi_key = a1\r\n[work]\r\napi_key=w\r\n[default]\r\norg_id = o_1\r\n", new System.Text.UnicodeEncoding(false, true));
        var p = PdProfileFile.Read(path, "default")!;
        Assert.Equal("a1", p.ApiKey);
        Assert.Equal("o_1", p.OrgId);
        File.WriteAllText(path, "[default]\napi_key=a2\n", new System.Text.UTF8Encoding(true));
        Assert.Equal("a2", PdProfileFile.Read(path, "default")!.ApiKey);
        Assert.Equal("a3", PdProfileFile.Parse("\uFEFF[default]\napi_key=a3")["default"]["api_key"]);
    }

    [Fact]
    [Trait("Env", "XDG")]
    public void Default_path_uses_xdg_config_home()
    {
        var saved = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", _dir);
            Assert.Equal(Path.Combine(_dir, "pipedream", "config"), PdProfileFile.DefaultPath());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", saved);
        }
    }

    [Theory]
    [InlineData("dc_abc", null)]
    [InlineData("", "The id is empty.")]
    [InlineData("sc_abc", "'sc_abc' is not a valid id: it should start with 'dc_'.")]
    [InlineData("dc_a b", "The id 'dc_a b' contains white space.")]
    public void Id_validation(string id, string? problem) => Assert.Equal(problem, PdValidation.CheckId(id, "dc_"));
}
