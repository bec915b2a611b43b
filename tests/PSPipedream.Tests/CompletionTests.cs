using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream.Cmdlets;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

public class CompletionTests
{
    private const string Key = "k3y0123456789abcdefghijklmnopqrs";
    private static readonly Uri Base = new("http://127.0.0.1:9/v1");

    private static PdConnection Connect(FakeHandler handler) =>
        new(new PdClient(Base, Key, null, handler), null, "Parameter", "****pqrs");

    private static IReadOnlyList<PdCompletionItem> Items(params string[] values) =>
        values.Select(v => new PdCompletionItem(v, null, v)).ToList();

    [Fact]
    public void Cache_keeps_a_list_for_a_minute_per_connection_and_key()
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var cache = new PdCompletionCache(() => now);
        var first = new object();
        var second = new object();
        var fetches = 0;
        IReadOnlyList<PdCompletionItem> Fetch() { fetches++; return Items("dc_" + fetches); }

        Assert.Equal("dc_1", cache.GetOrFetch(first, "sources:me", Fetch)[0].Value);
        now += TimeSpan.FromSeconds(59);
        Assert.Equal("dc_1", cache.GetOrFetch(first, "sources:me", Fetch)[0].Value);
        Assert.Equal(1, fetches);

        Assert.Equal("dc_2", cache.GetOrFetch(first, "sources:o_x", Fetch)[0].Value);
        Assert.Equal("dc_3", cache.GetOrFetch(second, "sources:me", Fetch)[0].Value);

