using System;
using System.Threading.Tasks;

namespace PSPipedream.Cmdlets
{
    /// <summary>An item whose request was started by Dispatch and whose output is not written yet.</summary>
    internal sealed class PdPendingItem
    {
        public PdPendingItem(Task task, Action finish, object? target, string label, bool isChange)
        {
            Task = task;
            Finish = finish;
            Target = target;
            Label = label;
            IsChange = isChange;
        }

        public Task Task { get; }

        /// <summary>Writes the item's output; throws the request's PdApiException when it failed.</summary>
        public Action Finish { get; }

        /// <summary>The error target: the id or input object.</summary>
        public object? Target { get; }

        /// <summary>How warnings name the item: the id with its name where known, e.g. "dc_x (seed-1)".</summary>
        public string Label { get; }

        /// <summary>Its request changes something (anything but GET): it is finished, never cut off, when the command ends early.</summary>
        public bool IsChange { get; }
    }
}
