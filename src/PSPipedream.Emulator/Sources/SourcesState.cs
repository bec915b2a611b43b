using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>Event sources: made, changed and deleted by their owners; deleting one ends its subscriptions.</summary>
internal sealed partial class EmulatorState
{
    private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);

    public Source? SourceFor(User user, string id) =>
        _sources.TryGetValue(id, out var s) && CanSee(user, s.OwnerId) ? s : null;

    /// <summary>A source the user sees, else a 404.</summary>
    public Source RequireSource(User user, string id) =>
        SourceFor(user, id) ?? throw new ApiException(404, $"source {id} not found");

    public Source? SourceById(string id) => _sources.GetValueOrDefault(id);

    /// <summary>A new source; <paramref name="createdAt"/> (Unix seconds) backdates its created_at and updated_at.</summary>
    public Source CreateSource(User user, string ownerId, Component component, JsonElement props, string? name, bool active,
        long? createdAt = null)
    {
        long now = createdAt ?? Clock.NowSeconds();
        string id = NewId("dc_");
        string finalName = string.IsNullOrWhiteSpace(name) ? Slug.Or(component.Name, component.Key) : name.Trim();
        var source = new Source(NextSeq(id), id, ownerId, user.Id, now)
        {
            ComponentId = component.Id,
            ConfiguredProps = HttpEndpoints.Apply(props, component, id),
            Active = active,
            UpdatedAt = now,
            Name = finalName,
            NameSlug = Slug.Or(finalName, id),
        };
        _sources[id] = source;
        Owner(ownerId).Sources.Add(source);
        ApplyAutoSubscriptions(ownerId, id);
        return source;
    }

    /// <summary>Changes what is given (null: left as it is); updated_at never goes back, nor does an HTTP endpoint change.</summary>
    public Source ChangeSource(Source source, Component? component, JsonElement? props, bool? active, string? name)
    {
        if (component is not null) source.ComponentId = component.Id;
        if (props is not null || component is not null)
        {
            var basis = props ?? source.ConfiguredProps;
            source.ConfiguredProps = _components.GetValueOrDefault(source.ComponentId) is { } current
                ? HttpEndpoints.Apply(basis, current, source.Id)
                : basis;
        }
        if (active is bool a) source.Active = a;
        if (!string.IsNullOrWhiteSpace(name))
        {
            source.Name = name.Trim();
            source.NameSlug = Slug.Or(source.Name, source.Id);
        }
        source.UpdatedAt = Math.Max(Clock.NowSeconds(), source.UpdatedAt);
        return source;
    }

    public void DeleteSource(Source source)
    {
        _sources.Remove(source.Id);
        _owners.GetValueOrDefault(source.OwnerId)?.Sources.Remove(source);
        RemoveSubscriptionsOf(source.Id);
    }

    private void ForgetSources() => _sources.Clear();
}
