using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PSPipedream.Emulator;

/// <summary>Writes one item as its JSON shape, with only the fields that include / exclude let through.</summary>
internal delegate void Shape<in T>(Utf8JsonWriter w, T item, FieldFilter f);

/// <summary>
/// How every handler answers from the state: its work and the JSON of what the work gives are done under
/// the state's lock (the shapes read objects that other requests change), and the bytes go out once the
/// lock is released. The include / exclude filter is read on entry, after the handler has read its own
/// parameters, so a bad one is reported in the same order on every route.
/// </summary>
internal static class Answers
{
    /// <summary>Answers with the JSON that <paramref name="shape"/> writes of what <paramref name="work"/> gives.</summary>
    public static Task Answer<T>(this EmulatorState state, HttpContext ctx, Func<T> work, Shape<T> shape, int status = 200)
    {
        var f = ctx.Features.Get<ApiRequest>()?.Filter ?? FieldFilter.All;
        byte[] body = state.Locked(() =>
        {
            T result = work();
            return JsonOut.Build(w => shape(w, result, f));
        });
        return JsonOut.WriteAsync(ctx, status, body);
    }

    /// <summary>Answers <c>{"data": item}</c>.</summary>
    public static Task AnswerData<T>(this EmulatorState state, HttpContext ctx, Func<T> work, Shape<T> shape, int status = 200) =>
        state.Answer(ctx, work, (w, item, f) => Envelope.Data(w, x => shape(x, item, f)), status);

    /// <summary>Makes the change and answers with no body.</summary>
    public static Task AnswerEmpty(this EmulatorState state, HttpContext ctx, Action change, int status)
    {
        state.Locked(change);
        ctx.Response.StatusCode = status;
        // A 204 says by its status that it has no body; the others say it with their length.
        if (status != StatusCodes.Status204NoContent) ctx.Response.ContentLength = 0;
        return Task.CompletedTask;
    }
}
