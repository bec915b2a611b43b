using System;
using System.Management.Automation;

namespace PSPipedream.Cmdlets
{
    /// <summary>Lets -Emulator take a root URI (string or Uri) as well as a PdEmulator object.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class PdEmulatorTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            Uri? uri = value as Uri;
            if (value is string text && !Uri.TryCreate(text, UriKind.Absolute, out uri))
            {
                throw new ArgumentTransformationMetadataException("'" + text + "' is not an absolute URI.");
            }
            if (uri == null) return inputData;
            if (!uri.IsAbsoluteUri) throw new ArgumentTransformationMetadataException("'" + uri.OriginalString + "' is not an absolute URI.");
            return PdEmulator.FromRoot(uri);
        }
    }
}
