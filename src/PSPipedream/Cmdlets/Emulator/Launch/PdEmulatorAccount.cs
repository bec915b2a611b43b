using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// One user as the emulator's control API lists it (GET /_emulator/users): the user Start-PdEmulator
    /// shows, with its key shown only as a hint, and the key itself, which only the connection to
    /// the first user keeps.
    /// </summary>
    internal sealed class PdEmulatorAccount
    {
        private PdEmulatorAccount(PdEmulatorUser user, string? apiKey)
        {
            User = user;
            ApiKey = apiKey;
        }

        public PdEmulatorUser User { get; }

        public string? ApiKey { get; }

        /// <summary>The users of a control answer, in its order; an answer of another shape throws (PdEmulatorControl turns that into PdEmulatorControlFailed).</summary>
        public static List<PdEmulatorAccount> ReadAll(JToken? answer) =>
            PdEmulatorJson.ExpectArray(answer).Select(Read).ToList();

        private static PdEmulatorAccount Read(JToken entry)
        {
            var user = PdEmulatorJson.ExpectObject(entry);
            var key = (string?)user["api_key"];
            return new PdEmulatorAccount(new PdEmulatorUser
            {
                Id = (string?)user["id"],
                Username = (string?)user["username"],
                Email = (string?)user["email"],
                ApiKeyHint = key == null ? null : PdConnection.HintFor(key),
            }, key);
        }
    }
}
