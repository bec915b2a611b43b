using Microsoft.AspNetCore.Connections;

namespace PSPipedream.Emulator;

/// <summary>One line saying why the server could not start, without the stack trace.</summary>
internal static class StartFailure
{
    public static string Describe(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            // Kestrel's own message names the address: "Failed to bind to address <url>: address already in use."
            if (x is IOException && x.InnerException is AddressInUseException) return OneLine(x.Message);
        }
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is AddressInUseException) return "Cannot listen: address already in use (" + OneLine(x.Message) + ").";
        }
        return "Cannot start: " + OneLine(e.Message);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
