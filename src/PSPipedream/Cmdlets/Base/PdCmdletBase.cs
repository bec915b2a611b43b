using System;
using System.Management.Automation;
using System.Threading;
using PSPipedream.Errors;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Base of every cmdlet of the module that does more than read the session: Ctrl+C that
    /// cancels the work in flight, a PdApiException that becomes the current item's error, lines
    /// that never stop to ask, and the input checks (PdCmdletBase.Checks.cs). The API cmdlets add
    /// sending on top (<see cref="PdCmdlet"/>); the emulator cmdlets add the control client
    /// (<see cref="PdEmulatorCmdlet"/>).
    /// </summary>
    public abstract partial class PdCmdletBase : PSCmdlet, IDisposable
    {
        private CancellationTokenSource? _cts;
        private PdTraceWriter? _traceWriter;

        // Set by StopProcessing, on another thread.
        private volatile bool _stopRequested;

        /// <summary>Cancelled by Ctrl+C (StopProcessing).</summary>
        private protected CancellationToken CancellationToken => (_cts ??= new CancellationTokenSource()).Token;

        /// <summary>True once Ctrl+C was pressed.</summary>
        private protected bool StopRequested => _stopRequested;

        /// <summary>The -Verbose/-Debug lines of this command's requests, made when the first one is sent.</summary>
        private protected PdTraceWriter Traces => _traceWriter ??= new PdTraceWriter(this);

        /// <summary>Writes the request lines queued so far (on the pipeline thread).</summary>
        private protected void FlushTraces() => _traceWriter?.Flush();

        /// <summary>The input the current error is about (an id or input object); null by default.</summary>
        private protected virtual object? ErrorTarget => null;

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
                WriteItemError(PdErrors.ToErrorRecord(ex, ErrorTarget));
            }
            catch (Exception)
            {
                OnRecordFailing();
                throw;
            }
        }

        /// <summary>The cmdlet's work for one pipeline input.</summary>
        private protected abstract void ProcessPdRecord();

        /// <summary>
        /// Called when the current input ends in an error that stops the command (anything but a
        /// PdApiException), before the error leaves: what the command still has in flight ends first.
        /// </summary>
        private protected virtual void OnRecordFailing()
        {
        }

        protected override void StopProcessing()
        {
            _stopRequested = true;
            CancelAll();
        }

        /// <summary>Cancels whatever the command has in flight (as Ctrl+C does, without stopping the pipeline).</summary>
        private protected void CancelAll()
        {
            try
            {
                _cts?.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        /// <summary>A verbose line that never stops to ask (see <see cref="PdStreams.VerboseLine"/>).</summary>
        private protected void WriteVerboseLine(string text) => PdStreams.VerboseLine(this, text);

        /// <summary>A warning that never stops to ask (see <see cref="PdStreams.WarningLine"/>).</summary>
        private protected void WriteWarningLine(string text) => PdStreams.WarningLine(this, text);

        /// <summary>
        /// Stops the cmdlet with <paramref name="exception"/> (a failed request, or a check of the
        /// module's own) as its error about <paramref name="target"/>.
        /// </summary>
        private protected void ThrowApiError(PdApiException exception, object? target) =>
            ThrowTerminatingError(PdErrors.ToErrorRecord(exception, target));

        /// <summary>What a base frees when the command is done, however it ended (before the request lines' writer and Ctrl+C's source go).</summary>
        private protected virtual void OnDisposing()
        {
        }

        public void Dispose()
        {
            OnDisposing();
            _traceWriter?.Dispose();
            _traceWriter = null;
            _cts?.Dispose();
            _cts = null;
            GC.SuppressFinalize(this);
        }
    }
}
