using System;
using System.Management.Automation;
using System.Security;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Lets a SecureString parameter also take plain text, turned into a SecureString at binding
    /// time, so `Connect-PdAccount -ApiKey $key` works as a new user expects. The text itself is
    /// the caller's; this never keeps it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (!(value is string text)) return inputData;
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
