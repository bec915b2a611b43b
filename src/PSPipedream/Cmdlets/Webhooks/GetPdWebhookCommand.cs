using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Lists the user's webhooks (GET /users/me/webhooks), oldest first, page by page. -Id and
    /// -Name filter client side, like Get-PdSource's: the list is read until every id is found.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PdWebhook", SupportsPaging = true)]
    [OutputType(typeof(Webhook))]
    public sealed class GetPdWebhookCommand : PdListCmdlet<Webhook>
    {
        private PdIdNameFilter? _filter;

        /// <summary>Only the webhooks with these ids; an id not found is a PdNotFound error.</summary>
        [Parameter(HelpMessage = "Only the webhooks with these ids (wh_...). The list is read until every id is found.")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(WebhookIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Only the webhooks whose name matches one of these (wildcards allowed).</summary>
        [Parameter(Position = 0, HelpMessage = "Only the webhooks whose name matches: wildcards * ? [a-z] allowed (` escapes one), case-insensitive, every other character exactly as given (no look-alikes).")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        private protected override bool HasClientFilter => Id != null || Name != null;

        private protected override bool IsComplete => _filter != null && _filter.IsComplete;

        private protected override IEnumerable<string> RequiredFields => _filter?.RequiredFields ?? Enumerable.Empty<string>();

        private protected override PdRequest CreateListRequest() => PdRequest.Get("users", "me", "webhooks");

        private protected override void ProcessPdRecord()
        {
            if (Id != null)
            {
                foreach (var id in Id) Check(nameof(Id), PdValidation.CheckId(id, "wh_"), id, terminating: true);
            }
            var filter = PdIdNameFilter.Create(Id, Name, out var problem);
            if (filter == null)
            {
                Reject(nameof(Name), problem!, Name, terminating: true);
                return;
            }
            _filter = filter;

            WriteList(CreateListRequest());

            foreach (var error in filter.NotFoundErrors("webhook", !IsBound("First") && !IsBound("Skip"))) WriteError(error);
        }

        private protected override bool Matches(Webhook item) => _filter == null || _filter.Matches(item.Id, item.Name);
    }
}
