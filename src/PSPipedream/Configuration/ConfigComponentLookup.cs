using System;
using System.Threading.Tasks;
using PSPipedream.Errors;
using PSPipedream.Http;
using PSPipedream.Text;

namespace PSPipedream.Configuration
{
    /// <summary>
    /// A component key to the id that POST /sources takes (the API has no component_key there):
    /// the account's own component first (GET /components/{key}), then the registry's
    /// (GET /components/registry/{key}), since a file may name a component of the account's own
    /// (New-PdSource -ComponentKey looks in the registry only). Only a 404 moves on to the registry: any other failed read is that failure, never "absent".
    /// </summary>
    internal static class ConfigComponentLookup
    {
        public static async Task<Component> FindAsync(string key, Func<PdRequest, Task<Component>> send)
        {
            try
            {
                return await send(PdRequest.Get("components", key)).ConfigureAwait(false);
            }
            catch (PdApiException ex) when (ex.StatusCode == 404)
            {
            }
            try
            {
                return await send(PdRequest.Get("components", "registry", key)).ConfigureAwait(false);
            }
            catch (PdApiException ex) when (ex.StatusCode == 404)
            {
                throw new PdApiException(PdErrors.NotFound,
                    "Component '" + PdText.Printable(key) + "' was found neither in the account nor in the registry, so the sources that use it cannot be created. " +
                    "Put its code in the file's components (Export-PdConfiguration writes it), or fix the key.",
                    ex.Method, ex.Path, ex.StatusCode, ex.ApiMessage, ex);
            }
        }
    }
}
