using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

public class PdPagerTests
{
    /// <summary>A fake list of n items answering limit/after/before like the API; records each request's query.</summary>
    private sealed class FakeList
    {
        private readonly int _count;
        public readonly List<Dictionary<string, string>> Calls = new();
        public Func<int, PdPageInfo, PdPageInfo>? Tamper;

        public FakeList(int count) => _count = count;

        public PdPage Fetch(PdRequest request)
        {
            var q = request.Query.ToDictionary(kv => kv.Key, kv => kv.Value);
            Calls.Add(q);
            var limit = q.TryGetValue("limit", out var l) ? int.Parse(l) : 10;
            int start, end;
            if (q.TryGetValue("before", out var b))
            {
                end = int.Parse(b.Substring(1));
                start = Math.Max(0, end - limit);
            }
            else
            {
                start = q.TryGetValue("after", out var a) ? int.Parse(a.Substring(1)) + 1 : 0;
                end = Math.Min(_count, start + limit);
            }
            var items = Enumerable.Range(start, Math.Max(0, end - start)).Select(i => (JToken)new JObject { ["id"] = "dc_" + i }).ToList();
            var info = new PdPageInfo
            {
                TotalCount = _count,
                Count = items.Count,
                StartCursor = items.Count > 0 ? "c" + start : null,
                EndCursor = items.Count > 0 ? "c" + (end - 1) : null,
            };
            if (Tamper != null) info = Tamper(Calls.Count, info);
            return new PdPage(items, info);
        }
    }

    private static List<string> Ids(IEnumerable<PdPage> pages) => pages.SelectMany(p => p.Items).Select(t => (string)t["id"]!).ToList();

    [Fact]
    public void Default_is_one_page_without_limit()
    {
        var list = new FakeList(25);
        var ids = Ids(PdPager.Pages(PdRequest.Get("users", "me", "sources"), new PdPagingOptions(), list.Fetch));
        Assert.Equal(10, ids.Count);
        Assert.Single(list.Calls);
        Assert.False(list.Calls[0].ContainsKey("limit"));
    }

