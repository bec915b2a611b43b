namespace PSPipedream.Emulator;

/// <summary>Components: the registry's, and those users and orgs make from code or a URL.</summary>
internal sealed partial class EmulatorState
{
    private readonly Dictionary<string, Component> _registryByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Component> _components = new(StringComparer.Ordinal);

    private void AddRegistryComponents()
    {
        foreach (var c in Emulator.Registry.Build())
        {
            _registryByKey[c.Key] = c;
            _components[c.Id] = c;
        }
    }

    public Component? Registry(string key) => _registryByKey.GetValueOrDefault(key);

    /// <summary>A component the user may use: its own or its orgs' (by id or key), else a registry one.</summary>
    public Component? FindComponent(User user, string keyOrId)
    {
        if (_components.TryGetValue(keyOrId, out var byId) && (byId.OwnerId is null || CanSee(user, byId.OwnerId)))
            return byId;
        Component? best = null;
        foreach (var c in _components.Values)
        {
            if (c.OwnerId is not null && c.Key == keyOrId && CanSee(user, c.OwnerId) && (best is null || c.Seq > best.Seq))
                best = c;
        }
        return best ?? _registryByKey.GetValueOrDefault(keyOrId);
    }

    public Component CreateComponent(string ownerId, string? code, string? url)
    {
        Uri? uri = null;
        if (!string.IsNullOrWhiteSpace(url))
        {
            if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
                throw new ApiException(400, "component_url must be an http(s) URL");
        }
        ParsedComponent parsed;
        if (!string.IsNullOrWhiteSpace(code)) parsed = ComponentCode.Parse(code);
        else if (uri is not null) (code, parsed) = CodeAt(uri);
        else throw new ApiException(400, "one of component_code or component_url is required");

        string hash = ComponentCode.Hash(code);
        string key = parsed.Key ?? Slug.Or(parsed.Name ?? "", "component-" + hash[..8]);
        long now = Clock.NowSeconds();
        string id = NewId("sc_");
        var component = new Component(id, key, Name: parsed.Name ?? key, Version: parsed.Version ?? "0.0.1", code, hash,
            parsed.ConfigurableProps, uri?.ToString(), ownerId, Seq: ++_seq, CreatedAt: now, UpdatedAt: now);
        _components[id] = component;
        return component;
    }

    /// <summary>
    /// The code a component URL stands for: the registry component it points at, else a component that
    /// emits what it is given, named after the file (nothing is fetched).
    /// </summary>
    private (string Code, ParsedComponent Parsed) CodeAt(Uri uri)
    {
        if (Emulator.Registry.ForUrl(uri) is { } entry)
        {
            var reg = _registryByKey[entry.Key];
            return (reg.Code, new ParsedComponent(reg.Key, reg.Name, reg.Version, reg.ConfigurableProps));
        }
        string file = Path.GetFileNameWithoutExtension(uri.AbsolutePath.TrimEnd('/'));
        string derived = Slug.Of(string.IsNullOrEmpty(file) ? uri.Host : file);
        string code = $$"""
            // Component from {{uri}}
            module.exports = {
              key: "{{derived}}",
              name: "{{derived}}",
              version: "0.0.1",
              props: {},
              async run(event) {
                this.$emit(event);
              },
            };
            """;
        return (code, ComponentCode.Parse(code));
    }

    private void ForgetOwnedComponents()
    {
        foreach (var id in _components.Keys.ToList())
            if (_components[id].OwnerId is not null) _components.Remove(id);
    }
}
