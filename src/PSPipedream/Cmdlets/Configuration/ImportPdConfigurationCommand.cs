using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using PSPipedream.Configuration;
using PSPipedream.Errors;
using PSPipedream.Http;
using PSPipedream.Json;

namespace PSPipedream.Cmdlets
{
    /// <summary>
    /// Makes the account match the document: webhooks, the components it lacks, sources,
    /// subscriptions, then (with -Prune) removals, each stage done before the next. A failed item
    /// is a non-terminating error; what depends on it is Skipped; everything else goes ahead.
    /// </summary>
    [Cmdlet(VerbsData.Import, "PdConfiguration", DefaultParameterSetName = "Path",
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ConfigurationChange))]
    public sealed class ImportPdConfigurationCommand : PdConfigurationCheckCmdlet
    {
        private readonly HashSet<ConfigPlanStep> _notDone = new HashSet<ConfigPlanStep>();
        private const string ImportView = "PSPipedream.ConfigurationChange#Import";
        private ConfigApplier? _applier;
        private string? _refusedKey;
        private readonly ConfigImportTally _tally = new ConfigImportTally();

        /// <summary>Remove what the account holds and the file does not.</summary>
        [Parameter(HelpMessage = "Also delete the sources, subscriptions and webhooks the file does not hold (asks first, unless -Force). Without it nothing is deleted.")]
        public SwitchParameter Prune { get; set; }

        /// <summary>Workflow ids to rewrite, old to new.</summary>
        [Parameter(HelpMessage = "Workflow ids to rewrite in the file's subscriptions, e.g. @{ p_old = 'p_new' }, when importing into another account.")]
        [ValidateNotNull]
        public Hashtable? WorkflowMap { get; set; }

        /// <summary>Values for the file's secret placeholders.</summary>
        [Parameter(HelpMessage = "Values for the file's placeholders, by the placeholder's text, e.g. @{ 'feed.token' = (Read-Host -AsSecureString) }. SecureStrings or strings. Needed for every secret of a source that is created.")]
        [ValidateNotNull]
        public Hashtable? Secret { get; set; }

        [Parameter(HelpMessage = "How many writes to have in flight at once within a stage, 1 to 32 (default 4). Each stage still ends before the next begins.")]
        [ValidateRange(1, PdThrottle.Max)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Remove without asking (with -Prune).</summary>
        [Parameter(HelpMessage = "With -Prune, delete without asking first. -WhatIf still wins.")]
        public SwitchParameter Force { get; set; }

        private protected override int ThrottleLimitValue => ThrottleLimit;

        private bool WhatIf => LanguagePrimitives.IsTrue(PdCommonParameters.GivenOrPreference(this, "WhatIf", "WhatIfPreference"));

        private protected override void Run(string text)
        {
            // Parsed before any request: a file that is not even JSON costs no call.
            var wanted = ConfigReader.Parse(text);
            var live = ReadLive(force: false);
            ConfigWorkflowMap.Apply(wanted, WorkflowMap);
            ConfigValidator.Validate(wanted, LiveNames(live));
            var changes = ConfigDiff.Compare(wanted, live, Scope);
            var secrets = new ConfigSecrets(Secret);
            secrets.CheckCreates(wanted, changes);

            var steps = ConfigPlan.Order(changes, wanted, live.Ids);
            var removals = steps.Where(IsRemoval).ToList();
            if (!Prune.IsPresent) steps = steps.Except(removals).ToList();
            _applier = new ConfigApplier(live, secrets, OrgId ?? ResolveConnection().OrgId, ConfigApplier.PropsOf(LiveSources));
            foreach (var phase in steps.Select(s => s.Phase).Distinct().OrderBy(p => p))
            {
                foreach (var step in steps.Where(s => s.Phase == phase)) Apply(step);
                FinishDispatched();
            }
            if (!Prune.IsPresent && removals.Count > 0) WriteWarningLine(ConfigImportTally.NotPruned(removals));
            var summary = _tally.Summary();
            if (summary != null) WriteWarningLine(summary);
        }

        private void Apply(ConfigPlanStep step)
        {
            var reason = _refusedKey != null ? "Skipped because the API refused the key (" + _refusedKey + ")." : step.SkipReason(_notDone);
            if (reason != null)
            {
                _notDone.Add(step);
                Report(step, ConfigImportOutcome.Skipped, reason);
                return;
            }
            var applier = _applier!;
            if (step.LookupKey != null)
            {
                // A read: asked for by no prompt, and done under -WhatIf too, so the plan finds a missing key.
                var key = step.LookupKey;
                Send<Component>(step, () => ConfigComponentLookup.FindAsync(key, SendAsync<Component>)!, c => applier.Made("key:" + key, c.Id));
                return;
            }
            var change = step.Change;
            var action = change == null ? "Save component"
                : change.Action == ConfigurationAction.Replace ? applier.ReplaceAction(change.Name)
                : change.Action + " " + change.Kind.ToString().ToLowerInvariant();
            var target = step.Target();
            var confirmed = IsRemoval(step) ? ShouldProcessForce(Force.IsPresent, target, action) : ShouldProcessItem(target, action);
            if (!confirmed)
            {
                if (WhatIf) return;
                _notDone.Add(step);
                Report(step, ConfigImportOutcome.Skipped, "Skipped because it was not confirmed.");
                return;
            }

            if (change == null)
            {
                var hash = step.Component!.CodeHash;
                Send<Component>(step, applier.CreateComponent(step.Component), c => applier.Made("component:" + hash, c.Id));
                return;
            }
            switch (change.Item)
            {
                case ConfigWebhook webhook when change.Action == ConfigurationAction.Replace:
                    Replace(step, webhook);
                    break;
                case ConfigWebhook webhook when change.Action == ConfigurationAction.Create:
                    Send<Webhook>(step, applier.CreateWebhook(webhook), w => applier.Made("webhook:" + webhook.Name, w.Id));
                    break;
                case ConfigSource source when change.Action == ConfigurationAction.Create:
                    var create = applier.CreateSource(source, out var problem);
                    if (create == null) Fail(step, ConfigImportOutcome.Skipped, "Skipped because " + problem, null);
                    else Send<Source>(step, create, s => applier.Made("source:" + source.Name, s.Id));
                    break;
                case ConfigSource source when change.Action == ConfigurationAction.Update:
                    var update = applier.UpdateSource(change, source, out var why);
                    if (update == null) Fail(step, ConfigImportOutcome.Skipped, "Skipped because " + why, null);
                    else Send(step, update);
                    break;
                case ConfigSubscription subscription when change.Action == ConfigurationAction.Create:
                    var request = applier.CreateSubscription(subscription, out var missing);
                    if (request == null) Fail(step, ConfigImportOutcome.Skipped, "Skipped because " + missing + " has no id: it was not created.", null);
                    else Send(step, request);
                    break;
                case ConfigSubscription subscription:
                    var delete = applier.RemoveSubscription(subscription);
                    if (delete == null) Fail(step, ConfigImportOutcome.Skipped, "Skipped because one of its ends has no live id.", null);
                    else Send(step, delete);
                    break;
                default:
                    Send(step, applier.Remove(change));
                    break;
            }
        }

        /// <summary>One write in flight (up to -ThrottleLimit); its outcome is written in plan order.</summary>
        private void Send<T>(ConfigPlanStep step, PdRequest request, Action<T>? made) where T : class =>
            Send(step, () => SendAsync<T>(request)!, made);

        private void Send(ConfigPlanStep step, PdRequest request) => Send<JToken>(step, () => SendAsync(request), null);

        private void Send<T>(ConfigPlanStep step, Func<Task<T?>> send, Action<T>? made) where T : class
        {
            var target = step.Describe();
            Dispatch(target, () => Capture(send), outcome =>
            {
                if (outcome.Error != null)
                {
                    Fail(step, ConfigImportOutcome.Failed, "Failed: " + outcome.Error.Message, outcome.Error);
                    return;
                }
                if (outcome.Value != null) made?.Invoke(outcome.Value);
                Report(step, ConfigImportOutcome.Done, "Done");
            });
        }

        /// <summary>A webhook cannot be changed: a new one, its subscriptions moved to it, then the old one deleted.</summary>
        private void Replace(ConfigPlanStep step, ConfigWebhook webhook)
        {
            FinishDispatched();
            var applier = _applier!;
            var old = ConfigEnd.Webhook(webhook.Name);
            try
            {
                var created = Wait(SendAsync<Webhook>(applier.CreateWebhook(webhook)));
                applier.Made(old.Display, created.Id);
                foreach (var subscription in applier.SubscriptionsOf(webhook.Name).ToList())
                {
                    var emitter = subscription.Emitter.Display == old.Display ? created.Id : applier.LiveId(subscription.Emitter);
                    var listener = subscription.Listener.Display == old.Display ? created.Id : applier.LiveId(subscription.Listener);
                    Wait(SendAsync(applier.NewSubscription(emitter ?? string.Empty, listener ?? string.Empty, subscription.EventName)));
                    var delete = applier.RemoveSubscription(subscription);
                    if (delete != null) Wait(SendAsync(delete));
                }
                Wait(SendAsync(applier.Remove(step.Change!)));
                Report(step, ConfigImportOutcome.Done, "Done");
            }
            catch (PdApiException ex)
            {
                Fail(step, ConfigImportOutcome.Failed, "Failed: " + ex.Message, ex);
            }
        }

        private void Fail(ConfigPlanStep step, ConfigImportOutcome outcome, string result, PdApiException? error)
        {
            _notDone.Add(step);
            Report(step, outcome, result);
            // A refused key fails every write after it: the rest of the run is skipped, not sent.
            if (error != null && PdErrors.IsKeyRefused(error)) _refusedKey ??= error.StatusCode + " at " + step.Describe();
            if (error != null) WriteError(PdErrors.ToErrorRecord(error.WithAdvice(_tally.StageNote(step)), step.Describe()));
        }

        /// <summary>Writes the change with its result; a component saved is no change of its own.</summary>
        private void Report(ConfigPlanStep step, ConfigImportOutcome outcome, string result)
        {
            if (step.Change == null) return;
            _tally.Count(outcome);
            step.Change.Result = result;
            // Its own view, with the Result that Compare-PdConfiguration's changes do not have.
            var written = PSObject.AsPSObject(step.Change);
            written.TypeNames.Insert(0, ImportView);
            WriteObject(written);
        }

        private static bool IsRemoval(ConfigPlanStep step) =>
            step.Phase == ConfigPlanPhase.Removals || step.Phase == ConfigPlanPhase.SubscriptionRemovals;

        /// <summary>The request's outcome as a value, so its failure is this step's to record, not Dispatch's to write.</summary>
        private static async Task<ImportOutcome<T>> Capture<T>(Func<Task<T?>> send) where T : class
        {
            try
            {
                return new ImportOutcome<T>(await send().ConfigureAwait(false), null);
            }
            catch (PdApiException ex)
            {
                return new ImportOutcome<T>(null, ex);
            }
        }
    }
}
