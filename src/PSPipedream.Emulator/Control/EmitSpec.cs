using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>
/// What <c>POST /_emulator/emit</c> asks for: an event, how many, and either when (<c>timestamp</c>, in the
/// past) or how often from now on (<c>every_seconds</c>, in the background).
/// </summary>
internal sealed record EmitSpec(string EmitterId, string Name, byte[] Json, int Count, long? AtMs, double? EverySeconds)
{
    public const int MaxCount = 10_000;
    public const double MinEverySeconds = 0.1;
    public const double MaxEverySeconds = 3600;

    public static EmitSpec Read(JsonElement body)
    {
        string emitter = ControlBody.String(body, "emitter_id")?.Trim() ?? throw new ApiException(400, "emitter_id is required");
        string name = ControlBody.String(body, "name") ?? ControlBody.String(body, "event_name") ?? "";
        int? givenCount = ControlBody.Int(body, "count");
        int count = givenCount ?? 1;
        if (count is < 1 or > MaxCount) throw new ApiException(400, $"count must be from 1 to {MaxCount}");
        long? at = ControlBody.PastTime(body, "timestamp");
        double? every = ControlBody.Seconds(body, "every_seconds");
        if (every is double e)
        {
            if (e is < MinEverySeconds or > MaxEverySeconds)
                throw new ApiException(400, $"every_seconds must be from {MinEverySeconds} to {MaxEverySeconds}");
            if (givenCount is null) throw new ApiException(400, "count is required with every_seconds, so that the emitting ends");
            if (at is not null) throw new ApiException(400, "timestamp and every_seconds do not go together: steady emits happen now");
        }
        byte[] json = body.TryGetProperty("event", out var ev) && ev.ValueKind != JsonValueKind.Undefined
            ? JsonOut.Build(w => ev.WriteTo(w))
            : "{}"u8.ToArray();
        return new EmitSpec(emitter, name, json, count, at, every);
    }
}
