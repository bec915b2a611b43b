using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using PSPipedream.Text;

namespace PSPipedream.Errors
{
    /// <summary>The one place that maps failures to ErrorIds, categories and ErrorRecords.</summary>
    internal static class PdErrors
    {
        public const string BadRequest = "PdBadRequest";
        public const string InvalidArgument = "PdInvalidArgument";
        public const string Unauthorized = "PdUnauthorized";
        public const string ProxyAuthenticationRequired = "PdProxyAuthenticationRequired";
        public const string Forbidden = "PdForbidden";
        public const string NotFound = "PdNotFound";
        public const string RateLimited = "PdRateLimited";
        public const string ServerError = "PdServerError";
        public const string RequestFailed = "PdRequestFailed";
        public const string Timeout = "PdTimeout";
        public const string ConnectionFailed = "PdConnectionFailed";
        public const string InvalidResponse = "PdInvalidResponse";
        public const string NotConnected = "PdNotConnected";
        public const string NoApiKey = "PdNoApiKey";
        public const string ProfileNotFound = "PdProfileNotFound";
        public const string InsecureBaseUri = "PdInsecureBaseUri";
        public const string EmulatorNotLocal = "PdEmulatorNotLocal";
        public const string EmulatorNotFound = "PdEmulatorNotFound";
        public const string EmulatorNotStarted = "PdEmulatorNotStarted";
        public const string EmulatorStartFailed = "PdEmulatorStartFailed";
        public const string EmulatorPortInUse = "PdEmulatorPortInUse";
        public const string EmulatorControlFailed = "PdEmulatorControlFailed";
        public const string InvalidConfiguration = "PdInvalidConfiguration";
        public const string AmbiguousName = "PdAmbiguousName";
        public const string WaitTimeout = "PdWaitTimeout";

        private static readonly Dictionary<string, ErrorCategory> Categories = new Dictionary<string, ErrorCategory>(StringComparer.Ordinal)
        {
            [BadRequest] = ErrorCategory.InvalidArgument,
            [InvalidArgument] = ErrorCategory.InvalidArgument,
            [Unauthorized] = ErrorCategory.AuthenticationError,
            [ProxyAuthenticationRequired] = ErrorCategory.AuthenticationError,
            [Forbidden] = ErrorCategory.PermissionDenied,
            [NotFound] = ErrorCategory.ObjectNotFound,
            [RateLimited] = ErrorCategory.ResourceUnavailable,
            [ServerError] = ErrorCategory.ResourceUnavailable,
            [RequestFailed] = ErrorCategory.InvalidResult,
            [Timeout] = ErrorCategory.OperationTimeout,
            [ConnectionFailed] = ErrorCategory.ConnectionError,
            [InvalidResponse] = ErrorCategory.InvalidResult,
            [NotConnected] = ErrorCategory.AuthenticationError,
            [NoApiKey] = ErrorCategory.AuthenticationError,
            [ProfileNotFound] = ErrorCategory.ObjectNotFound,
            [InsecureBaseUri] = ErrorCategory.SecurityError,
            [EmulatorNotLocal] = ErrorCategory.SecurityError,
            [EmulatorNotFound] = ErrorCategory.ObjectNotFound,
            [EmulatorNotStarted] = ErrorCategory.ResourceUnavailable,
            [EmulatorStartFailed] = ErrorCategory.OpenError,
            [EmulatorPortInUse] = ErrorCategory.ResourceBusy,
            [EmulatorControlFailed] = ErrorCategory.InvalidResult,
            [InvalidConfiguration] = ErrorCategory.InvalidData,
            [AmbiguousName] = ErrorCategory.InvalidData,
            [WaitTimeout] = ErrorCategory.OperationTimeout,
        };

        /// <summary>400 PdBadRequest, 422 PdInvalidArgument, 401, 403, 404, 407 PdProxyAuthenticationRequired, 408 PdTimeout, 429, 5xx, anything else PdRequestFailed.</summary>
        public static string ErrorIdForStatus(int status)
        {
            switch (status)
            {
                case 400: return BadRequest;
                case 422: return InvalidArgument;
                case 401: return Unauthorized;
                case 403: return Forbidden;
                case 404: return NotFound;
                case 407: return ProxyAuthenticationRequired;
                case 408: return Timeout;
                case 429: return RateLimited;
            }
            return status >= 500 && status <= 599 ? ServerError : RequestFailed;
        }

        /// <summary>
        /// The key itself was refused (401, or 407 from a proxy): every later request fails the
        /// same way, so a long run (a wait, an import) ends rather than sending them.
        /// </summary>
        public static bool IsKeyRefused(PdApiException error) =>
            error.ErrorId == Unauthorized || error.ErrorId == ProxyAuthenticationRequired;

        public static ErrorCategory CategoryFor(string errorId) =>
            Categories.TryGetValue(errorId, out var c) ? c : ErrorCategory.NotSpecified;

        /// <summary>
        /// The ErrorRecord for an API failure: ErrorId and category from the failure, target the
        /// input id or object. The console shows the exception's message, which names the method,
        /// path, status, the API's own message and the attempts made; the API's message alone is
        /// <see cref="PdApiException.ApiMessage"/>.
        /// </summary>
        public static ErrorRecord ToErrorRecord(PdApiException exception, object? target) =>
            new ErrorRecord(exception, exception.ErrorId, exception.Category, PdText.Target(target));

        /// <summary>An error the module raises itself (no HTTP involved), e.g. an id not found in a list.</summary>
        public static ErrorRecord Create(string errorId, string message, object? target, Exception? inner = null)
        {
            var exception = new PdApiException(errorId, message, innerException: inner);
            return new ErrorRecord(exception, errorId, CategoryFor(errorId), PdText.Target(target));
        }

        /// <summary>PdNotFound for an id the list did not contain.</summary>
        public static ErrorRecord NotFoundRecord(string what, string id) =>
            Create(NotFound, string.Format(CultureInfo.InvariantCulture, "{0} '{1}' was not found.", what, PdText.Quote(id)), id);

        /// <summary>PdInvalidArgument naming the parameter, raised before any request is made.</summary>
        public static ErrorRecord InvalidArgumentRecord(string parameterName, string message, object? value)
        {
            var exception = new PdArgumentException(parameterName,
                string.Format(CultureInfo.InvariantCulture, "Cannot validate argument on parameter '{0}'. {1}", parameterName, message));
            return new ErrorRecord(exception, InvalidArgument, ErrorCategory.InvalidArgument, PdText.Target(value));
        }

        public static ErrorRecord NotConnectedRecord() => Create(NotConnected,
            "Not connected to Pipedream. Run Connect-PdAccount, or set $env:PIPEDREAM_API_KEY " +
            "(and optionally $env:PIPEDREAM_BASE_URL and $env:PIPEDREAM_ORG_ID) so that cmdlets connect on their own.",
            null);
    }
}
