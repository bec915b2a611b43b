using System.Linq;
using PSPipedream.Configuration;
using Xunit;

namespace PSPipedream.Tests;

public class ConfigurationMermaidTests
{
    private static ConfigDocument Small() => new()
    {
        Sources =
        {
            new ConfigSource { Name = "rss-news" },
            new ConfigSource { Name = "idle" },
        },
        Webhooks = { new ConfigWebhook { Name = "alerts", Url = "https://example.com/a" } },
        Subscriptions =
        {
            new ConfigSubscription { Emitter = ConfigEnd.Source("rss-news"), Listener = ConfigEnd.Webhook("alerts") },
            new ConfigSubscription { Emitter = ConfigEnd.Id("p_*"), Listener = ConfigEnd.Webhook("alerts"), EventName = "$errors" },
            new ConfigSubscription { Emitter = ConfigEnd.Source("rss-news"), Listener = ConfigEnd.Id("p_wf1"), EventName = "new_item" },
        },
    };

    [Fact]
    public void ASmallDocumentDrawsSortedNodesLabelledEdgesAndMarksTheSourceNobodyHears()
    {
        var expected =
            "flowchart LR\n" +
            "  src0([\"idle\"]):::unheard\n" +
            "  src1([\"rss-news\"])\n" +
            "  wf0[\"p_wf1\"]\n" +
            "  glob0{{\"p_*\"}}\n" +
            "  hook0[/\"alerts\"/]\n" +
            "  glob0 -->|\"$errors\"| hook0\n" +
            "  src1 -->|\"new_item\"| wf0\n" +
            "  src1 --> hook0\n" +
            "  classDef unheard stroke-dasharray: 5 5\n";

        Assert.Equal(expected, ConfigMermaid.Write(Small()));
    }

    [Fact]
    public void TheTextDoesNotDependOnTheOrderOfTheDocument()
    {
        var reversed = Small();
        reversed.Sources.Reverse();
        reversed.Subscriptions.Reverse();

        Assert.Equal(ConfigMermaid.Write(Small()), ConfigMermaid.Write(reversed));
    }

    [Fact]
    public void AHostileNameIsEscapedInsideItsLabelAndNeverBecomesANodeId()
    {
        const string hostile = "x\"]; click src0 \"javascript:alert(1)\"\n%% end [a] <b> |c| #quot; `d`";
        var document = new ConfigDocument
        {
            Sources = { new ConfigSource { Name = hostile } },
            Subscriptions = { new ConfigSubscription { Emitter = ConfigEnd.Source(hostile), Listener = ConfigEnd.Id("p_wf1"), EventName = "a\"|b\r\nc" } },
        };

        var lines = ConfigMermaid.Write(document).TrimEnd('\n').Split('\n');

        Assert.Equal(5, lines.Length);
        Assert.Equal("  src0([\"x#quot;#93;; click src0 #quot;javascript:alert#40;1#41;#quot; %% end #91;a#93; #60;b#62; #124;c#124; #35;quot; #96;d#96;\"])", lines[1]);
        Assert.Equal("  src0 -->|\"a#quot;#124;b  c\"| wf0", lines[3]);
        // Each label is one "..." string: the only quotes on a node line are the two around it.
        Assert.Equal(2, lines[1].Count(c => c == '"'));
    }

    [Fact]
    public void AnEmitterGlobOverEverySourceLeavesNoSourceUnheard()
    {
        var document = new ConfigDocument
        {
            Sources = { new ConfigSource { Name = "a" } },
            Subscriptions = { new ConfigSubscription { Emitter = ConfigEnd.Id("dc_*"), Listener = ConfigEnd.Id("p_wf1") } },
        };

        var text = ConfigMermaid.Write(document);

        Assert.DoesNotContain(":::unheard", text);
        Assert.Contains("  glob0{{\"dc_*\"}}\n", text);
        Assert.Contains("  glob0 --> wf0\n", text);
    }

    [Fact]
    public void AnEmptyDocumentIsStillAFlowchart()
    {
        Assert.Equal("flowchart LR\n  classDef unheard stroke-dasharray: 5 5\n", ConfigMermaid.Write(new ConfigDocument()));
    }
}
