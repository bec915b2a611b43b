using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace PSPipedream.Tests;

/// <summary>
/// A host that answers ShouldProcess prompts from a script of hotkeys ("Y", "A", "N", "L"), as a
/// user at a console would, and records each prompt's text and the lines written. Running out of answers fails the test.
/// </summary>
internal sealed class ScriptedHost : PSHost
{
    private readonly ScriptedUI _ui;

    public ScriptedHost(params string[] answers) => _ui = new ScriptedUI(answers);

    /// <summary>The message of each prompt, in the order asked.</summary>
    public IReadOnlyList<string> Prompts => _ui.Prompts;

    /// <summary>The lines written to the host, such as What-if lines.</summary>
    public IReadOnlyList<string> Lines => _ui.Lines;

    public override string Name => "ScriptedHost";
    public override Version Version => new Version(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
    public override void SetShouldExit(int exitCode) { }
    public override void EnterNestedPrompt() => throw new NotSupportedException();
    public override void ExitNestedPrompt() => throw new NotSupportedException();
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }

    private sealed class ScriptedUI : PSHostUserInterface
    {
        private readonly Queue<string> _answers;

        public ScriptedUI(IEnumerable<string> answers) => _answers = new Queue<string>(answers);

        public List<string> Prompts { get; } = new List<string>();
        public List<string> Lines { get; } = new List<string>();

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            Prompts.Add(message);
            if (_answers.Count == 0) throw new InvalidOperationException("Asked once more than scripted: " + message);
            var hotkey = "&" + _answers.Dequeue();
            var index = choices.ToList().FindIndex(c => c.Label.Contains(hotkey, StringComparison.OrdinalIgnoreCase));
            if (index < 0) throw new InvalidOperationException("No choice " + hotkey + " in: " + string.Join(", ", choices.Select(c => c.Label)));
            return index;
        }

        public override PSHostRawUserInterface? RawUI => null;
        public override string ReadLine() => throw new NotSupportedException();
        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
        public override void Write(string value) { }
        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }
        public override void WriteLine(string value) => Lines.Add(value);
        public override void WriteErrorLine(string value) { }
        public override void WriteDebugLine(string message) { }
        public override void WriteProgress(long sourceId, ProgressRecord record) { }
        public override void WriteVerboseLine(string message) { }
        public override void WriteWarningLine(string message) { }
        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
            PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
    }
}
