using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// Logs and traces name a request by the spec's own path template: the templates are the spec's paths
/// (written into the client when it is built), and a request path maps back to its template alone.
/// </summary>
public sealed class PathTemplateTests
{
    public static TheoryData<string> Templates => [.. ContractSpec.Instance.Operations().Select(o => o.Path).Distinct()];

    [Fact]
    public void The_templates_are_the_paths_of_the_specs_operations_in_its_order()
    {
        Assert.Equal(ContractSpec.Instance.Operations().Select(o => o.Path).Distinct(), ContractPaths.Templates);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_request_path_maps_to_its_template_without_its_identifiers(string template)
    {
        var path = Filled(template);

        Assert.Equal(template, PathTemplate.FromPath(path));
        Assert.Equal(template, PathTemplate.FromPath("/gateway/nexgen" + path));
        Assert.Same(PathTemplate.FromPath(path), PathTemplate.FromPath(Filled(template)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/v2")]
    [InlineData("/v2/sites/")]
    [InlineData("/V2/Sites")]
    [InlineData("/v2/sites/a1b2c3d4-e5f6-7890-abcd-ef1234567890/extra")]
    [InlineData("/api/v1/org_1/invoices")]
    [InlineData("/api/v1//patients")]
    [InlineData("/api/v2/org_1/patients")]
    public void A_path_outside_the_contract_is_unknown(string path)
    {
        Assert.Equal("(unknown)", PathTemplate.FromPath(path));
    }

    [Fact]
    public void Mapping_a_path_allocates_nothing()
    {
        var paths = ContractPaths.Templates.Select(Filled).Append("/api/v1/org_1/invoices").ToArray();
        PathTemplate.FromPath(paths[0]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var path in paths)
        {
            PathTemplate.FromPath(path);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // Each placeholder as a client would fill it: an organisation id, otherwise a UUID.
    private static string Filled(string template)
        => string.Join('/', template.Split('/').Select(segment => segment switch
        {
            "{org_id}" => "org_7f3c2a9e",
            ['{', ..] => "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
            _ => segment,
        }));
}
