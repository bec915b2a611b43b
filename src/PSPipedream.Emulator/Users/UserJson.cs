using System.Text.Json;

namespace PSPipedream.Emulator;

/// <summary>A user as <c>/v1/users/me</c> shows it, and as the control API lists it.</summary>
internal static class UserJson
{
    /// <summary>The length of the billing period the paid plan's fields describe.</summary>
    private const long BillingPeriodSeconds = 2_678_400;

    public static void Write(Utf8JsonWriter w, User u, Func<string, Org?> org, FieldFilter f)
    {
        var o = Fields.Object(w, f).String("id", u.Id).String("username", u.Username).String("email", u.Email);
        if (f.Has("orgs")) WriteOrgs(w, u, org);
        if (u.Plan == "paid")
        {
            long now = Clock.NowSeconds();
            long start = now - now % BillingPeriodSeconds;
            o.Number("billing_period_start_ts", start)
                .Number("billing_period_end_ts", start + BillingPeriodSeconds)
                .Number("billing_period_invocations", 0);
        }
        else
        {
            o.Number("daily_compute_time_quota", 95_400_000).Number("daily_compute_time_used", 0)
                .Number("daily_invocations_quota", 27_344).Number("daily_invocations_used", 0);
        }
        o.End();
    }

    private static void WriteOrgs(Utf8JsonWriter w, User u, Func<string, Org?> org)
    {
        w.WriteStartArray("orgs");
        foreach (var id in u.OrgIds)
        {
            if (org(id) is not Org o) continue;
            w.WriteStartObject();
            w.WriteString("name", o.Name);
            w.WriteString("id", o.Id);
            w.WriteString("orgname", o.Orgname);
            w.WriteString("email", o.Email);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>A user as the control API lists it: the key itself only when <paramref name="withKey"/>, its hint always.</summary>
    public static void WriteForControl(Utf8JsonWriter w, User u, bool withKey)
    {
        w.WriteStartObject();
        w.WriteString("id", u.Id);
        w.WriteString("username", u.Username);
        w.WriteString("email", u.Email);
        if (withKey) w.WriteString("api_key", u.ApiKey);
        w.WriteString("api_key_hint", KeyHint(u.ApiKey));
        w.WriteString("plan", u.Plan);
        WriteIds(w, "orgs", u.OrgIds);
        WriteIds(w, "workflows", u.WorkflowIds);
        w.WriteEndObject();
    }

    private static void WriteIds(Utf8JsonWriter w, string name, List<string> ids)
    {
        w.WriteStartArray(name);
        foreach (var id in ids) w.WriteStringValue(id);
        w.WriteEndArray();
    }

    /// <summary>The last four characters of a key, as the module shows a key it holds.</summary>
    internal static string KeyHint(string key) => key.Length <= 4 ? "****" : "****" + key[^4..];
}