    [Fact]
    public void PageSize_alone_is_one_page_of_that_size()
    {
        var list = new FakeList(25);
        var ids = Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { PageSize = 7 }, list.Fetch));
        Assert.Equal(7, ids.Count);
        Assert.Equal("7", list.Calls.Single()["limit"]);
    }

    [Fact]
    public void All_of_250_takes_three_requests_of_100()
    {
        var list = new FakeList(250);
        var ids = Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true }, list.Fetch));
        Assert.Equal(250, ids.Count);
        Assert.Equal(250, ids.Distinct().Count());
        Assert.Equal(3, list.Calls.Count);
        Assert.All(list.Calls, c => Assert.Equal("100", c["limit"]));
        Assert.False(list.Calls[0].ContainsKey("after"));
        Assert.Equal("c99", list.Calls[1]["after"]);
        Assert.Equal("c199", list.Calls[2]["after"]);
    }

    [Fact]
    public void All_respects_PageSize()
    {
        var list = new FakeList(25);
        var ids = Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true, PageSize = 10 }, list.Fetch));
        Assert.Equal(25, ids.Count);
        Assert.Equal(3, list.Calls.Count);
    }

    [Fact]
    public void MaxItems_asks_only_for_what_it_needs()
    {
        var list = new FakeList(250);
        var ids = Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { MaxItems = 5 }, list.Fetch));
        Assert.Equal(5, ids.Count);
        Assert.Equal("5", list.Calls.Single()["limit"]);

        list = new FakeList(250);
        ids = Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { MaxItems = 150 }, list.Fetch));
        Assert.Equal(150, ids.Count);
        Assert.Equal(new[] { "100", "50" }, list.Calls.Select(c => c["limit"]));
    }

    [Fact]
    public void Stopping_the_consumer_stops_the_requests()
    {
        var list = new FakeList(250);
        var first = PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true }, list.Fetch).SelectMany(p => p.Items).First();
        Assert.Equal("dc_0", (string)first["id"]!);
        Assert.Single(list.Calls);
    }

    [Fact]
    public void Stops_on_an_empty_page()
    {
        var list = new FakeList(15) { Tamper = (_, i) => { i.TotalCount = null; return i; } };
        var ids = Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true, PageSize = 10 }, list.Fetch));
        Assert.Equal(15, ids.Count);
        Assert.Equal(3, list.Calls.Count); // 10, 5, then an empty page
    }

    [Fact]
    public void Stops_when_total_count_is_reached()
    {
        var list = new FakeList(20);
        Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true, PageSize = 10 }, list.Fetch));
        Assert.Equal(2, list.Calls.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Stops_when_the_cursor_is_missing_or_empty(string? cursor)
    {
        var list = new FakeList(50) { Tamper = (_, i) => { i.EndCursor = cursor; return i; } };
        var ids = Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true, PageSize = 10 }, list.Fetch));
        Assert.Equal(10, ids.Count);
        Assert.Single(list.Calls);
    }

    [Fact]
    public void A_repeated_cursor_is_an_invalid_response_not_a_loop()
    {
        var list = new FakeList(50) { Tamper = (_, i) => { i.EndCursor = "c9"; return i; } };
        var read = new List<string>();
        var ex = Assert.Throws<PdApiException>(() => read.AddRange(Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true, PageSize = 10 }, list.Fetch))));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Contains("'c9', which an earlier page already gave", ex.Message);
        Assert.Equal(2, list.Calls.Count); // the second page answers the same cursor again: no third request
    }

    [Fact]
    public void A_cursor_equal_to_the_starting_one_is_an_invalid_response()
    {
        var list = new FakeList(50) { Tamper = (_, i) => { i.EndCursor = "c4"; return i; } };
        var ex = Assert.Throws<PdApiException>(() => Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true, PageSize = 10, After = "c4" }, list.Fetch)));
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Single(list.Calls);
    }

    [Fact]
    public void A_full_page_of_the_same_items_under_a_new_cursor_is_an_invalid_response()
    {
        // A server that ignores the cursor: every page is the first one, with a fresh cursor each time.
        var calls = 0;
        PdPage Fetch(PdRequest r)
        {
            calls++;
            var items = Enumerable.Range(0, 10).Select(i => (JToken)new JObject { ["id"] = "dc_" + i }).ToList();
            return new PdPage(items, new PdPageInfo { EndCursor = "fresh" + calls });
        }
        var read = new List<string>();
        var ex = Assert.Throws<PdApiException>(() =>
        {
            foreach (var page in PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true, PageSize = 10 }, Fetch))
                read.AddRange(page.Items.Select(t => (string)t["id"]!));
        });
        Assert.Equal("PdInvalidResponse", ex.ErrorId);
        Assert.Equal(2, calls);
        Assert.Equal(10, read.Count); // the first page was written; the repeat was not
    }

    [Fact]
    public void A_short_last_page_that_repeats_items_is_not_a_loop()
    {
        var pages = new[]
        {
            new PdPage(new[] { "dc_1", "dc_2" }.Select(i => (JToken)new JObject { ["id"] = i }).ToList(), new PdPageInfo { EndCursor = "a" }),
            new PdPage(new[] { "dc_2" }.Select(i => (JToken)new JObject { ["id"] = i }).ToList(), new PdPageInfo { EndCursor = "b" }),
            new PdPage(new List<JToken>(), new PdPageInfo()),
        };
        var calls = 0;
        var ids = Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true, PageSize = 2 }, _ => pages[calls++]));
        Assert.Equal(new[] { "dc_1", "dc_2", "dc_2" }, ids);
    }

    [Fact]
    public void Before_pages_backwards_with_start_cursor()
    {
        var list = new FakeList(50);
        var pages = PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true, PageSize = 10, Before = "c30" }, list.Fetch).ToList();
        Assert.Equal(new[] { "c30", "c20", "c10" }, list.Calls.Take(3).Select(c => c["before"]));
        Assert.All(list.Calls, c => Assert.False(c.ContainsKey("after")));
        Assert.Equal(30, pages.Sum(p => p.Items.Count));
    }

    [Fact]
    public void After_starts_after_the_cursor()
    {
        var list = new FakeList(50);
        var ids = Ids(PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { PageSize = 5, After = "c9" }, list.Fetch));
        Assert.Equal(Enumerable.Range(10, 5).Select(i => "dc_" + i), ids);
    }

    [Fact]
    public void After_and_before_together_are_refused() =>
        Assert.Throws<ArgumentException>(() => PdPager.Pages<PdPage>(PdRequest.Get("x"), new PdPagingOptions { After = "a", Before = "b" }, _ => throw new InvalidOperationException()));

    [Fact]
    public void Keeps_the_template_query_and_replaces_paging_keys()
    {
        var list = new FakeList(5);
        var request = PdRequest.Get("x").WithQuery("include", "id").WithQuery("limit", "3");
        Ids(PdPager.Pages(request, new PdPagingOptions { PageSize = 2 }, list.Fetch));
        Assert.Equal("id", list.Calls[0]["include"]);
        Assert.Equal("2", list.Calls[0]["limit"]);
        Assert.Single(request.Query, kv => kv.Key == "limit"); // the template is not changed
    }

    [Fact]
    public void Nothing_is_requested_until_enumerated()
    {
        var list = new FakeList(5);
        var pages = PdPager.Pages(PdRequest.Get("x"), new PdPagingOptions { All = true }, list.Fetch);
        Assert.Empty(list.Calls);
        _ = pages.ToList();
        Assert.Single(list.Calls);
    }

    [Fact]
    public void Page_reads_api_shape()
    {
        var page = PdPage.FromJson(JObject.Parse("{\"page_info\":{\"total_count\":19,\"count\":1,\"start_cursor\":\"a\",\"end_cursor\":\"b\"},\"data\":[{\"id\":\"dc_1\"}]}"));
        Assert.Equal(19, page.PageInfo.TotalCount);
        Assert.Equal("a", page.PageInfo.StartCursor);
        Assert.Equal("b", page.PageInfo.EndCursor);
        Assert.Single(page.Items);
        Assert.Empty(PdPage.FromJson(null).Items);
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("\"lots\"")]
    [InlineData("-1")]
    [InlineData("null")]
    public void A_total_count_that_is_not_a_count_is_ignored(string total)
    {
        var page = PdPage.FromJson(JObject.Parse("{\"page_info\":{\"total_count\":" + total + ",\"count\":" + total + ",\"end_cursor\":\"b\"},\"data\":[{\"id\":\"dc_1\"}]}"));
        Assert.Null(page.PageInfo.TotalCount);
        Assert.Null(page.PageInfo.Count);
        Assert.Single(page.Items);
    }
}
