using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using PSPipedream.Errors;
using PSPipedream.Http;
using PSPipedream.Text;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// The one loop of live following, shared by the event list cmdlets. Rounds of polls: each
    /// emitter that is due is asked for its newest page (one request, through the connection's
    /// retries), the polls spaced by the connection's pacer; the round's new events are written
    /// as one stream in time order. A poll that still fails is a fault that backs that emitter
    /// off; a refused key ends the wait; an emitter that is gone ends its own part.
    /// </summary>
    public abstract partial class PdEventListCmdlet<T>
    {
        private void Follow(IReadOnlyList<string> emitterIds)
        {
            var pacer = PdPollPacer.For(ResolveConnection().Client);
            var interval = FollowInterval(emitterIds.Count);
            var faults = new PdFollowFaults(interval);
            var followed = emitterIds.Select((id, i) => new PdFollowedEmitter(id, i)).ToList();
            using (var deadline = PdWaitDeadline.Start(IsBound(nameof(Timeout)) ? Timeout : (int?)null, CancelAll))
            {
                while (followed.Count > 0)
                {
                    var next = followed.Min(e => e.NextPoll);
                    var now = DateTime.UtcNow;
                    if (!Pause(next - now, deadline) || !PollRound(followed, pacer, faults, interval, deadline))
                    {
                        EndAtTimeout(emitterIds);
                        return;
                    }
                }
            }
            WriteVerboseLine(string.Format(CultureInfo.InvariantCulture,
                "Stopped waiting: none of the followed {0}s can be read any more.", EmitterNoun));
        }

        /// <summary>The time between two polls of an emitter: -PollSeconds, or longer when the pacer cannot poll them all in that time.</summary>
        private TimeSpan FollowInterval(int emitters)
        {
            var asked = TimeSpan.FromSeconds(PollSeconds);
            var round = PdPollPacer.RoundTime(emitters);
            var tail = Tail == 0 ? "" : string.Format(CultureInfo.InvariantCulture, ", after the newest {0}{1}", Tail, emitters == 1 ? "" : " of each");
            WriteVerboseLine(string.Format(CultureInfo.InvariantCulture, "Waiting for new events of {0} {1}{2}{3}, polling every {4} s.",
                emitters, EmitterNoun, emitters == 1 ? "" : "s", tail, PollSeconds));
            if (round <= asked) return asked;
            WriteVerboseLine(string.Format(CultureInfo.InvariantCulture,
                "Polling {0} {1}s at most {2} requests a second: each {1} is polled about every {3:0.#} s rather than every {4} s.",
                emitters, EmitterNoun, PdPollPacer.RequestsPerSecond, round.TotalSeconds, PollSeconds));
            return round;
        }

        /// <summary>
        /// Polls every emitter that is due, then writes their new events in time order. False when
        /// the time ran out during the round (what came before is still written).
        /// </summary>
        private bool PollRound(List<PdFollowedEmitter> followed, PdPollPacer pacer, PdFollowFaults faults, TimeSpan interval, PdWaitDeadline? deadline)
        {
            var roundStart = DateTime.UtcNow;
            var due = followed.Where(e => e.NextPoll <= roundStart).OrderBy(e => e.Position).ToList();
            var batch = new PdFollowBatch<T>();
            var errors = new List<ErrorRecord>();
            PdApiException? refused = null;
            string? refusedFor = null;
            var inTime = true;
            foreach (var emitter in due)
            {
                if (!Pause(pacer.Reserve(DateTime.UtcNow), deadline) || !TryPoll(emitter, deadline, out var page, out var error))
                {
                    inTime = false;
                    break;
                }
                if (page != null)
                {
                    Take(emitter, page, batch, faults, errors);
                    emitter.NextPoll = roundStart + interval;
                    continue;
                }
                if (PdErrors.IsKeyRefused(error!))
                {
                    refused = error;
                    refusedFor = emitter.Id;
                    break;
                }
                if (EndsEmitter(error!))
                {
                    followed.Remove(emitter);
                    faults.Forget(emitter.Id);
                    errors.Add(PdErrors.ToErrorRecord(error!, emitter.Id));
                    continue;
                }
                var warning = faults.Failed(emitter.Id, error!, DateTime.UtcNow, out var retryIn);
                if (warning != null) WriteWarningLine(warning);
                if (error!.ErrorId == PdErrors.RateLimited) pacer.HoldFor(DateTime.UtcNow, error.RetryAfter ?? retryIn);
                emitter.NextPoll = roundStart + retryIn;
            }
            foreach (var item in batch.InTimeOrder()) WriteModel(item);
            foreach (var record in errors) WriteError(record);
            if (refused != null) ThrowApiError(refused, refusedFor);
            return inTime;
        }

        /// <summary>
        /// One poll: the emitter's newest page. False when the time ran out meanwhile. A failure
        /// after the connection's retries is <paramref name="error"/>; Ctrl+C stops the pipeline.
        /// </summary>
        private bool TryPoll(PdFollowedEmitter emitter, PdWaitDeadline? deadline, out PdPage<T>? page, out PdApiException? error)
        {
            page = null;
            error = null;
            var request = CreateListRequest(emitter.Id).SetQuery("limit", PdEventWindow.Size.ToString(CultureInfo.InvariantCulture));
            try
            {
                page = Wait(ReadPageAsync<T>(request));
            }
            catch (PipelineStoppedException) when (deadline != null && deadline.Passed && !StopRequested)
            {
                return false;
            }
            catch (PdApiException ex)
            {
                error = ex;
            }
            return true;
        }

        /// <summary>
        /// Adds a page's new events to the round: the newest -Tail of them on the emitter's first good
        /// poll, then every new one. A new event that does not fit its model is an error of its own,
        /// told once (it stays in the window like any other), not a failed poll: the events around
        /// it still come, and an outage elsewhere is still told.
        /// </summary>
        private void Take(PdFollowedEmitter emitter, PdPage<T> page, PdFollowBatch<T> batch, PdFollowFaults faults, List<ErrorRecord> errors)
        {
            var entries = PdPageEntry<T>.Of(page);
            var first = !emitter.Window.IsSeeded;
            var change = emitter.Window.Update(entries.Select(e => e.Id).ToList());
            var fresh = first ? change.NewIndexes.Take(Tail).ToList() : change.NewIndexes;
            if (change.MayHaveGap) WriteWarningLine(GapWarning(emitter, change, entries[change.NewIndexes[change.NewIndexes.Count - 1]]));
            // The page lists newest first; the round is written oldest first.
            for (var i = fresh.Count - 1; i >= 0; i--)
            {
                var entry = entries[fresh[i]];
                if (entry.Misfit != null)
                {
                    errors.Add(MisfitRecord(emitter, entry.Misfit));
                    continue;
                }
                Stamp(entry.Item!, emitter.Id);
                batch.Add(entry.Item!, emitter);
            }
            // One without an id cannot be told from its copy at the next poll: told once while any is listed.
            var idless = entries.FirstOrDefault(e => e.Misfit != null && e.Id == null).Misfit;
            if (idless != null && !emitter.ToldIdless && !first) errors.Add(MisfitRecord(emitter, idless));
            emitter.ToldIdless = idless != null;
            var now = DateTime.UtcNow;
            emitter.LastPolled = now;
            var resumed = faults.Succeeded(emitter.Id, now);
            if (resumed != null) WriteVerboseLine(resumed);
        }

        /// <summary>The page's PdInvalidResponse for one event, named by its emitter and id.</summary>
        private ErrorRecord MisfitRecord(PdFollowedEmitter emitter, PdMisfit misfit)
        {
            var problem = misfit.Problem!;
            var text = string.Format(CultureInfo.InvariantCulture, "The {0} {1} has an event, {2}, that is left out: {3}",
                EmitterNoun, emitter.Id, misfit.Id == null ? "without an id" : PdText.Quote(misfit.Id), problem.Message);
            var exception = new PdApiException(problem.ErrorId, text, problem.Method, problem.Path, problem.StatusCode, problem.ApiMessage, problem.InnerException)
            {
                Attempts = problem.Attempts,
            };
            return PdErrors.ToErrorRecord(exception, emitter.Id);
        }

        private string GapWarning(PdFollowedEmitter emitter, PdWindowChange change, PdPageEntry<T> oldestNew)
        {
            var from = change.LastSeen?.Time ?? emitter.LastPolled;
            var to = new PdEventId(oldestNew.Id ?? string.Empty).Time ?? oldestNew.Item?.IndexedAt;
            return string.Format(CultureInfo.InvariantCulture,
                "The {0} {1} has {2} new events since the last poll, a full page: the API keeps only its last {2}, so events from between {3} and {4} may be missing.",
                EmitterNoun, emitter.Id, PdEventWindow.Size, Moment(from, "the previous poll"), Moment(to, "the oldest event listed"));
        }

        private static string Moment(DateTime? time, string otherwise) =>
            time is DateTime t ? PdTimeText.Text(t, milliseconds: true) : otherwise;

        /// <summary>An emitter that is gone (404), forbidden (403) or refused (400, 422) ends its own part; asking again would not change that.</summary>
        private static bool EndsEmitter(PdApiException error) =>
            error.ErrorId == PdErrors.NotFound || error.ErrorId == PdErrors.Forbidden ||
            error.ErrorId == PdErrors.BadRequest || error.ErrorId == PdErrors.InvalidArgument;

        /// <summary>
        /// Waits <paramref name="span"/> unless Ctrl+C (which stops the pipeline) or the deadline
        /// comes first; false when the time is up.
        /// </summary>
        private bool Pause(TimeSpan span, PdWaitDeadline? deadline)
        {
            if (span > TimeSpan.Zero) CancellationToken.WaitHandle.WaitOne(span);
            if (StopRequested) throw new PipelineStoppedException();
            return deadline == null || !deadline.Passed;
        }

        /// <summary>-Timeout is up: a quiet end, or PdWaitTimeout when errors are to stop the command.</summary>
        private void EndAtTimeout(IReadOnlyList<string> emitterIds)
        {
            if (ErrorsStop()) ThrowTerminatingError(WaitTimeoutRecord(emitterIds));
            WriteVerboseLine(string.Format(CultureInfo.InvariantCulture, "Stopped waiting: -Timeout {0} s is up.", Timeout));
        }
    }
}
