using System;
using System.Collections.Generic;
using System.Linq;
using PSPipedream.Cmdlets;
using PSPipedream.Http;
using Xunit;

namespace PSPipedream.Tests;

/// <summary>The pure parts of live following (-Wait): event id order, the id window, the pacer and the fault state.</summary>
public class FollowTests
{
    [Theory]
    [InlineData("999-5", "1000-0")]
    [InlineData("1000-2", "1000-10")]
    [InlineData("1589486981597-0", "1589486981597-1")]
    [InlineData("1589486981597-9", "1589486981598-0")]
    [InlineData("00999-0", "1000-0")]
    [InlineData("1000", "1000-0")]
    [InlineData("99999999999999999999999-0", "100000000000000000000000-0")]
    public void EventIdsSortByTimeThenSequenceAsNumbers(string older, string newer)
    {
        Assert.True(new PdEventId(older).CompareTo(new PdEventId(newer)) < 0);
        Assert.True(new PdEventId(newer).CompareTo(new PdEventId(older)) > 0);
        Assert.Equal(0, new PdEventId(newer).CompareTo(new PdEventId(newer)));
    }

    [Fact]
    public void EventIdGivesItsTimeWhenItHasOne()
    {
        Assert.Equal(new DateTime(2020, 5, 14, 20, 9, 41, 597, DateTimeKind.Utc), new PdEventId("1589486981597-0").Time);
        Assert.Null(new PdEventId("evt_abc").Time);
        Assert.Null(new PdEventId("99999999999999999999-0").Time);
    }

    private static List<string?> Ids(params long[] ms) => ms.Select(m => (string?)(m + "-0")).ToList();

    /// <summary>A page as the API lists it: newest first, from <paramref name="newest"/> down, <paramref name="count"/> ids.</summary>
    private static List<string?> Page(long newest, int count) => Enumerable.Range(0, count).Select(i => (string?)((newest - i) + "-0")).ToList();

    [Fact]
    public void WindowCallsEverythingNewOnTheFirstPageAndThenOnlyWhatCameSince()
    {
        var window = new PdEventWindow();
        var first = window.Update(Ids(30, 20, 10));
        Assert.Equal(new[] { 0, 1, 2 }, first.NewIndexes);
        Assert.False(first.MayHaveGap);

        var second = window.Update(Ids(50, 40, 30, 20, 10));
        Assert.Equal(new[] { 0, 1 }, second.NewIndexes);
        Assert.Equal("30-0", second.LastSeen?.Text);

        Assert.Empty(window.Update(Ids(50, 40, 30, 20, 10)).NewIndexes);
    }

    [Fact]
    public void WindowKeepsOnlyTheLastPage()
    {
        var window = new PdEventWindow();
        window.Update(Page(1000, 100));
        for (var round = 1; round <= 50; round++) window.Update(Page(1000 + round * 7, 100));
        Assert.Equal(PdEventWindow.Size, window.Count);
    }

    [Fact]
    public void WindowDoesNotCallAnEventNewThatWasOnlyPastAFullPage()
    {
        var window = new PdEventWindow();
        window.Update(Page(200, 100));            // 200 .. 101
        // The two newest deleted: two older events come into the page.
        var change = window.Update(Page(198, 100)); // 198 .. 99
        Assert.Empty(change.NewIndexes);
    }

    [Fact]
    public void WindowCallsABackdatedEventNewWhenThePageHeldEverything()
    {
        var window = new PdEventWindow();
        window.Update(Ids(30, 20));
        var change = window.Update(Ids(30, 20, 5));
        Assert.Equal(new[] { 2 }, change.NewIndexes);
    }

    [Fact]
    public void WindowSaysEventsMayBeMissingWhenAFullPageIsAllNew()
    {
        var window = new PdEventWindow();
        Assert.False(window.Update(Page(100, 100)).MayHaveGap); // the first page is the tail, not a gap
        var burst = window.Update(Page(1000, 100));
        Assert.True(burst.MayHaveGap);
        Assert.Equal(100, burst.NewIndexes.Count);
        Assert.Equal("100-0", burst.LastSeen?.Text);

        var almost = window.Update(Page(1099, 100)); // 99 new, one known
        Assert.False(almost.MayHaveGap);
        Assert.Equal(99, almost.NewIndexes.Count);
    }

    [Fact]
    public void WindowNeverCallsTheSameIdNewTwiceOnOnePageAndSkipsEventsWithoutId()
    {
        var window = new PdEventWindow();
        var change = window.Update(new List<string?> { "3-0", null, "3-0", "1-0" });
        Assert.Equal(new[] { 0, 3 }, change.NewIndexes);
    }

    /// <summary>A followed page of events with ids <paramref name="fitting"/>, and events that do not fit at <paramref name="misfits"/> (position, id).</summary>
    private static PdPage<Event> PageWithMisfits(string[] fitting, params (int Position, string? Id)[] misfits)
    {
        var events = fitting.Select(id => new Event { Id = id }).ToList();
        return new PdPage<Event>(events, new PdPageInfo())
        {
            Fitting = events,
            Misfits = misfits.Select(m => new PdMisfit(m.Position, m.Id, new Newtonsoft.Json.JsonException("bad"))).ToList(),
        };
    }