        now += TimeSpan.FromSeconds(1);
        Assert.Null(cache.Peek(first, "sources:me"));
        Assert.Equal("dc_4", cache.GetOrFetch(first, "sources:me", Fetch)[0].Value);
        Assert.Equal(new[] { "dc_4", "dc_2" }, cache.PeekAll(first, "sources:").Select(i => i.Value).OrderByDescending(v => v));
    }

    [Fact]
    public void Cache_remembers_component_keys_once_each_latest_last_and_bounded()
    {
        var cache = new PdCompletionCache();
        var connection = new object();
        cache.AddComponentKey(connection, "rss-new-item-in-feed", "rss");
        cache.AddComponentKey(connection, "http-new-requests", null);
        cache.AddComponentKey(connection, "rss-new-item-in-feed", null);
        cache.AddComponentKey(connection, " ", null);

        var keys = cache.ComponentKeys(connection);
        Assert.Equal(new[] { "http-new-requests", "rss-new-item-in-feed" }, keys.Select(k => k.Value));
        Assert.Equal("rss", keys[1].ToolTip);
        Assert.Empty(cache.ComponentKeys(new object()));

        for (var i = 0; i < PdCompletionCache.MaxSeenKeys + 5; i++) cache.AddComponentKey(connection, "key-" + i, null);
        Assert.Equal(PdCompletionCache.MaxSeenKeys, cache.ComponentKeys(connection).Count);
        Assert.Equal("key-" + (PdCompletionCache.MaxSeenKeys + 4), cache.ComponentKeys(connection).Last().Value);
    }

    [Theory]
    [InlineData("dc_abc123", "dc_abc123")]
    [InlineData("rss-new-item-in-feed", "rss-new-item-in-feed")]
    [InlineData("$errors", "'$errors'")]
    [InlineData("side project", "'side project'")]
    [InlineData("it's", "'it''s'")]
    [InlineData("-x", "'-x'")]
    [InlineData("a;b", "'a;b'")]
    [InlineData("@x", "'@x'")]
    [InlineData("", "''")]
    public void Quote_gives_what_PowerShell_reads_back_unchanged(string value, string expected) =>
        Assert.Equal(expected, PdCompleter.Quote(value));

    [Fact]
    public void Complete_matches_a_prefix_or_a_wildcard_on_value_or_name_each_value_once()
    {
        var items = new List<PdCompletionItem>
        {
            new("dc_1", "alpha feed", "alpha feed"),
            new("dc_2", "beta", "beta"),
            new("dc_1", null, "again"),
        };

        Assert.Equal(new[] { "dc_1", "dc_2" }, PdCompleter.Complete(items, "").Select(r => r.CompletionText));
        Assert.Equal(new[] { "dc_2" }, PdCompleter.Complete(items, "BE").Select(r => r.CompletionText));
        Assert.Equal(new[] { "dc_1" }, PdCompleter.Complete(items, "'alpha f").Select(r => r.CompletionText));
        Assert.Equal(new[] { "dc_1" }, PdCompleter.Complete(items, "*feed").Select(r => r.CompletionText));
        Assert.Equal("alpha feed", PdCompleter.Complete(items, "dc_1").Single().ToolTip);
        Assert.Empty(PdCompleter.Complete(items, "gamma"));
    }

    [Fact]
    public void A_completion_request_is_sent_once_however_the_server_fails()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json("{\"error\":\"down\"}", HttpStatusCode.ServiceUnavailable));
        var connection = Connect(handler);
        var completer = new WebhookIdCompleter { Cache = new PdCompletionCache() };
        var bound = new Hashtable { ["Connection"] = connection };

        Assert.Empty(completer.CompleteArgument("Remove-PdWebhook", "Id", "", null!, bound));
        Assert.Empty(completer.CompleteArgument("Remove-PdWebhook", "Id", "", null!, bound));
        Assert.Single(handler.Requests);
        Assert.Equal(3, connection.MaxRetries);
    }

    [Fact]
    public void A_completion_gives_up_after_two_seconds_with_nothing()
    {
        var handler = new FakeHandler(async (_, token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), token);
            return FakeHandler.Json("{\"data\":[]}");
        });
        var completer = new SourceIdCompleter { Cache = new PdCompletionCache() };
        var bound = new Hashtable { ["Connection"] = Connect(handler) };

        var watch = Stopwatch.StartNew();
        var results = completer.CompleteArgument("Get-PdSource", "Id", "", null!, bound);
        watch.Stop();

        Assert.Empty(results);
        Assert.InRange(watch.Elapsed.TotalSeconds, 1.5, 3.0);
    }

    [Fact]
    public void Source_completion_reads_ids_and_names_of_the_org_on_the_command_line()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(
            "{\"page_info\":{},\"data\":[{\"id\":\"dc_a\",\"name\":\"my feed\"},{\"id\":\"dc_b\",\"name\":\"other\"}]}"));
        var completer = new SourceIdCompleter { Cache = new PdCompletionCache() };
        var bound = new Hashtable { ["Connection"] = Connect(handler), ["OrgId"] = "o_team" };

        var results = completer.CompleteArgument("Get-PdSource", "Id", "my", null!, bound).ToList();

        Assert.Equal("dc_a", Assert.Single(results).CompletionText);
        Assert.Equal("my feed", results[0].ToolTip);
        Assert.Equal("/v1/orgs/o_team/sources?limit=100", Assert.Single(handler.Requests).Uri.PathAndQuery);
    }

    /// <summary>A server with 3,000 sources, seed-0 to seed-2999, served 100 a page by an "after" cursor.</summary>
    private static FakeHandler LargeAccount(Func<int, Task>? beforePage = null) => new(async (request, token) =>
    {
        var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var start = query["after"] == null ? 0 : int.Parse(query["after"]!, System.Globalization.CultureInfo.InvariantCulture);
        var limit = int.Parse(query["limit"] ?? "10", System.Globalization.CultureInfo.InvariantCulture);
        if (beforePage != null) await beforePage(start / 100);
        var end = Math.Min(start + limit, 3000);
        var data = string.Join(",", Enumerable.Range(start, end - start).Select(i => $"{{\"id\":\"dc_{i}\",\"name\":\"seed-{i}\"}}"));
        var cursor = end < 3000 ? $"\"end_cursor\":\"{end}\"," : "";
        return FakeHandler.Json($"{{\"page_info\":{{{cursor}\"total_count\":3000,\"count\":{end - start}}},\"data\":[{data}]}}");
    });

    [Fact]
    public void Source_completion_walks_up_to_ten_pages_and_finds_a_source_past_the_first_hundred()
    {
        var handler = LargeAccount();
        var completer = new SourceIdCompleter { Cache = new PdCompletionCache() };
        var bound = new Hashtable { ["Connection"] = Connect(handler) };

        Assert.Equal(new[] { "dc_999" }, completer.CompleteArgument("Get-PdSource", "Id", "seed-999", null!, bound).Select(r => r.CompletionText));
        Assert.Empty(completer.CompleteArgument("Get-PdSource", "Id", "seed-1000", null!, bound));
        Assert.Equal(10, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Contains("limit=100", r.Uri.Query));
    }

    [Fact]
    public void A_walk_cut_by_the_two_second_cap_keeps_the_pages_it_read()
    {
        var handler = LargeAccount(page => page >= 2 ? Task.Delay(TimeSpan.FromSeconds(30)) : Task.CompletedTask);
        var completer = new SourceIdCompleter { Cache = new PdCompletionCache() };
        var bound = new Hashtable { ["Connection"] = Connect(handler) };

        var results = completer.CompleteArgument("Get-PdSource", "Id", "", null!, bound).ToList();

        Assert.Equal(200, results.Count);
        Assert.Equal("dc_199", results[^1].CompletionText);
    }

    [Fact]
    public void Name_completion_offers_each_name_once_escaped_for_wildcards_and_quoted()
    {
        var handler = new FakeHandler(_ => FakeHandler.Json(
            "{\"page_info\":{\"total_count\":4},\"data\":[{\"id\":\"dc_a\",\"name\":\"news 'daily' [v2]\"},{\"id\":\"dc_b\",\"name\":\"plain\"}," +
            "{\"id\":\"dc_c\",\"name\":\"plain\"},{\"id\":\"dc_d\"}]}"));
        var completer = new SourceNameCompleter { Cache = new PdCompletionCache() };
        var bound = new Hashtable { ["Connection"] = Connect(handler) };

        var results = completer.CompleteArgument("Get-PdSource", "Name", "", null!, bound).ToList();

        Assert.Equal(new[] { "'news ''daily'' `[v2`]'", "plain" }, results.Select(r => r.CompletionText));
        Assert.Equal("news 'daily' [v2] (dc_a)", results[0].ToolTip);
        Assert.Equal("plain (dc_b, dc_c)", results[1].ToolTip);
        Assert.Equal(new[] { "'news ''daily'' `[v2`]'" }, completer.CompleteArgument("Get-PdSource", "Name", "'news", null!, bound).Select(r => r.CompletionText));
        Assert.Single(handler.Requests);
    }
}
