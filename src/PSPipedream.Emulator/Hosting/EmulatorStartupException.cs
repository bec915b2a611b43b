namespace PSPipedream.Emulator;

/// <summary>A problem with the emulator's options (bad users file, ...).</summary>
public sealed class EmulatorStartupException(string message, Exception? inner = null) : Exception(message, inner);
