using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using PSPipedream.Connection;
using PSPipedream.Errors;
using PSPipedream.Http;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of every API cmdlet: -Connection (else the current connection, else one made from
    /// environment variables), Ctrl+C that cancels the request in flight, PdApiException ->
    /// ErrorRecord, and -Verbose/-Debug lines for every request written on the pipeline thread.
    /// Subclasses implement <see cref="ProcessPdRecord"/> and call <see cref="Send"/> /
    /// <see cref="SendForData"/> / <see cref="SendFor{T}"/>; an uncaught PdApiException becomes a
    /// non-terminating error whose target is <see cref="ErrorTarget"/>.
    /// </summary>
    public abstract partial class PdCmdletBase : PSCmdlet, IDisposable
    {
        private CancellationTokenSource? _cts;
        private readonly ConcurrentQueue<PdTrace> _traces = new ConcurrentQueue<PdTrace>();
        private readonly AutoResetEvent _traced = new AutoResetEvent(false);
        private PdConnection? _resolved;

        // Ctrl+C: set by StopProcessing, on another thread.
        private volatile bool _stopRequested;

        /// <summary>A connection given explicitly (PdCmdlet's -Connection); null means the current one.</summary>
        protected virtual PdConnection? ExplicitConnection => null;

        /// <summary>Cancelled by Ctrl+C (StopProcessing).</summary>
        protected CancellationToken CancellationToken => (_cts ??= new CancellationTokenSource()).Token;

        /// <summary>The input the current error is about (an id or input object); null by default.</summary>
        protected virtual object? ErrorTarget => null;

        protected override void BeginProcessing()
        {
            _cts ??= new CancellationTokenSource();
        }

        protected sealed override void ProcessRecord()
        {
            try
            {
                ProcessPdRecord();
            }
            catch (PdApiException ex)
            {
                FlushTraces();
                WriteItemError(PdErrors.ToErrorRecord(ex, ErrorTarget));
            }
            catch (Exception) when (_pending.Count > 0 && !_stopRequested)
            {
                // A terminating error about this item: the items before it still in flight end
                // first, and what they wrote comes before the error.
                try
                {
                    FinishPending(0);
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    // Settled by FinishPending; the first error is the one to report.
                }
                throw;
            }
        }

        /// <summary>The cmdlet's work for one pipeline input.</summary>
        protected abstract void ProcessPdRecord();

        protected override void StopProcessing()
        {
            _stopRequested = true;
            try
            {
                _cts?.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        /// <summary>The connection for this call: -Connection, the current one, or one made from the environment.</summary>
        protected PdConnection ResolveConnection()
        {
            if (_resolved != null) return _resolved;
            var connection = ExplicitConnection ?? PdSession.Current;
            if (connection == null)
            {
                var fromEnvironment = PdConnector.FromEnvironment(this);
                if (fromEnvironment == null) ThrowTerminatingError(PdErrors.NotConnectedRecord());
                connection = PdSession.SetIfNone(fromEnvironment!);
            }
            _resolved = connection;
            return connection!;
        }

        /// <summary>
        /// The URL <paramref name="request"/> would go to, found without sending anything: through
        /// the connection when there is one (-Connection or the current one), else through the base
        /// URI the environment names ($env:PIPEDREAM_BASE_URL, or the default, when
        /// $env:PIPEDREAM_API_KEY is set). For a -WhatIf/-Confirm target: connecting from the
        /// environment checks the key with GET /users/me, which -WhatIf must not send, so the
        /// connection is resolved only once the request is to be sent. Not connected and no key in
        /// the environment: the terminating PdNotConnected, as <see cref="ResolveConnection"/>.
        /// Throws PdApiException when the request cannot be built.
        /// </summary>
        protected Uri PreviewUri(PdRequest request)
        {
            var connection = _resolved ?? ExplicitConnection ?? PdSession.Current;
            if (connection != null) return connection.Client.BuildUri(request);
            if (PdConnector.Env(PdConnector.ApiKeyVariable) == null) ThrowTerminatingError(PdErrors.NotConnectedRecord());
            Uri baseUri;
            try
            {
                baseUri = PdConnector.EnvironmentBaseUri();
            }
            catch (PdApiException ex)
            {
                ThrowTerminatingError(PdErrors.ToErrorRecord(ex, null));
                throw;
            }
            return PdClient.BuildUri(baseUri, request);
        }

        /// <summary>The base URI (ending in '/') requests would go to, found without sending anything; see <see cref="PreviewUri"/>.</summary>
        protected Uri PreviewBaseUri() => PreviewUri(new PdRequest(HttpMethod.Get));

        /// <summary>Sends a request through the resolved connection, blocking this (pipeline) thread.</summary>
        protected JToken? Send(PdRequest request) => Wait(SendAsync(request));

        /// <summary>Sends and returns the "data" token.</summary>
        protected JToken? SendForData(PdRequest request) =>
            Wait(ResolveConnection().Client.SendForDataAsync(Prepare(request), CancellationToken));

        /// <summary>Sends and maps the "data" object to a model (any other answer is PdInvalidResponse).</summary>
        protected T SendFor<T>(PdRequest request) where T : class => Wait(SendForAsync<T>(request));

        internal T SendFor<T>(PdConnection connection, PdRequest request) where T : class =>
            Wait(connection.Client.SendAsync<T>(Prepare(request), CancellationToken));

        /// <summary>Reads one page of models (for the pager).</summary>
        protected PdPage<T> SendForPage<T>(PdRequest request) where T : PdModel => Wait(SendForPageAsync<T>(request));

        // The Async forms resolve the connection and prepare the request here, on the pipeline
        // thread; only the exchange itself runs later. For Dispatch.

        /// <summary>Starts sending a request; see <see cref="Send"/>.</summary>
        protected Task<JToken?> SendAsync(PdRequest request) =>
            ResolveConnection().Client.SendAsync(Prepare(request), CancellationToken);

        /// <summary>Starts sending a request whose "data" object is a model; see <see cref="SendFor{T}(PdRequest)"/>.</summary>
        protected Task<T> SendForAsync<T>(PdRequest request) where T : class =>
            ResolveConnection().Client.SendAsync<T>(Prepare(request), CancellationToken);

        /// <summary>Starts reading one page; see <see cref="SendForPage"/>.</summary>
        protected Task<PdPage<T>> SendForPageAsync<T>(PdRequest request) where T : PdModel =>
            ResolveConnection().Client.GetPageAsync<T>(Prepare(request), CancellationToken);

        private PdRequest Prepare(PdRequest request)
        {
            request.Trace = trace =>
            {
                _traces.Enqueue(trace);
                _traced.Set();
            };
            request.CaptureBodies = IsDebugWanted();
            if (request.Method != HttpMethod.Get) _preparedChange = true;
            return request;
        }

        /// <summary>
        /// Blocks on a task, writing each verbose/debug line as its exchange ends (so a retry's
        /// line shows before its wait, not after). Ctrl+C surfaces as PipelineStoppedException
        /// (the pipeline just stops; no error record).
        /// </summary>
        protected T Wait<T>(Task<T> task)
        {
            Wait((Task)task);
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Blocks on a task; see <see cref="Wait{T}"/>. A failed task throws its exception.</summary>
        protected void Wait(Task task)
        {
            try
            {
                var handles = new[] { ((IAsyncResult)task).AsyncWaitHandle, _traced };
                while (WaitHandle.WaitAny(handles) == 1) FlushTraces();
                task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_cts != null && _cts.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                FlushTraces();
            }
        }

        /// <summary>Writes the queued request lines; only ever called on the pipeline thread.</summary>
        protected void FlushTraces()
        {
            while (_traces.TryDequeue(out var trace))
            {
                WriteVerboseLine(trace.ToString());
                if (trace.RequestBody != null) WriteDebug("Request body: " + PdText.Printable(trace.RequestBody));
                if (trace.ResponseBody != null) WriteDebug("Response body: " + PdText.Printable(trace.ResponseBody));
            }
        }

        /// <summary>A verbose line that never stops to ask (see <see cref="PdStreams.VerboseLine"/>).</summary>
        protected void WriteVerboseLine(string text) => PdStreams.VerboseLine(this, text);

        /// <summary>A warning that never stops to ask (see <see cref="PdStreams.WarningLine"/>).</summary>
        protected void WriteWarningLine(string text) => PdStreams.WarningLine(this, text);

        private bool IsDebugWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug))
            {
                return debug is SwitchParameter sp ? sp.IsPresent : LanguagePrimitives.IsTrue(debug);
            }
            var preference = GetVariableValue("DebugPreference");
            if (preference is ActionPreference ap) return ap != ActionPreference.SilentlyContinue && ap != ActionPreference.Ignore;
            if (preference is PSObject pso && pso.BaseObject is ActionPreference ap2)
                return ap2 != ActionPreference.SilentlyContinue && ap2 != ActionPreference.Ignore;
            return false;
        }

        /// <summary>Writes a model (with its unknown fields as note properties).</summary>
        protected void WriteModel(PdModel model)
        {
            RememberForCompletion(model);
            WriteObject(model.ToPSObject());
        }

        /// <summary>Component keys for Tab completion of Get-PdComponent -Key, which has no list to ask for.</summary>
        private void RememberForCompletion(PdModel model)
        {
            if (_resolved == null) return;
            if (model is Component component)
            {
                PdCompletionCache.Shared.AddComponentKey(_resolved, component.Key, component.Name);
            }
            else if (model is Source && model.TryGetUnknownField("component_key", out var key) && key.Type == JTokenType.String)
            {
                PdCompletionCache.Shared.AddComponentKey(_resolved, (string?)key, null);
            }
        }

        /// <summary>Writes a non-terminating error for an API failure about <paramref name="target"/>.</summary>
        protected void WriteApiError(PdApiException exception, object? target) =>
            WriteError(PdErrors.ToErrorRecord(exception, target));

        /// <summary>Stops the cmdlet with an API failure about <paramref name="target"/>.</summary>
        protected void ThrowApiError(PdApiException exception, object? target) =>
            ThrowTerminatingError(PdErrors.ToErrorRecord(exception, target));

        /// <summary>
        /// Validates an id before any request: not empty, and starting with one of the prefixes
        /// (e.g. "dc_"). Throws a terminating PdInvalidArgument naming the parameter.
        /// </summary>
        protected void ValidateId(string parameterName, string? value, params string[] prefixes)
        {
            var problem = PdValidation.CheckId(value, prefixes);
            if (problem != null) ThrowTerminatingError(PdErrors.InvalidArgumentRecord(parameterName, problem, value));
        }

        /// <summary>
        /// Like <see cref="ValidateId"/> for a value that may come from the pipeline: with pipeline
        /// input a bad id is a non-terminating PdInvalidArgument for this item (returns false and the
        /// pipeline goes on with the next one); given directly, it is terminating.
        /// </summary>
        protected bool TryValidateId(string parameterName, string? value, params string[] prefixes)
        {
            var problem = PdValidation.CheckId(value, prefixes);
            if (problem == null) return true;
            RejectItemArgument(parameterName, problem, value);
            return false;
        }

        /// <summary>
        /// PdInvalidArgument naming the parameter: non-terminating when the cmdlet has pipeline
        /// input (the caller then skips the item), terminating otherwise.
        /// </summary>
        protected void RejectItemArgument(string parameterName, string message, object? value)
        {
            var record = PdErrors.InvalidArgumentRecord(parameterName, message, value);
            if (MyInvocation.ExpectingInput) WriteItemError(record);
            else ThrowTerminatingError(record);
        }

        /// <summary>Terminating PdInvalidArgument naming the parameter.</summary>
        protected void ThrowInvalidArgument(string parameterName, string message, object? value) =>
            ThrowTerminatingError(PdErrors.InvalidArgumentRecord(parameterName, message, value));

        protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

        /// <summary>
        /// ShouldProcess for a cmdlet with -Force: -Force skips the confirmation prompt (unless
        /// -Confirm is given explicitly), but -WhatIf always wins and nothing is done.
        /// </summary>
        protected bool ShouldProcessForce(bool force, string target, string action)
        {
            if (force && !IsBound("Confirm") && !IsWhatIfWanted()) return true;
            return ShouldProcessItem(target, action);
        }

        /// <summary>
        /// ShouldProcess with the target made printable (control and invisible characters as
        /// \uXXXX, see <see cref="PdText.Printable"/>): a name or id in the What-if or Confirm text
        /// cannot send escape sequences to the console or pass for another.
        /// </summary>
        protected bool ShouldProcessItem(string target, string action) => ShouldProcess(PdText.Printable(target), action);

        /// <summary>True when -WhatIf is given or $WhatIfPreference is set.</summary>
        protected bool IsWhatIfWanted()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf))
            {
                return whatIf is SwitchParameter sp ? sp.IsPresent : LanguagePrimitives.IsTrue(whatIf);
            }
            return LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
        }

        public void Dispose()
        {
            // Only when the command ended without passing through FinishPending (e.g. another command
            // of the pipeline failed): changes still in flight end, and are named.
            SettlePending(writeOutcomes: false);
            _traced.Dispose();
            _cts?.Dispose();
            _cts = null;
            GC.SuppressFinalize(this);
        }
    }

    /// <summary>Base of every API cmdlet: adds -Connection to <see cref="PdCmdletBase"/>.</summary>
    public abstract class PdCmdlet : PdCmdletBase
    {
        /// <summary>The connection to use instead of the current one (from Connect-PdAccount -PassThru).</summary>
        [Parameter(HelpMessage = "A connection from Connect-PdAccount -PassThru; defaults to the current connection.")]
        [ValidateNotNull]
        public PdConnection? Connection { get; set; }

        protected override PdConnection? ExplicitConnection => Connection;
    }

    /// <summary>-ThrottleLimit: how many items' requests a cmdlet may have in flight at once.</summary>
    public static class PdThrottle
    {
        public const int Max = 32;

        public const string HelpMessage =
            "How many pipeline items' requests to have in flight at once, 1 to 32 (default 1, one after the other). Output still comes in input order; -WhatIf and -Confirm still ask first, item by item.";
    }

    /// <summary>Base of the cmdlets that send a request per pipeline item: adds -ThrottleLimit (see <see cref="PdCmdletBase.Dispatch{T}"/>).</summary>
    public abstract class PdFanOutCmdlet : PdCmdlet
    {
        [Parameter(HelpMessage = PdThrottle.HelpMessage)]
        [ValidateRange(1, PdThrottle.Max)]
        public int ThrottleLimit { get; set; } = 1;

        protected override int ThrottleLimitValue => ThrottleLimit;
    }
}
