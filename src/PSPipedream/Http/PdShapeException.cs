using System;

namespace PSPipedream.Http
{
    /// <summary>An answer that is JSON but not of the shape the API promises; becomes PdInvalidResponse naming the request.</summary>
    internal sealed class PdShapeException : Exception
    {
        public PdShapeException(string what) : base(what)
        {
        }
    }
}
