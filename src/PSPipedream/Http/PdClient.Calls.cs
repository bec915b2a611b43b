using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using PSPipedream.Text;

namespace PSPipedream.Http
{
    /// <summary>What callers ask of the client: a JSON body, a model or a page, each over one exchange.</summary>
    internal sealed partial class PdClient
    {
        /// <summary>
        /// Sends a request (retrying what <see cref="Retry"/> allows) and returns the parsed JSON body,
        /// null when the answer has none. Throws <see cref="PdApiException"/> when it fails, and
        /// OperationCanceledException when <paramref name="cancellationToken"/> fires.
        /// </summary>
        public async Task<JToken?> SendAsync(PdRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            return (await ExchangeAsync(request, cancellationToken).ConfigureAwait(false)).Body;
        }

        /// <summary>Sends and maps the "data" object to a model; any other answer is PdInvalidResponse.</summary>
        public async Task<T> SendAsync<T>(PdRequest request, CancellationToken cancellationToken) where T : class
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var response = await ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
            return PdAnswer.Resource<T>(response);
        }

        /// <summary>
        /// Sends a list request and reads one page straight into models; an answer that is not a
        /// page of objects is PdInvalidResponse. An item that does not fit its model ends the page's
        /// items there, with <see cref="PdPage{T}.Problem"/> saying so (<see cref="PdPage{T}.Fitting"/> has the rest).
        /// </summary>
        public async Task<PdPage<T>> GetPageAsync<T>(PdRequest request, CancellationToken cancellationToken) where T : PdModel
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var limit = LimitOf(request);
            var response = await ExchangeAsync(request, cancellationToken, PdPageReader.For<T>(limit)).ConfigureAwait(false);
            if (response.ShapeProblem != null) throw PdAnswer.Invalid(response, response.ShapeProblem);
            var page = (PdPage<T>)response.Parsed!;
            page.Origin = response;
            if (page.Dropped > 0)
            {
                request.Trace?.Invoke(PdTrace.Notice(request.Method.Method, BuildUri(request), string.Format(CultureInfo.InvariantCulture,
                    "the answer held {0} items where limit={1} asked for at most {1}: the {2} past the limit are left out",
                    page.Count + page.Dropped, limit, page.Dropped)));
            }
            foreach (var misfit in page.Misfits)
            {
                misfit.Problem = PdAnswer.Invalid(response, string.Format(CultureInfo.InvariantCulture,
                    "with an item of \"data\" that does not fit a {0}: {1}", typeof(T).Name, PdText.Quote(Redact(misfit.Error.Message))), misfit.Error);
            }
            if (page.Misfits.Count > 0) page.Problem = page.Misfits[0].Problem;
            return page;
        }

        /// <summary>The page size a list request asks for (its "limit" query value), if any.</summary>
        private static int? LimitOf(PdRequest request)
        {
            foreach (var pair in request.Query)
            {
                if (pair.Key == "limit" && int.TryParse(pair.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0)
                    return limit;
            }
            return null;
        }
    }
}
