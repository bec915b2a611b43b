using System.IO;

namespace PSPipedream.Http
{
    /// <summary>An answer's body went past the cap it was read with.</summary>
    internal sealed class PdBodyTooLargeException : IOException
    {
        public PdBodyTooLargeException(long cap)
            : base("The answer's body is larger than " + cap + " bytes.")
        {
            Cap = cap;
        }

        public long Cap { get; }
    }
}
