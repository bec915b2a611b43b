using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace PSPipedream.Emulator.Tests;

[Collection("emulator")]
public sealed class PaginationTests(EmulatorFixture fx)
{
    [Fact]
    public async Task ForwardWalk_WithAfter_SeesEverySourceOnceInOrder()
    {
        using var u = await fx.NewUserAsync();
        await u.SeedAsync(253);
        var seen = new List<string>();
        string? after = null;
        int pages = 0;
        while (true)
        {
            var page = await u.Api.GetJsonAsync("users/me/sources?limit=100" + (after is null ? "" : $"&after={after}"));
            Assert.Equal(253, (int)page["page_info"]!["total_count"]!);
            var ids = Http.Ids(page);
            if (ids.Length == 0) break;
            Assert.Equal(ids.Length, (int)page["page_info"]!["count"]!);
            seen.AddRange(ids);
            after = (string)page["page_info"]!["end_cursor"]!;
            pages++;
        }
        Assert.Equal(3, pages);
        Assert.Equal(253, seen.Count);
        Assert.Equal(253, seen.Distinct().Count());
        var names = (await u.Api.GetJsonAsync("users/me/sources?limit=3"))["data"]!.AsArray().Select(s => (string)s!["name"]!);
        Assert.Equal(["s-1", "s-2", "s-3"], names);
    }

    [Fact]
    public async Task BackwardWalk_WithBefore_FromTheEnd()
    {
        using var u = await fx.NewUserAsync();
        await u.SeedAsync(45);
        var forward = new List<string>();
        string? after = null;
        JsonNode page;
        do
        {
            page = await u.Api.GetJsonAsync("users/me/sources?limit=10" + (after is null ? "" : $"&after={after}"));
            forward.AddRange(Http.Ids(page));
            after = (string?)page["page_info"]!["end_cursor"];
        } while (Http.Ids(page).Length > 0);

        // Walk back from the last page's start cursor.
        var last = await u.Api.GetJsonAsync($"users/me/sources?limit=10&after={Ids(forward[34])}");
        Assert.Equal(forward.Skip(35), Http.Ids(last));
        var backward = new List<string>(Http.Ids(last));
        string? before = (string)last["page_info"]!["start_cursor"]!;
        while (before is not null)
        {
            page = await u.Api.GetJsonAsync($"users/me/sources?limit=10&before={before}");
            var ids = Http.Ids(page);
            Assert.True(ids.Length <= 10);
            backward.InsertRange(0, ids);
            before = (string?)page["page_info"]!["start_cursor"];
        }
        Assert.Equal(forward, backward);
    }

