namespace PSPipedream.Cmdlets
{
    /// <summary>Writing models: each as a PSObject with its unknown fields, and what Tab completion may learn from it.</summary>
    public abstract partial class PdCmdlet
    {
        /// <summary>Writes a model (with its unknown fields as note properties).</summary>
        private protected void WriteModel(PdModel model)
        {
            if (_resolved != null) PdCompletionFeed.Remember(PdCompletionCache.Shared, _resolved, model);
            WriteObject(model.ToPSObject());
        }
    }
}
