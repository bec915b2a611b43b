using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of the fan-out cmdlets that change or delete an item: they also take the piped object
    /// as it came, so their What-if lines, prompts and warnings name the item (dc_x (seed-1)).
    /// The ids themselves still bind by property name, so any object with an Id works as before.
    /// </summary>
    public abstract class PdItemChangeCmdlet : PdFanOutCmdlet
    {
        /// <summary>The piped object; only read for its name and old values, never sent.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true,
            HelpMessage = "Bound from the pipeline, not meant to be typed: the piped object, whose Name the What-if lines, prompts and warnings show next to its id.")]
        public PSObject? InputObject { get; set; }

        /// <summary><paramref name="id"/> with the piped object's name, e.g. "dc_x (seed-1)", for prompts and warnings.</summary>
        private protected string Named(string id) => PdPipedObject.Named(id, InputObject);
    }
}
