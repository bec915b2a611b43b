using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using PSPipedream.Configuration;
using PSPipedream.Json;

namespace PSPipedream.Tests;

/// <summary>A small live account, as the API's models give it, for the configuration tests.</summary>
internal static class ConfigurationFixtures
{
    public const string SecretValue = "s3cr3t-api-token-value";
    public const string AppConnection = "apn_PRIVATE42";

    public static Component[] Components() => new[]
    {
        Model<Component>("""
        {"id": "sc_rss", "key": "rss-new-item", "version": "0.0.1", "code": "module.exports = {key: 'rss'}", "code_hash": "aaa111",
         "configurable_props": [
           {"name": "url", "type": "string"},
           {"name": "token", "type": "string", "secret": true},
           {"name": "github", "type": "app", "app": "github"},
           {"name": "timer", "type": "$.interface.timer"}]}
        """),
        Model<Component>("""
        {"id": "sc_http", "key": "http-new", "version": "0.1.0", "code": "module.exports = {key: 'http'}", "code_hash": "bbb222",
         "configurable_props": [{"name": "http", "type": "$.interface.http"}]}
        """),
    };

    public static List<Source> Sources() => new()
    {
        Model<Source>($$"""
        {"id": "dc_news", "name": "rss-news", "component_id": "sc_rss", "active": true, "created_at": 1587679599, "updated_at": 1587764467,
         "configured_props": {"url": "https://example.com/feed", "token": "{{SecretValue}}",
           "github": {"authProvisionId": "{{AppConnection}}"}, "timer": {"cron": null, "interval_seconds": 60} } }
        """),
        Model<Source>("""
        {"id": "dc_hook", "name": "inbound", "component_id": "sc_http", "active": false,
         "configured_props": {"http": {"endpoint_url": "https://abc.m.pipedream.net"}}}
        """),
    };

    public static List<Webhook> Webhooks() => new()
    {
        new Webhook { Id = "wh_alerts", Name = "alerts", Url = "https://hooks.example.com/a", Description = "ops" },
    };

    public static List<Subscription> Subscriptions() => new()
    {
        new Subscription { Id = "sub_1", EmitterId = "dc_news", ListenerId = "p_wf1", EventName = "default" },
        new Subscription { Id = "sub_2", EmitterId = "dc_hook", ListenerId = "wh_alerts" },
        new Subscription { Id = "sub_3", EmitterId = "p_*", ListenerId = "wh_alerts", EventName = "$errors" },
    };

    public static ConfigSnapshot Live(bool force = false) =>
        ConfigBuilder.FromLive(Sources(), Subscriptions(), Webhooks(), Components(), "u_owner", force);

    /// <summary>The live account's document, written and read back, as a user's file would be.</summary>
    public static ConfigDocument ExportedFile() => ConfigReader.Read(ConfigWriter.Write(Live().Document));

    public static T Model<T>(string json) where T : class => PdJson.ToModel<T>(JToken.Parse(json))!;
}
