using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// Options bound from configuration fail naming the keys to set there — the app never wrote
/// <c>NexGenClientOptions</c> anywhere, it wrote appsettings.json or environment variables.
/// </summary>
public sealed class ConfigurationKeyMessageTests
{
    [Fact]
    public void A_missing_section_names_it_and_every_required_option_names_its_key_and_environment_variable()
    {
        var error = FirstUse(services => services.AddNexGenClient(Configuration().GetSection("NexGen")));

        Assert.StartsWith("The configuration has no section 'NexGen' (appsettings.json, or environment variables such as NexGen__BaseAddress).", error.Message, StringComparison.Ordinal);
        Assert.Contains("NexGenClientOptions.BaseAddress is required. Configuration key NexGen:BaseAddress (environment variable NexGen__BaseAddress).", error.Message, StringComparison.Ordinal);
        Assert.Contains("Configuration key NexGen:Token (environment variable NexGen__Token).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_names_its_key_nested_options_included()
    {
        var configuration = Configuration(
            ("NexGen:BaseAddress", "https://api.example.com/api/v1"),
            ("NexGen:OrganizationId", "org_1"),
            ("NexGen:PracticeId", "practice_1"),
            ("NexGen:Token", "tok_1"),
            ("NexGen:Retry:MaxRetries", "99"));

        var error = FirstUse(services => services.AddNexGenClient(configuration.GetSection("NexGen")));

        Assert.Contains("use 'https://api.example.com/' instead of 'https://api.example.com/api/v1'. Configuration key NexGen:BaseAddress (environment variable NexGen__BaseAddress).", error.Message, StringComparison.Ordinal);
        Assert.Contains("NexGenClientOptions.Retry.MaxRetries must be between 0 and 10. Configuration key NexGen:Retry:MaxRetries (environment variable NexGen__Retry__MaxRetries).", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no section", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_client_bound_from_its_own_section_names_that_sections_keys()
    {
        var configuration = Configuration(("NexGen:North:OrganizationId", "org_1"));

        var error = FirstUse(services => services.AddNexGenClient("north", configuration.GetSection("NexGen:North")), "north");

        Assert.Contains("NexGen client 'north': NexGenClientOptions.BaseAddress is required. Configuration key NexGen:North:BaseAddress (environment variable NexGen__North__BaseAddress).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_configuration_given_instead_of_its_section_names_the_section_to_pass()
    {
        var configuration = ValidNexGenSection();

        var error = FirstUse(services => services.AddNexGenClient(configuration));

        Assert.StartsWith("AddNexGenClient was given the whole configuration, not a section: pass configuration.GetSection(\"NexGen\").", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_root_that_holds_no_client_section_is_not_said_to_be_the_whole_configuration()
    {
        // As environment variables bound alone (AddEnvironmentVariables("NEXGEN_")), missing BaseAddress.
        var configuration = Configuration(("OrganizationId", "org_1"), ("PracticeId", "practice_1"), ("Token", "tok_1"));

        var error = FirstUse(services => services.AddNexGenClient(configuration));

        Assert.DoesNotContain("given the whole configuration", error.Message, StringComparison.Ordinal);
        Assert.Contains("NexGenClientOptions.BaseAddress is required. Configuration key BaseAddress (environment variable BaseAddress).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_client_s_section_beside_the_default_client_s_options_is_not_an_ignored_key()
    {
        var configuration = Configuration(("NexGen:OrganizationId", "org_1"), ("NexGen:PracticeId", "practice_1"), ("NexGen:Token", "tok_1"), ("NexGen:North:BaseAddress", "https://north.example.com/"));

        var error = FirstUse(services => services.AddNexGenClient(configuration.GetSection("NexGen")));

        Assert.DoesNotContain("ignored", error.Message, StringComparison.Ordinal);
        Assert.Contains("NexGenClientOptions.BaseAddress is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_number_for_a_time_says_that_it_is_read_as_days()
    {
        var configuration = ValidNexGenSection(("NexGen:AttemptTimeout", "10"));

        var error = FirstUse(services => services.AddNexGenClient(configuration.GetSection("NexGen")));

        Assert.Contains("NexGenClientOptions.AttemptTimeout must be at most 24 hours. Configuration key NexGen:AttemptTimeout (environment variable NexGen__AttemptTimeout). "
            + "A time in configuration is a TimeSpan written hh:mm:ss ('00:00:30' is 30 seconds): '10' is 10 days.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("given the whole configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_no_option_reads_is_named_beside_the_option_it_leaves_missing()
    {
        var configuration = Configuration(("NexGen:BaseUrl", "https://api.example.com/"), ("NexGen:OrganizationId", "org_1"), ("NexGen:PracticeId", "practice_1"), ("NexGen:token", "tok_1"));

        var error = FirstUse(services => services.AddNexGenClient(configuration.GetSection("NexGen")));

        Assert.StartsWith("The section 'NexGen' has keys that are no NexGenClientOptions property and are ignored: BaseUrl.; NexGenClientOptions.BaseAddress is required.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("https://api.example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_set_in_code_name_only_the_property()
    {
        var error = FirstUse(services => services.AddNexGenClient(o => o.Token = "tok_1"));

        Assert.Contains("NexGenClientOptions.BaseAddress is required.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Configuration key", error.Message, StringComparison.Ordinal);
    }

    /// <summary>What an app that never starts its host sees: the failure at the first resolution of the client.</summary>
    private static OptionsValidationException FirstUse(Action<IServiceCollection> register, string? name = null)
    {
        var services = new ServiceCollection();
        register(services);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => name is null ? provider.GetRequiredService<BookingWorkflow>() : provider.GetRequiredKeyedService<BookingWorkflow>(name));
    }

    /// <summary>A "NexGen" section with valid options, and the <paramref name="more"/> keys a test adds.</summary>
    private static IConfiguration ValidNexGenSection(params (string Key, string Value)[] more)
        => Configuration([("NexGen:BaseAddress", "https://api.example.com/"), ("NexGen:OrganizationId", "org_1"), ("NexGen:PracticeId", "practice_1"), ("NexGen:Token", "tok_1"), .. more]);

    private static IConfiguration Configuration(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
