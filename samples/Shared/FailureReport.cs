using Dentally.NexGen.Client;

namespace Dentally.NexGen.Samples;

/// <summary>Turns an exception into the one line a sample prints, and its exit code.</summary>
internal static class FailureReport
{
    public static int Write(Exception exception, TextWriter error, bool verbose)
    {
        var (line, code) = exception switch
        {
            BookingOutcomeUnknownException unknown => ($"error: {unknown.Message}{Environment.NewLine}"
                + $"The appointment may exist. To finish this booking safely, run the same command again with: --idempotency-key {unknown.IdempotencyKey}", 75),
            NexGenTransportException transport => ($"error: {transport.Message}", 1),
            // The message names the invalid fields, and for an id the server's reason ("does not match any site").
            NexGenValidationException invalid => ($"error: {invalid.Message}" + Hint(invalid), 1),
            NexGenApiException api => ($"error: HTTP {api.StatusCode} {api.Problem?.Title ?? "error"} (request id {api.RequestId ?? "none"})" + Hint(api), 1),
            NexGenBookingException booking => ($"error: {booking.Message}", 1),
            ArgumentException argument => ($"error: {WithoutParameterName(argument)}", 2),
            OperationCanceledException => ("error: cancelled", 130),
            _ => ($"error: {exception.GetType().Name}: {exception.Message}", 3),
        };

        error.WriteLine(line);
        if (verbose)
        {
            error.WriteLine(exception.ToString());
        }

        return code;
    }

    /// <summary>What to check for the failures a wrong setting causes; the status alone says which.</summary>
    private static string Hint(NexGenApiException exception) => exception switch
    {
        NexGenUnauthorizedException => Environment.NewLine
            + "hint: the server did not accept the token. Check --token (or the DENTALLY_NEXGEN_TOKEN environment variable): a token issued for this server, not expired or revoked.",
        NexGenForbiddenException => Environment.NewLine
            + "hint: the token may not reach this organisation or practice. Check --org and --practice, and that the token was issued for them.",
        NexGenValidationException invalid when invalid.Errors.ContainsKey("location_uuid") => Environment.NewLine
            + "hint: check --location, the site's uuid: `dotnet run --project samples/ListSites` with the same --base-url, --token, --org and --practice lists the sites.",
        NexGenNotFoundException => Environment.NewLine
            + "hint: nothing at that address. Check --base-url (the API's root, without /api/v1) and --org (your organisation id).",
        _ => string.Empty,
    };

    private static string WithoutParameterName(ArgumentException exception)
        => exception.ParamName is null ? exception.Message : exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal);
}
