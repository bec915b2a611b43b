using System;
using System.Management.Automation;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// What a change cmdlet can tell from the object piped into it (a Source from Get-PdSource, a
    /// Webhook, or any object with the same property names): its name, so a What-if line or a
    /// prompt says "dc_x (seed-1)" and not a bare id, and the old values of what it changes.
    /// </summary>
    internal static class PdPipedObject
    {
        /// <summary>
        /// <paramref name="id"/>, followed by the piped object's Name in parentheses when the
        /// object is the one the id came from (its Id is the id). Server text: the name is shown
        /// with its control characters escaped and cut to a readable length.
        /// </summary>
        public static string Named(string id, object? piped) => Label(id, NameOf(id, piped));

        /// <summary>"<paramref name="text"/> (<paramref name="name"/>)", the name escaped and cut to a readable length; the text alone without a name.</summary>
        public static string Label(string text, string? name) =>
            string.IsNullOrEmpty(name) ? text : text + " (" + PdText.Quote(name, 100) + ")";

        /// <summary>The piped object's Name when its Id is <paramref name="id"/>; else null.</summary>
        public static string? NameOf(string id, object? piped)
        {
            if (!Is(id, piped)) return null;
            var name = Value(piped, "Name") as string;
            return string.IsNullOrEmpty(name) ? null : name;
        }

        /// <summary>True when the piped object is the item <paramref name="id"/> names (its Id is the id).</summary>
        public static bool Is(string id, object? piped) =>
            !string.IsNullOrEmpty(id) && string.Equals(Value(piped, "Id") as string, id, StringComparison.Ordinal);

        /// <summary>A property of the piped object (a .NET property or a note property), unwrapped; null when it has none.</summary>
        public static object? Value(object? piped, string property)
        {
            if (piped == null) return null;
            object? value;
            try
            {
                value = PSObject.AsPSObject(piped).Properties[property]?.Value;
            }
            catch (ExtendedTypeSystemException)
            {
                // A getter that throws: the prompt shows the bare id.
                return null;
            }
            return value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
        }
    }
}