    [Fact]
    public void PageEntriesPutEventsThatDoNotFitInTheirPlaces()
    {
        var entries = PdPageEntry<Event>.Of(PageWithMisfits(new[] { "5-0", "3-0", "1-0" }, (1, "4-0"), (3, null), (5, "0-0")));
        Assert.Equal(new[] { "5-0", "4-0", "3-0", null, "1-0", "0-0" }, entries.Select(e => e.Id));
        Assert.Equal(new[] { false, true, false, true, false, true }, entries.Select(e => e.Misfit != null));
    }

    [Fact]
    public void AnEventThatDoesNotFitIsNewOnceAndForgottenWhenItLeavesThePage()
    {
        var window = new PdEventWindow();
        List<string?> Ids(PdPage<Event> page) => PdPageEntry<Event>.Of(page).Select(e => e.Id).ToList();
        window.Update(Ids(PageWithMisfits(new[] { "1-0" })));

        var arrived = window.Update(Ids(PageWithMisfits(new[] { "4-0", "2-0", "1-0" }, (1, "3-0"))));
        Assert.Equal(new[] { 0, 1, 2 }, arrived.NewIndexes);
        var again = window.Update(Ids(PageWithMisfits(new[] { "5-0", "4-0", "2-0", "1-0" }, (2, "3-0"))));
        Assert.Equal(new[] { 0 }, again.NewIndexes);
        Assert.Equal(5, window.Count);
    }

    [Fact]
    public void PacerSpacesPollsOfOneConnectionAFifthOfASecondApart()
    {
        var pacer = PdPollPacer.For(new object());
        var t0 = new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.Zero, pacer.Reserve(t0));
        Assert.Equal(TimeSpan.FromMilliseconds(200), pacer.Reserve(t0));
        Assert.Equal(TimeSpan.FromMilliseconds(400), pacer.Reserve(t0));
        // After a pause the next poll may go at once again.
        Assert.Equal(TimeSpan.Zero, pacer.Reserve(t0.AddSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(10), PdPollPacer.RoundTime(50));
    }

    [Fact]
    public void PacerHeldByARateLimitHoldsEveryPollOfTheConnection()
    {
        var pacer = PdPollPacer.For(new object());
        var t0 = new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.Zero, pacer.Reserve(t0));
        pacer.HoldFor(t0, TimeSpan.FromSeconds(7));
        Assert.Equal(TimeSpan.FromSeconds(7), pacer.Reserve(t0));
        Assert.Equal(TimeSpan.FromSeconds(7.2), pacer.Reserve(t0));
        // A shorter hold never shortens a longer one already booked.
        pacer.HoldFor(t0, TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(7.4), pacer.Reserve(t0));
    }

    [Fact]
    public void PacerIsSharedByTheWaitsOfOneConnectionOnly()
    {
        var connection = new object();
        var now = DateTime.UtcNow;
        PdPollPacer.For(connection).Reserve(now);
        Assert.Same(PdPollPacer.For(connection), PdPollPacer.For(connection));
        Assert.Equal(TimeSpan.FromMilliseconds(200), PdPollPacer.For(connection).Reserve(now));
        Assert.Equal(TimeSpan.Zero, PdPollPacer.For(new object()).Reserve(now));
    }

    [Fact]
    public void FaultsWarnOncePerOutageAndSayOnceThatItResumed()
    {
        var faults = new PdFollowFaults(TimeSpan.FromSeconds(1));
        var t0 = DateTime.UtcNow;
        var error = new InvalidOperationException("GET /v1/sources/dc_a/event_summaries failed with 503 after 4 attempts.");

        var warning = faults.Failed("dc_a", error, t0, out _);
        Assert.Contains("503 after 4 attempts", warning);
        Assert.Null(faults.Failed("dc_a", error, t0.AddSeconds(1), out _));
        Assert.Null(faults.Failed("dc_b", error, t0.AddSeconds(1), out _));

        Assert.Null(faults.Succeeded("dc_a", t0.AddSeconds(5)));
        var resumed = faults.Succeeded("dc_b", t0.AddSeconds(7));
        Assert.Equal("Resumed: the API answers again, after 3 failed polls over 7 s.", resumed);
        Assert.False(faults.InOutage);
        Assert.Null(faults.Succeeded("dc_b", t0.AddSeconds(8)));

        Assert.NotNull(faults.Failed("dc_a", error, t0.AddSeconds(9), out _));
    }

    [Fact]
    public void AnEmitterThatIsGoneNoLongerKeepsTheOutageOpen()
    {
        var faults = new PdFollowFaults(TimeSpan.FromSeconds(1));
        faults.Failed("dc_a", new Exception("x"), DateTime.UtcNow, out _);
        faults.Forget("dc_a");
        Assert.False(faults.InOutage);
    }

    [Fact]
    public void FaultsBackOffDoublingUpToAMinute()
    {
        var faults = new PdFollowFaults(TimeSpan.FromSeconds(5));
        var waits = Enumerable.Range(1, 6).Select(n => faults.Backoff(n).TotalSeconds).ToArray();
        Assert.Equal(new double[] { 5, 10, 20, 40, 60, 60 }, waits);
        faults.Failed("dc_a", new Exception("x"), DateTime.UtcNow, out var first);
        faults.Failed("dc_a", new Exception("x"), DateTime.UtcNow, out var second);
        Assert.Equal(TimeSpan.FromSeconds(5), first);
        Assert.Equal(TimeSpan.FromSeconds(10), second);
        // An interval over a minute is never shortened by a fault.
        Assert.Equal(TimeSpan.FromSeconds(300), new PdFollowFaults(TimeSpan.FromSeconds(300)).Backoff(4));
    }
}
