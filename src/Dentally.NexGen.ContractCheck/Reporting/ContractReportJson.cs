using Newtonsoft.Json;

namespace Dentally.NexGen.ContractCheck.Reporting;

/// <summary>The report as JSON, for machines: <c>{"contract_version", "breaking", "differences": [{operation, path, class, kind, expected, actual, request_id}]}</c>.</summary>
internal static class ContractReportJson
{
    public static void Write(ContractReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        json.WriteStartObject();
        json.WritePropertyName("contract_version");
        json.WriteValue(report.ContractVersion);
        json.WritePropertyName("breaking");
        json.WriteValue(report.HasBreakingDifferences);
        json.WritePropertyName("differences");
        json.WriteStartArray();
        foreach (var difference in report.Differences)
        {
            json.WriteStartObject();
            Member(json, "operation", difference.Operation);
            Member(json, "path", difference.Path);
            Member(json, "class", ClassNames.Of(difference.Class));
            Member(json, "kind", difference.Kind);
            Member(json, "expected", difference.Expected);
            Member(json, "actual", difference.Actual);
            Member(json, "request_id", difference.RequestId);
            if (difference.SdkMembers.Count > 0)
            {
                json.WritePropertyName("sdk_members");
                json.WriteStartArray();
                foreach (var member in difference.SdkMembers)
                {
                    json.WriteValue(member);
                }

                json.WriteEndArray();
            }
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        writer.WriteLine();
    }

    private static void Member(JsonTextWriter json, string name, string? value)
    {
        json.WritePropertyName(name);
        json.WriteValue(value);
    }
}
