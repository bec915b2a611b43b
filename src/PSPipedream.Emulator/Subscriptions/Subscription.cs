namespace PSPipedream.Emulator;

/// <summary>
/// A listener (source, workflow or webhook) subscribed to an emitter's events of one name. The emitter may
/// be the glob <c>p_*</c> or <c>dc_*</c>: every workflow or source of the owner.
/// </summary>
internal sealed record Subscription(long Seq, string Id, string OwnerId, string EmitterId, string ListenerId, string EventName) : IListed;

/// <summary>A listener subscribed to every emitter its owner makes from now on.</summary>
internal sealed record AutoSubscription(string Id, string OwnerId, string EventName, string ListenerId);
