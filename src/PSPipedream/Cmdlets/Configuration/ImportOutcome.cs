namespace PSPipedream.Cmdlets
{
    /// <summary>A write's answer or its failure, kept as a value so the import step records it.</summary>
    internal sealed class ImportOutcome<T> where T : class
    {
        public ImportOutcome(T? value, PdApiException? error)
        {
            Value = value;
            Error = error;
        }

        public T? Value { get; }
        public PdApiException? Error { get; }
    }
}
