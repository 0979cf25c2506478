using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Dentally.NexGen.Client;

/// <summary>
/// Names why a call got no usable answer, in words an integrator can act on — a refused connection,
/// an unknown host, a TLS failure, a reset, a response cut off — and how many attempts it took in how
/// long. Read from the exception chain (socket error codes, <c>HttpRequestError</c> on .NET 8+), never
/// from exception messages, which vary by platform and language.
/// </summary>
internal static class TransportCause
{
    /// <summary>A sentence naming the cause of <paramref name="failure"/>, with the attempts made.</summary>
    public static string Describe(Exception failure, int attempts, TimeSpan elapsed)
        => Cause(failure) + Attempts(attempts, elapsed);

    /// <summary>" after N attempts in T s", or nothing when the count is unknown.</summary>
    public static string Attempts(int attempts, TimeSpan elapsed)
        => attempts <= 0
            ? string.Empty
            : string.Format(CultureInfo.InvariantCulture, " after {0} attempt{1} in {2:0.#} s", attempts, attempts == 1 ? string.Empty : "s", elapsed.TotalSeconds);

    /// <summary>
    /// Whether <paramref name="failure"/> says the request never left: no connection was made (refused,
    /// unknown host, TLS handshake or proxy tunnel failed). A reset, a cut-off answer or a timeout may
    /// have followed the request, so they are not.
    /// </summary>
    public static bool NeverSent(Exception? failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Only errors of connecting: a timeout or an unreachable host can also end an established connection.
                case SocketException socket when socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain:
                case AuthenticationException:
#if NET8_0_OR_GREATER
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError }:
#endif
                    return true;
            }
        }

        return false;
    }

    private static string Cause(Exception failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SocketException socket when Socket(socket.SocketErrorCode) is { } cause:
                    return cause;
                case AuthenticationException:
                    return "The TLS handshake failed (check the certificate, or use https only where the server offers it)";
#if NET8_0_OR_GREATER
                case HttpRequestException { HttpRequestError: var error } when Http(error) is { } cause:
                    return cause;
                case HttpIOException { HttpRequestError: var ioError } when Http(ioError) is { } ioCause:
                    return ioCause;
#endif
            }
        }

        return failure is OperationCanceledException
            ? "The connection was abandoned before an answer arrived"
            : "The connection failed (" + failure.GetType().Name + ")";
    }

    private static string? Socket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "The connection was refused (is a server listening at BaseAddress?)",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "The host name was not found (check BaseAddress)",
        SocketError.TimedOut => "Connecting timed out",
        SocketError.ConnectionReset or SocketError.ConnectionAborted => "The connection was reset",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => "The network or host is unreachable",
        _ => null,
    };

#if NET8_0_OR_GREATER
    private static string? Http(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "The host name was not found (check BaseAddress)",
        HttpRequestError.SecureConnectionError => "The TLS handshake failed (check the certificate, or use https only where the server offers it)",
        HttpRequestError.ResponseEnded => "The response was cut off before it ended",
        HttpRequestError.InvalidResponse => "The answer was not valid HTTP",
        HttpRequestError.ProxyTunnelError => "The proxy refused the tunnel",
        _ => null,
    };
#endif
}
