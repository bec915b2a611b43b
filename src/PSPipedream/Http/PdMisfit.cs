using System;
using Newtonsoft.Json;

namespace PSPipedream.Http
{
    /// <summary>An item of a list page that did not fit its model: where it was, its id if it had one, and why.</summary>
    internal sealed class PdMisfit
    {
        public PdMisfit(int position, string? id, JsonException error)
        {
            Position = position;
            Id = id;
            Error = error ?? throw new ArgumentNullException(nameof(error));
        }

        /// <summary>Its place among the items read (fitting or not), from 0.</summary>
        public int Position { get; }

        public string? Id { get; }

        public JsonException Error { get; }

        /// <summary>PdInvalidResponse saying so, in the words of a list page (set when the page is read).</summary>
        public PdApiException? Problem { get; internal set; }
    }
}
