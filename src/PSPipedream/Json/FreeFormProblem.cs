using System;

namespace PSPipedream.Json
{
    /// <summary>Why a free-form value was refused; never leaves <see cref="PdFreeForm"/>.</summary>
    internal sealed class FreeFormProblem : Exception
    {
        public FreeFormProblem(string message) : base(message)
        {
        }
    }
}
