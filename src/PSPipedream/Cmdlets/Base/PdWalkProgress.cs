using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using PSPipedream.Http;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Write-Progress for a walk over several pages: from the second request on it shows how many
    /// items were read (and of how many, with a percentage, when the API gave total_count), and it
    /// is completed when the walk ends, however it ends. Nothing shows for a one-page list.
    /// </summary>
    internal sealed class PdWalkProgress
    {
        private static int _lastActivityId;
        private readonly Cmdlet _cmdlet;
        private readonly string _activity;
        private readonly int _activityId;
        private int _requests;
        private long _read;
        private long? _total;
        private bool _shown;

        public PdWalkProgress(Cmdlet cmdlet, string activity)
        {
            _cmdlet = cmdlet;
            _activity = activity;
            // Each walk its own id, so nested walks (Get-PdSource -All | Get-PdEvent -All) show as two bars.
            _activityId = Interlocked.Increment(ref _lastActivityId) & 0x3fffffff;
        }

        /// <summary>The walk's page fetch, counting what it reads and showing progress before each request from the second on.</summary>
        public Func<PdRequest, TPage> Around<TPage>(Func<PdRequest, TPage> fetch) where TPage : IPdPage => request =>
        {
            if (++_requests >= 2) Show();
            var page = fetch(request);
            _read += page.Count;
            _total = page.PageInfo.TotalCount ?? _total;
            return page;
        };

        private void Show()
        {
            var status = _total.HasValue
                ? string.Format(CultureInfo.InvariantCulture, "{0:N0} of {1:N0}", _read, _total.Value)
                : _read.ToString("N0", CultureInfo.InvariantCulture);
            var record = new ProgressRecord(_activityId, _activity, status);
            if (_total > 0) record.PercentComplete = (int)Math.Min(100, _read * 100 / _total.Value);
            _cmdlet.WriteProgress(record);
            _shown = true;
        }

        /// <summary>Ends the bar (at the end of the walk, on an error, and on Ctrl+C).</summary>
        public void Complete()
        {
            if (!_shown) return;
            _shown = false;
            try
            {
                _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
            }
            catch (PipelineStoppedException)
            {
                // Stopping: the host clears the pipeline's progress itself.
            }
        }
    }
}
