using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PSPipedream.Http;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The -Verbose/-Debug lines of a command's requests. Requests report each exchange from
    /// whatever thread ends it (<see cref="Add"/>); the lines are written on the pipeline thread
    /// while it waits (<see cref="Wait{T}"/>), each as its exchange ends, so a retry's line shows
    /// before its wait and not after.
    /// </summary>
    internal sealed class PdTraceWriter : IDisposable
    {
        private readonly PSCmdlet _cmdlet;
        private readonly ConcurrentQueue<PdTrace> _traces = new ConcurrentQueue<PdTrace>();
        private readonly AutoResetEvent _traced = new AutoResetEvent(false);

        public PdTraceWriter(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>The trace sink: takes one exchange's line, on any thread.</summary>
        public void Add(PdTrace trace)
        {
            _traces.Enqueue(trace);
            _traced.Set();
        }

        /// <summary>True when -Debug (or $DebugPreference) asks for the bodies; read on the pipeline thread.</summary>
        public bool CaptureBodies
        {
            get
            {
                var debug = PdCommonParameters.GivenOrPreference(_cmdlet, "Debug", "DebugPreference");
                return debug is bool given ? given : PdCommonParameters.Shows(debug);
            }
        }

        /// <summary>Sends the lines of <paramref name="request"/> here, its bodies too under -Debug.</summary>
        public PdRequest Attach(PdRequest request)
        {
            request.Trace = Add;
            request.CaptureBodies = CaptureBodies;
            return request;
        }

        /// <summary>
        /// Blocks on a task, writing the lines as they come. Ctrl+C (<paramref name="cancellation"/>
        /// cancelled) surfaces as PipelineStoppedException: the pipeline just stops, with no error
        /// record. A failed task throws its exception.
        /// </summary>
        public T Wait<T>(Task<T> task, CancellationToken cancellation)
        {
            try
            {
                WaitToEnd(task);
                return task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            finally
            {
                Flush();
            }
        }

        /// <summary>Waits for a task to end without observing its outcome, writing the lines as they come.</summary>
        public void WaitToEnd(Task task)
        {
            var handles = new[] { ((IAsyncResult)task).AsyncWaitHandle, _traced };
            while (WaitHandle.WaitAny(handles) == 1) Flush();
            Flush();
        }

        /// <summary>Writes the lines queued so far; only ever called on the pipeline thread.</summary>
        public void Flush()
        {
            while (_traces.TryDequeue(out var trace))
            {
                PdStreams.VerboseLine(_cmdlet, trace.ToString());
                if (trace.RequestBody != null) _cmdlet.WriteDebug("Request body: " + PdText.Printable(trace.RequestBody));
                if (trace.ResponseBody != null) _cmdlet.WriteDebug("Response body: " + PdText.Printable(trace.ResponseBody));
            }
        }

        public void Dispose() => _traced.Dispose();
    }
}
