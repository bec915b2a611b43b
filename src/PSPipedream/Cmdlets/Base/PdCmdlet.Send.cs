using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Sending: each request goes through the resolved connection's client with this command's
    /// Ctrl+C and its -Verbose/-Debug lines. The Send/Read methods start a request on the pipeline
    /// thread (so the connection is resolved and the request's lines attached here) and give its
    /// task; <see cref="Wait{T}"/> blocks on it, or Dispatch runs it alongside others.
    /// </summary>
    public abstract partial class PdCmdlet
    {
        // Set when a request that changes something (anything but GET) is started, so Dispatch
        // knows whether the item it starts is a change.
        private bool _startedChange;

        /// <summary>Starts a request; its task gives the parsed body (null when the answer has none).</summary>
        private protected Task<JToken?> SendAsync(PdRequest request) =>
            Start(request, (client, traced, ct) => client.SendAsync(traced, ct));

        /// <summary>Starts a request whose "data" object is a model (any other answer is PdInvalidResponse).</summary>
        private protected Task<T> SendAsync<T>(PdRequest request) where T : class =>
            Start(request, (client, traced, ct) => client.SendAsync<T>(traced, ct));

        /// <summary>Starts reading one page of models (for the pager).</summary>
        private protected Task<PdPage<T>> ReadPageAsync<T>(PdRequest request) where T : PdModel =>
            Start(request, (client, traced, ct) => client.GetPageAsync<T>(traced, ct));

        /// <summary>
        /// Blocks the pipeline thread on a request, writing each -Verbose/-Debug line as its
        /// exchange ends. Ctrl+C stops the pipeline (no error record); a failed request throws its
        /// PdApiException.
        /// </summary>
        private protected T Wait<T>(Task<T> task) => Traces.Wait(task, CancellationToken);

        private Task<T> Start<T>(PdRequest request, Func<PdClient, PdRequest, CancellationToken, Task<T>> send)
        {
            var client = ResolveConnection().Client;
            if (request.Method != HttpMethod.Get) _startedChange = true;
            return send(client, Traces.Attach(request), CancellationToken);
        }
    }
}
