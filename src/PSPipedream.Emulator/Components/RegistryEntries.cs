namespace PSPipedream.Emulator;

/// <summary>The registry's components, as data: id, key, name, where its code lives, the code, and the props it declares.</summary>
internal static partial class Registry
{
    public const string RssUrl = "https://github.com/PipedreamHQ/pipedream/blob/master/components/rss/sources/new-item-in-feed/new-item-in-feed.js";

    public static readonly Entry[] Entries =
    [
        new("sc_rssNew", "rss-new-item-in-feed", "rss", "/components/rss/sources/new-item-in-feed/new-item-in-feed.js",
            """
            const rss = require("https://github.com/PipedreamHQ/pipedream/components/rss/rss.app.js");

            module.exports = {
              key: "rss-new-item-in-feed",
              name: "rss",
              version: "0.0.1",
              props: {
                url: {
                  type: "string",
                  label: "Feed URL",
                  description: "Enter the URL for any public RSS feed.",
                },
                timer: {
                  type: "$.interface.timer",
                  default: {
                    intervalSeconds: 60 * 15,
                  },
                },
              },
              dedupe: "unique",
              async run() {
                const items = await rss.fetchFeed(this.url);
                for (const item of items) {
                  this.$emit(item, { id: item.guid || item.link, summary: item.title });
                }
              },
            };
            """,
            """
            [
              {"name": "url", "type": "string", "label": "Feed URL", "description": "Enter the URL for any public RSS feed."},
              {"name": "timer", "type": "$.interface.timer", "default": {"intervalSeconds": 900}}
            ]
            """),
        new("sc_httpReq", "http-new-requests", "http", "/components/http/sources/new-requests/new-requests.js",
            """
            module.exports = {
              key: "http-new-requests",
              name: "http",
              version: "0.0.1",
              props: {
                http: {
                  type: "$.interface.http",
                  customResponse: false,
                },
              },
              async run(event) {
                this.$emit(event, { summary: `${event.method} ${event.path}` });
              },
            };
            """,
            """
            [
              {"name": "http", "type": "$.interface.http", "customResponse": false}
            ]
            """),
        new("sc_ghNewRp", "github-new-repository", "New Repository", "/components/github/sources/new-repository/new-repository.js",
            """
            const github = require("../../github.app.js");

            module.exports = {
              key: "github-new-repository",
              name: "New Repository",
              version: "0.0.1",
              props: {
                github,
                timer: {
                  type: "$.interface.timer",
                  default: {
                    intervalSeconds: 60 * 15,
                  },
                },
              },
              dedupe: "last",
              async run() {
                const repos = await this.github.getRepos();
                for (const repo of repos) this.$emit(repo, { id: repo.id, summary: repo.full_name });
              },
            };
            """,
            """
            [
              {"name": "github", "type": "app", "app": "github"},
              {"name": "timer", "type": "$.interface.timer", "default": {"intervalSeconds": 900}}
            ]
            """),
        new("sc_schedEv", "schedule-every-interval", "Every Interval", "/components/schedule/sources/every-interval/every-interval.js",
            """
            module.exports = {
              key: "schedule-every-interval",
              name: "Every Interval",
              version: "0.0.1",
              props: {
                timer: {
                  type: "$.interface.timer",
                  default: {
                    intervalSeconds: 3600,
                  },
                },
              },
              async run(event) {
                this.$emit({ timestamp: event.timestamp });
              },
            };
            """,
            """
            [
              {"name": "timer", "type": "$.interface.timer", "default": {"intervalSeconds": 3600}}
            ]
            """),
        new("sc_httpTok", "http-new-requests-with-token", "HTTP Requests With Token",
            "/components/http/sources/new-requests-with-token/new-requests-with-token.js",
            """
            module.exports = {
              key: "http-new-requests-with-token",
              name: "HTTP Requests With Token",
              version: "0.0.1",
              props: {
                http: {
                  type: "$.interface.http",
                  customResponse: true,
                },
                token: {
                  type: "string",
                  secret: true,
                  label: "Token",
                  description: "Requests must carry this value in the X-Token header; others get a 401.",
                },
              },
              async run(event) {
                if (event.headers["x-token"] !== this.token) {
                  this.http.respond({ status: 401, body: "unauthorized" });
                  return;
                }
                this.http.respond({ status: 200, body: "ok" });
                this.$emit(event, { summary: `${event.method} ${event.path}` });
              },
            };
            """,
            """
            [
              {"name": "http", "type": "$.interface.http", "customResponse": true},
              {"name": "token", "type": "string", "secret": true, "label": "Token", "description": "Requests must carry this value in the X-Token header; others get a 401."}
            ]
            """),
        new("sc_ghWebEv", "github-new-webhook-event", "New Webhook Event",
            "/components/github/sources/new-webhook-event/new-webhook-event.js",
            """
            const github = require("../../github.app.js");

            module.exports = {
              key: "github-new-webhook-event",
              name: "New Webhook Event",
              version: "0.0.1",
              props: {
                github,
                http: {
                  type: "$.interface.http",
                  customResponse: true,
                },
                repo: {
                  type: "string",
                  label: "Repository",
                  description: "The repository to watch, as owner/name.",
                },
                webhookSecret: {
                  type: "string",
                  secret: true,
                  label: "Webhook Secret",
                  description: "The secret GitHub signs each delivery with.",
                },
              },
              async run(event) {
                if (!this.github.verifySignature(event, this.webhookSecret)) {
                  this.http.respond({ status: 401 });
                  return;
                }
                this.http.respond({ status: 200 });
                this.$emit(event.body, { summary: event.headers["x-github-event"] });
              },
            };
            """,
            """
            [
              {"name": "github", "type": "app", "app": "github"},
              {"name": "http", "type": "$.interface.http", "customResponse": true},
              {"name": "repo", "type": "string", "label": "Repository", "description": "The repository to watch, as owner/name."},
              {"name": "webhookSecret", "type": "string", "secret": true, "label": "Webhook Secret", "description": "The secret GitHub signs each delivery with."}
            ]
            """),
    ];
}
