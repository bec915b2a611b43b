using System.Text.Json;

namespace PSPipedream.Emulator;

internal static class SubscriptionJson
{
    public static void Write(Utf8JsonWriter w, Subscription s, FieldFilter f) => Fields.Object(w, f).String("id", s.Id)
        .String("emitter_id", s.EmitterId).String("listener_id", s.ListenerId).String("event_name", s.EventName)
        .End();

    public static void WriteAuto(Utf8JsonWriter w, AutoSubscription a, FieldFilter f) => Fields.Object(w, f).String("id", a.Id)
        .String("event_name", a.EventName).String("listener_id", a.ListenerId)
        .End();
}
