using PSPipedream.Errors;

namespace PSPipedream
{
    /// <summary>An argument rejected before any request; names the parameter.</summary>
    public sealed class PdArgumentException : PdApiException
    {
        public PdArgumentException(string parameterName, string message)
            : base(PdErrors.InvalidArgument, message)
        {
            ParameterName = parameterName;
        }

        public string ParameterName { get; }
    }
}
