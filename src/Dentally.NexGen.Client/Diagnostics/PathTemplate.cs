namespace Dentally.NexGen.Client;

/// <summary>
/// Reduces a request path to its template (<c>/api/v1/{org_id}/patients/{patient_uuid}</c>) so logs
/// and traces carry no identifiers and no query values (a patient search holds a name).
/// </summary>
internal static class PathTemplate
{
    public static string FromPath(string absolutePath)
    {
        var start = absolutePath.IndexOf("/api/v1/", StringComparison.Ordinal);
        if (start < 0)
        {
            start = absolutePath.IndexOf("/v2/", StringComparison.Ordinal);
        }

        if (start < 0)
        {
            return "(unknown)";
        }

        var segments = absolutePath.Substring(start + 1).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (i == 2 && segments[0] == "api")
            {
                segments[i] = "{org_id}";
            }
            else if (i > 0 && Guid.TryParse(segments[i], out _))
            {
                segments[i] = segments[i - 1] switch
                {
                    "sites" => "{site_uuid}",
                    "patients" => "{patient_uuid}",
                    "appointments" => "{appointment_uuid}",
                    _ => "{uuid}",
                };
            }
            else if (i > 0 && !IsKnownLiteral(segments[i]))
            {
                segments[i] = "{value}";
            }
        }

        return "/" + string.Join("/", segments);
    }

    private static bool IsKnownLiteral(string segment) => segment switch
    {
        "api" or "v1" or "v2" or "sites" or "patients" or "providers" or "appointment-types" or "appointments"
            or "status" or "cancel" or "schedule" or "availability" => true,
        _ => false,
    };
}
