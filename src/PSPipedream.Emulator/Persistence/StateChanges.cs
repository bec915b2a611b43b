using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>
/// Counts changes to the state, so that the data file is written only when there is something new. Every
/// request that may change something (any method but GET and HEAD) counts once it has been answered, and so
/// does each steady emit.
/// </summary>
internal sealed class StateChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Mark() => Interlocked.Increment(ref _version);

    /// <summary>Middleware: counts a request that may have changed something, once it has been answered (or has failed).</summary>
    public async Task CountAsync(HttpContext ctx, RequestDelegate next)
    {
        try
        {
            await next(ctx);
        }
        finally
        {
            if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method)) Mark();
        }
    }
}
