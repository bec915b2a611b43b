using System;
using System.Collections;
using System.Management.Automation;
using System.Threading;
using PSPipedream.Text;

namespace PSPipedream.Json
{
    /// <summary>
    /// Reading a user's object runs its code (enumerators, script properties, indexers); a
    /// failure there is a refusal of the value, naming where it happened, not a crash of the cmdlet.
    /// </summary>
    internal sealed partial class FreeFormWalker
    {
        private T Read<T>(Func<T> read)
        {
            try
            {
                return read();
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                throw Unreadable(ex);
            }
        }

        private bool Next(IEnumerator enumerator)
        {
            try
            {
                return enumerator.MoveNext();
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                throw Unreadable(ex);
            }
        }

        private object? ReadCurrent(IEnumerator enumerator)
        {
            try
            {
                return enumerator.Current;
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                throw Unreadable(ex);
            }
        }

        private DictionaryEntry ReadEntry(IDictionaryEnumerator enumerator)
        {
            try
            {
                return enumerator.Entry;
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                throw Unreadable(ex);
            }
        }

        private object? ReadValue(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (Exception ex) when (IsReadFailure(ex))
            {
                throw Unreadable(ex);
            }
        }

        private FreeFormProblem Unreadable(Exception ex)
        {
            var cause = ex is System.Reflection.TargetInvocationException && ex.InnerException != null ? ex.InnerException : ex;
            return Problem(Path() + " could not be read: " + PdText.Quote(cause.Message));
        }

        private static bool IsReadFailure(Exception ex) =>
            !(ex is FreeFormProblem || ex is PipelineStoppedException || ex is OperationCanceledException
              || ex is OutOfMemoryException || ex is ThreadAbortException);
    }
}
