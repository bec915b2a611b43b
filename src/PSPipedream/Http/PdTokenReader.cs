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
            return true;
        }

        public override void Close()
        {
            base.Close();
            _inner.Close();
        }
    }
}
