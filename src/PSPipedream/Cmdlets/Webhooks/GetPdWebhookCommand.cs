using System.Management.Automation;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>Lists the user's webhooks (GET /users/me/webhooks), oldest first, page by page.</summary>
    [Cmdlet(VerbsCommon.Get, "PdWebhook", SupportsPaging = true)]
    [OutputType(typeof(Webhook))]
    public sealed class GetPdWebhookCommand : PdListCmdlet<Webhook>
    {
        protected override PdRequest CreateListRequest() => PdRequest.Get("users", "me", "webhooks");
    }
}
