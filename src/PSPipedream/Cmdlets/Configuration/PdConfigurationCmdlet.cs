using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSPipedream.Configuration;
using PSPipedream.Errors;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of the configuration cmdlets: -OrgId and -Include, and the reading of the live account
    /// (every page of sources, subscriptions and webhooks, and the components the sources use, whose
    /// configurable props say which prop values are secret). Any failed read stops the command: an
    /// item that could not be listed must never pass for one that is absent.
    /// </summary>
    public abstract class PdConfigurationCmdlet : PdCmdlet
    {
        /// <summary>The org whose sources and subscriptions are read instead of the user's.</summary>
        [Parameter(HelpMessage = "Read this org's sources and subscriptions (o_...) instead of your own. Default: the connection's org, if it has one.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(OrgIdCompleter))]
        public string? OrgId { get; set; }

        /// <summary>The kinds the work covers; all three by default.</summary>
        [Parameter(HelpMessage = "Only these kinds: Source, Subscription, Webhook. Subscriptions whose ends are out of scope are left alone. Default: all three.")]
        [ValidateNotNullOrEmpty]
        public ConfigurationKind[]? Include { get; set; }

        private protected ConfigScope Scope => new ConfigScope(Include);

        /// <summary>The sources as the last <see cref="ReadLive"/> listed them, with their props' real values.</summary>
        private protected IReadOnlyList<Source> LiveSources { get; private set; } = new List<Source>();

        private protected override object? ErrorTarget => OrgId;

        /// <summary>
        /// Reads the live account into a snapshot. Throws PdApiException for a failed read, and
        /// PdAmbiguousName for names that are not unique unless <paramref name="force"/>.
        /// </summary>
        private protected ConfigSnapshot ReadLive(bool force)
        {
            if (OrgId != null)
            {
                var problem = PdValidation.CheckId(OrgId, "o_");
                if (problem != null) ThrowTerminatingError(PdErrors.InvalidArgumentRecord(nameof(OrgId), problem, OrgId));
            }
            var connection = ResolveConnection();
            var orgId = OrgId ?? connection.OrgId;
            var sources = ReadAll<Source>(PdRequest.OwnerList(orgId, "sources"));
            var subscriptions = Scope.Includes(ConfigurationKind.Subscription)
                ? ReadAll<Subscription>(PdRequest.OwnerList(orgId, "subscriptions"))
                : new List<Subscription>();
            // The API keeps webhooks per user only.
            var webhooks = ReadAll<Webhook>(PdRequest.Get("users", "me", "webhooks"));
            LiveSources = sources;
            var components = ReadComponents(sources);
            return ConfigBuilder.FromLive(sources, subscriptions, webhooks, components, orgId ?? connection.UserId, force);
        }

        /// <summary>The live document cut down to the kinds in -Include.</summary>
        private protected ConfigDocument Scoped(ConfigDocument document)
        {
            var scope = Scope;
            if (!scope.Includes(ConfigurationKind.Source))
            {
                document.Sources.Clear();
                document.Components.Clear();
            }
            if (!scope.Includes(ConfigurationKind.Webhook)) document.Webhooks.Clear();
            document.Subscriptions.RemoveAll(s => !scope.Includes(s));
            return document;
        }

        /// <summary>Runs <paramref name="work"/>; a PdApiException (a failed read, a refused file) stops the command with its error.</summary>
        private protected void Terminating(Action work)
        {
            try
            {
                work();
            }
            catch (PdApiException ex)
            {
                ThrowApiError(ex, ErrorTarget);
            }
        }

        private List<T> ReadAll<T>(PdRequest request) where T : PdModel
        {
            var items = new List<T>();
            var options = new PdPagingOptions { All = true, PageSize = PdPagingOptions.MaxPageSize };
            foreach (var page in PdPager.Pages(request, options, next => Wait(ReadPageAsync<T>(next))))
            {
                items.AddRange(page.Items);
                if (page.Problem != null) throw page.Problem;
            }
            return items;
        }

        /// <summary>Each component the sources use, once: without them a secret prop could not be told from any other.</summary>
        private List<Component> ReadComponents(IEnumerable<Source> sources)
        {
            var ids = sources.Select(s => s.ComponentId).Where(id => !string.IsNullOrEmpty(id))
                .Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal);
            return ids.Select(id => Wait(SendAsync<Component>(PdRequest.Get("components", id!)))).ToList();
        }
    }
}