    private static string Ids(string id) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(id)).TrimEnd('=');

    [Fact]
    public async Task Walk_WhileSourcesAreAdded_NeverRepeatsOrLosesAnItem()
    {
        using var u = await fx.NewUserAsync();
        await u.SeedAsync(60);
        var original = Http.Ids(await u.Api.GetJsonAsync("users/me/sources?limit=100"));
        var seen = new List<string>();
        string? after = null;
        int added = 0;
        while (true)
        {
            var page = await u.Api.GetJsonAsync("users/me/sources?limit=7" + (after is null ? "" : $"&after={after}"));
            var ids = Http.Ids(page);
            if (ids.Length == 0) break;
            seen.AddRange(ids);
            after = (string)page["page_info"]!["end_cursor"]!;
            if (added < 5)
            {
                // Another client adds and deletes sources between our pages.
                await u.CreateSourceAsync($"added-{added++}");
                using var _ = await u.Api.DeleteAsync($"sources/{ids[0]}");
            }
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(original, id => Assert.Contains(id, seen));
        Assert.Equal(65, seen.Count);
    }

    [Fact]
    public async Task ConcurrentCreates_AllAppear_WithUniqueIds()
    {
        using var u = await fx.NewUserAsync();
        var tasks = Enumerable.Range(0, 40).Select(i => u.CreateSourceAsync($"c{i}"));
        var created = await Task.WhenAll(tasks);
        var ids = created.Select(c => (string)c["id"]!).ToHashSet();
        Assert.Equal(40, ids.Count);
        var listed = Http.Ids(await u.Api.GetJsonAsync("users/me/sources?limit=100"));
        Assert.Equal(ids.OrderBy(x => x), listed.OrderBy(x => x));
    }

    [Fact]
    public async Task CursorOfADeletedItem_StillWorks()
    {
        using var u = await fx.NewUserAsync();
        await u.SeedAsync(5);
        var page = await u.Api.GetJsonAsync("users/me/sources?limit=2");
        string cursor = (string)page["page_info"]!["end_cursor"]!;
        var all = Http.Ids(await u.Api.GetJsonAsync("users/me/sources"));
        using var _ = await u.Api.DeleteAsync($"sources/{all[1]}");
        var next = await u.Api.GetJsonAsync($"users/me/sources?limit=2&after={cursor}");
        Assert.Equal(all[2..4], Http.Ids(next));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=-5")]
    [InlineData("limit=ten")]
    [InlineData("after=%21%21notacursor")]
    [InlineData("before=bm90IGFuIGlk")]
    public async Task BadPagingParameters_Are400(string query)
    {
        using var u = await fx.NewUserAsync();
        await u.SeedAsync(3);
        await u.Api.GetJsonAsync($"users/me/sources?{query}", HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("limit=3&after=ZGNfSzB1QWVl")]
    [InlineData("before=ZGNfbm9wZQ")]
    public async Task CursorOfAnItemNeverListed_GivesAnEmptyPage(string query)
    {
        using var u = await fx.NewUserAsync();
        await u.SeedAsync(3);
        var page = await u.Api.GetJsonAsync($"users/me/sources?{query}");
        Assert.Equal(3, (int)page["page_info"]!["total_count"]!);
        Assert.Equal(0, (int)page["page_info"]!["count"]!);
        Assert.Null(page["page_info"]!["start_cursor"]);
        Assert.Empty(page["data"]!.AsArray());
    }

    [Fact]
    public async Task SubscriptionLists_WithoutLimit_HoldEverySubscription()
    {
        using var u = await fx.NewUserAsync();
        string wf = await u.CreateWorkflowAsync();
        string orgWf = await u.CreateWorkflowAsync(u.OrgId);
        for (int i = 0; i < 13; i++)
        {
            using var mine = await u.Api.PostAsync($"subscriptions?emitter_id=dc_*&listener_id={wf}&event_name=e{i}", null);
            Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            using var org = await u.Api.PostAsync($"subscriptions?emitter_id=p_*&listener_id={orgWf}&event_name=e{i}&org_id={u.OrgId}", null);
            Assert.Equal(HttpStatusCode.OK, org.StatusCode);
        }
        foreach (string path in new[] { "users/me/subscriptions", $"orgs/{u.OrgId}/subscriptions" })
        {
            var all = await u.Api.GetJsonAsync(path);
            Assert.Equal(13, all["data"]!.AsArray().Count);
            Assert.Equal(13, (int)all["page_info"]!["count"]!);

            var first = await u.Api.GetJsonAsync($"{path}?limit=5");
            Assert.Equal(5, (int)first["page_info"]!["count"]!);
            var rest = await u.Api.GetJsonAsync($"{path}?after={first["page_info"]!["end_cursor"]}");
            Assert.Equal(8, (int)rest["page_info"]!["count"]!);
        }
    }

    [Fact]
    public async Task LimitBounds_OneAndHundred()
    {
        using var u = await fx.NewUserAsync();
        await u.SeedAsync(120);
        Assert.Single(Http.Ids(await u.Api.GetJsonAsync("users/me/sources?limit=1")));
        Assert.Equal(100, Http.Ids(await u.Api.GetJsonAsync("users/me/sources?limit=100")).Length);
    }

    [Fact]
    public async Task EmptyList_HasZeroCountsAndNullCursors()
    {
        using var u = await fx.NewUserAsync();
        var page = await u.Api.GetJsonAsync("users/me/webhooks");
        Assert.Equal(0, (int)page["page_info"]!["total_count"]!);
        Assert.Equal(0, (int)page["page_info"]!["count"]!);
        Assert.Null(page["page_info"]!["start_cursor"]);
        Assert.Null(page["page_info"]!["end_cursor"]);
        Assert.Empty(page["data"]!.AsArray());
    }

    [Fact]
    public async Task EventWalk_NewestFirst_AfterGivesOlder_BeforeGivesNewer()
    {
        using var u = await fx.NewUserAsync();
        string id = (string)(await u.CreateSourceAsync())["id"]!;
        var emitted = (await u.EmitAsync(id, count: 25))["ids"]!.AsArray().Select(x => (string)x!).Reverse().ToArray();
        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await u.Api.GetJsonAsync($"sources/{id}/event_summaries?limit=10" + (after is null ? "" : $"&after={after}"));
            var ids = Http.Ids(page);
            if (ids.Length == 0) break;
            seen.AddRange(ids);
            after = (string)page["page_info"]!["end_cursor"]!;
        }
        Assert.Equal(emitted, seen);

        var newer = await u.Api.GetJsonAsync($"sources/{id}/event_summaries?limit=5&before={emitted[10]}");
        Assert.Equal(emitted[5..10], Http.Ids(newer));
        await u.Api.GetJsonAsync($"sources/{id}/event_summaries?after=notanid", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task EventWalk_WhileEventsArrive_NoDuplicatesOrGaps()
    {
        using var u = await fx.NewUserAsync();
        string id = (string)(await u.CreateSourceAsync())["id"]!;
        var first = (await u.EmitAsync(id, count: 30))["ids"]!.AsArray().Select(x => (string)x!).ToArray();
        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await u.Api.GetJsonAsync($"sources/{id}/event_summaries?limit=8" + (after is null ? "" : $"&after={after}"));
            var ids = Http.Ids(page);
            if (ids.Length == 0) break;
            seen.AddRange(ids);
            after = (string)page["page_info"]!["end_cursor"]!;
            await u.EmitAsync(id);
        }
        Assert.Equal(first.Reverse(), seen);
    }
}
