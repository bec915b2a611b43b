using Newtonsoft.Json;

namespace PSPipedream.Http
{
    /// <summary>
    /// Hands on another reader's tokens one by one. The serializer's typed reads (ReadAsString
    /// and the like) then take whole tokens through <see cref="Read"/>, so when a value does not
    /// fit its model the reader is still on a token boundary and the rest of the body can be
    /// read; JsonTextReader's own typed reads stop in the middle of the value.
    /// </summary>
    internal sealed class PdTokenReader : JsonReader
    {
        private readonly JsonReader _inner;
        private int _watchDepth = -1;
        private bool _idNext;

        public PdTokenReader(JsonReader inner)
        {
            _inner = inner;
            DateParseHandling = inner.DateParseHandling;
            FloatParseHandling = inner.FloatParseHandling;
            MaxDepth = inner.MaxDepth;
        }

        public override bool Read()
        {
            if (!_inner.Read()) return false;
            SetToken(_inner.TokenType, _inner.Value, false);
            if (_watchDepth >= 0) Watch();
            return true;
        }

        /// <summary>
        /// The "id" string of the object the reader is on, once read past: how an item that does not
        /// fit its model is still named, whether its id comes before or after the field that failed.
        /// </summary>
        public string? WatchedId { get; private set; }

        /// <summary>Starts looking for the "id" of the object the reader is on (its StartObject).</summary>
        public void WatchId()
        {
            _watchDepth = _inner.Depth;
            _idNext = false;
            WatchedId = null;
        }

        private void Watch()
        {
            if (_idNext && WatchedId == null && _inner.TokenType == JsonToken.String) WatchedId = (string?)_inner.Value;
            _idNext = _inner.TokenType == JsonToken.PropertyName && _inner.Depth == _watchDepth + 1 && (string?)_inner.Value == "id";
        }

        public override void Close()
        {
            base.Close();
            _inner.Close();
        }
    }
}
